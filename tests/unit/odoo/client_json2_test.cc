// The JSON-2 wire format (odoo-api.md §5): named arguments, ids and context as body keys.
#include <gtest/gtest.h>

#include "odoo/client.h"
#include "odoo_replies.h"
#include "testing/support/recording_sleeper.h"
#include "testing/support/scripted_http_client.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

struct Json2Fixture {
  Json2Fixture() { fakes::QueueJson2Connect(http); }
  fakes::ScriptedHttpClient http;
  fakes::RecordingSleeper sleeper;
  Client client{http, sleeper, fakes::Json2Settings()};
};

TEST(ClientJson2Test, SearchReadPostsNamedArgumentsWithoutIds) {
  Json2Fixture f;
  f.http.Enqueue(fakes::JsonReply(200, json::parse(R"([{"id": 3, "name": "S00003"}])")));
  Context context;
  context.tz = "Europe/Brussels";
  context.allowed_company_ids = {1, 3};

  auto records = f.client.SearchRead("sale.order", json::parse(R"([["state","=","sale"]])"),
                                     {"name"}, "id", 500, context);

  ASSERT_TRUE(records) << records.error().message;
  EXPECT_EQ((*records)[0]["name"], "S00003");
  const auto request = f.http.requests()[2];
  EXPECT_EQ(request.method, http::Method::kPost);
  EXPECT_EQ(request.url, "https://acme.odoo.com/json/2/sale.order/search_read");
  EXPECT_EQ(fakes::BodyOf(request), json::parse(R"(
    {"domain": [["state","=","sale"]], "fields": ["name"], "order": "id", "limit": 500,
     "context": {"lang": "en_US", "tz": "Europe/Brussels", "allowed_company_ids": [1, 3]}})"));
}

TEST(ClientJson2Test, ReadSendsTheIdsAsTheReservedIdsKey) {
  Json2Fixture f;
  f.http.Enqueue(fakes::JsonReply(200, json::array()));
  ASSERT_TRUE(f.client.Read("res.partner", {7, 8}, {"display_name"}, Context()));
  const auto request = f.http.requests()[2];
  EXPECT_EQ(request.url, "https://acme.odoo.com/json/2/res.partner/read");
  EXPECT_EQ(fakes::BodyOf(request), json::parse(R"(
    {"ids": [7, 8], "fields": ["display_name"], "context": {"lang": "en_US"}})"));
  EXPECT_EQ(request.headers.Get("Authorization"), std::string("bearer ") + fakes::kApiKey);
}

TEST(ClientJson2Test, SearchCountTakesTheBareReturnValue) {
  Json2Fixture f;
  f.http.Enqueue(fakes::JsonReply(200, 1234));
  auto count = f.client.SearchCount("res.partner", json::array(), Context());
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, 1234);
}

TEST(ClientJson2Test, RetriesAGatewayTimeoutOnJson2Too) {
  Json2Fixture f;
  f.http.Enqueue(fakes::HtmlReply(504));
  f.http.Enqueue(fakes::JsonReply(200, 5));
  auto count = f.client.SearchCount("res.partner", json::array(), Context());
  ASSERT_TRUE(count) << count.error().message;
  EXPECT_EQ(f.sleeper.waits().size(), 1u);
}

TEST(ClientJson2Test, ForcedJson2WithoutAnApiKeyAsksForOne) {
  fakes::ScriptedHttpClient http;
  fakes::RecordingSleeper sleeper;
  http.Enqueue(fakes::WebVersion("19.0"));
  auto settings = fakes::Json2Settings();
  settings.api_key = core::Secret();
  settings.protocol = Protocol::kJson2;
  Client client(http, sleeper, settings);
  auto connected = client.Connect();
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().message,
            "JSON-2 needs an API key: create one in Odoo under Preferences > Account Security and "
            "enter it in the connection, or choose JSON-RPC.");
  EXPECT_EQ(http.requests().size(), 1u);
}

}  // namespace
}  // namespace xlsync::odoo
