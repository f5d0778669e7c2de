#include "odoo/client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "odoo_replies.h"
#include "testing/support/recording_sleeper.h"
#include "testing/support/scripted_http_client.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

struct Fixture {
  fakes::ScriptedHttpClient http;
  fakes::RecordingSleeper sleeper;
};

TEST(ClientTest, ConnectsOverJsonRpcWhenWebVersionIsMissing) {
  Fixture f;
  f.http.Enqueue(fakes::HtmlReply(404));
  fakes::QueueJsonRpcConnect(f.http, 7);
  auto settings = fakes::JsonRpcSettings();
  settings.protocol = Protocol::kAuto;
  Client client(f.http, f.sleeper, settings);

  ASSERT_TRUE(client.Connect());

  EXPECT_EQ(client.version().major, 18);
  EXPECT_EQ(client.version().text, "18.0-20250702");
  EXPECT_EQ(client.protocol(), Protocol::kJsonRpc);
  EXPECT_EQ(client.uid(), 7);
  const auto requests = f.http.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0].method, http::Method::kGet);
  EXPECT_EQ(requests[0].url, "https://acme.odoo.com/web/version");
  EXPECT_EQ(requests[1].url, "https://acme.odoo.com/jsonrpc");
  EXPECT_EQ(fakes::BodyOf(requests[1])["params"],
            json({{"service", "common"}, {"method", "version"}, {"args", json::array()}}));
  EXPECT_EQ(fakes::BodyOf(requests[2])["params"],
            json({{"service", "common"},
                  {"method", "authenticate"},
                  {"args", {"acme", "admin@acme.test", fakes::kPassword, json::object()}}}));
  EXPECT_EQ(requests[2].headers.Get("Content-Type"), "application/json");
  EXPECT_EQ(requests[2].timeout, std::chrono::milliseconds(120'000));
}

TEST(ClientTest, ForcedJsonRpcSkipsTheWebVersionProbe) {
  Fixture f;
  fakes::QueueJsonRpcConnect(f.http);
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());
  ASSERT_TRUE(client.Connect());
  EXPECT_EQ(f.http.requests().size(), 2u);
  EXPECT_EQ(f.http.requests()[0].url, "https://acme.odoo.com/jsonrpc");
}

TEST(ClientTest, SendsTheApiKeyInsteadOfThePasswordWhenBothAreGiven) {
  Fixture f;
  fakes::QueueJsonRpcConnect(f.http);
  auto settings = fakes::JsonRpcSettings();
  settings.api_key = core::Secret(fakes::kApiKey);
  Client client(f.http, f.sleeper, settings);
  ASSERT_TRUE(client.Connect());
  EXPECT_EQ(fakes::RpcArgs(f.http.requests()[1])[2], fakes::kApiKey);
}

TEST(ClientTest, ChoosesJson2OnOdoo19WhenAnApiKeyIsGiven) {
  Fixture f;
  fakes::QueueJson2Connect(f.http, 9);
  Client client(f.http, f.sleeper, fakes::Json2Settings());

  ASSERT_TRUE(client.Connect());

  EXPECT_EQ(client.protocol(), Protocol::kJson2);
  EXPECT_EQ(client.version().major, 19);
  EXPECT_EQ(client.uid(), 9);
  const auto request = f.http.requests()[1];
  EXPECT_EQ(request.url, "https://acme.odoo.com/json/2/res.users/context_get");
  EXPECT_EQ(request.headers.Get("Authorization"), std::string("bearer ") + fakes::kApiKey);
  EXPECT_EQ(request.headers.Get("X-Odoo-Database"), "acme");
  EXPECT_EQ(request.headers.Get("Content-Type"), "application/json");
}

TEST(ClientTest, StaysOnJsonRpcOnOdoo19WithoutAnApiKey) {
  Fixture f;
  f.http.Enqueue(fakes::WebVersion("19.0"));
  f.http.Enqueue(fakes::RpcResult(2));
  auto settings = fakes::JsonRpcSettings();
  settings.protocol = Protocol::kAuto;
  Client client(f.http, f.sleeper, settings);
  ASSERT_TRUE(client.Connect());
  EXPECT_EQ(client.protocol(), Protocol::kJsonRpc);
  EXPECT_EQ(f.http.requests()[1].url, "https://acme.odoo.com/jsonrpc");
}

TEST(ClientTest, ForcedJson2OnOdoo17SaysToChooseJsonRpc) {
  Fixture f;
  f.http.Enqueue(fakes::HtmlReply(404));
  f.http.Enqueue(fakes::CommonVersion("17.0", 17));
  auto settings = fakes::Json2Settings();
  settings.protocol = Protocol::kJson2;
  Client client(f.http, f.sleeper, settings);
  auto connected = client.Connect();
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().message,
            "The Odoo server at https://acme.odoo.com runs Odoo 17.0, which has no JSON-2 API: "
            "choose JSON-RPC in the connection settings.");
}

TEST(ClientTest, SearchReadSendsExecuteKwWithTheContextInsideKwargs) {
  Fixture f;
  fakes::QueueJsonRpcConnect(f.http);
  f.http.Enqueue(fakes::RpcResult(json::array({{{"id", 1}, {"name", "Acme"}}})));
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());
  Context context;
  context.lang = "fr_FR";
  context.active_test = false;

  auto records = client.SearchRead("res.partner", json::parse(R"([["is_company","=",true]])"),
                                   {"name"}, "id", 80, context);

  ASSERT_TRUE(records) << records.error().message;
  EXPECT_EQ(*records, json::parse(R"([{"id":1,"name":"Acme"}])"));
  EXPECT_EQ(fakes::RpcArgs(f.http.requests()[2]), json::parse(R"(
    ["acme", 2, "s3cret-Pa55", "res.partner", "search_read", [],
     {"domain": [["is_company","=",true]], "fields": ["name"], "order": "id", "limit": 80,
      "context": {"lang": "fr_FR", "active_test": false}}])"));
}

TEST(ClientTest, ReadPassesTheIdsAsTheFirstPositionalArgument) {
  Fixture f;
  fakes::QueueJsonRpcConnect(f.http);
  f.http.Enqueue(fakes::RpcResult(json::array()));
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());
  ASSERT_TRUE(client.Read("res.partner", {4, 2}, {"name"}, Context()));
  const json args = fakes::RpcArgs(f.http.requests()[2]);
  EXPECT_EQ(args[4], "read");
  EXPECT_EQ(args[5], json::parse("[[4, 2]]"));
  EXPECT_EQ(args[6], json::parse(R"({"fields": ["name"], "context": {"lang": "en_US"}})"));
}

TEST(ClientTest, SearchCountAndSearchReturnTypedValues) {
  Fixture f;
  fakes::QueueJsonRpcConnect(f.http);
  f.http.Enqueue(fakes::RpcResult(42));
  f.http.Enqueue(fakes::RpcResult({9, 3, 5}));
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());
  auto count = client.SearchCount("sale.order", json::array(), Context());
  auto ids = client.Search("sale.order", json::array(), "name desc", Context());
  ASSERT_TRUE(count);
  ASSERT_TRUE(ids);
  EXPECT_EQ(*count, 42);
  EXPECT_EQ(*ids, (std::vector<int64_t>{9, 3, 5}));
  EXPECT_EQ(fakes::RpcArgs(f.http.requests()[3])[6]["order"], "name desc");
}

TEST(ClientTest, FieldsGetAsksForTheAttributesItUsesAndBuildsTheSchema) {
  Fixture f;
  fakes::QueueJsonRpcConnect(f.http);
  f.http.Enqueue(fakes::RpcResult(json::parse(R"({
    "name": {"type": "char", "string": "Order Reference", "required": true, "store": true},
    "partner_id": {"type": "many2one", "string": "Customer", "relation": "res.partner",
                   "store": true}})")));
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());
  auto schema = client.FieldsGet("sale.order", Context());
  ASSERT_TRUE(schema);
  EXPECT_EQ(schema->model(), "sale.order");
  ASSERT_NE(schema->Find("partner_id"), nullptr);
  EXPECT_EQ(schema->Find("partner_id")->relation, "res.partner");
  EXPECT_EQ(fakes::RpcArgs(f.http.requests()[2])[6]["attributes"],
            json({"string", "type", "relation", "selection", "required", "readonly", "store",
                  "digits", "currency_field"}));
}

TEST(ClientTest, ExecuteAlwaysSendsALanguage) {
  Fixture f;
  fakes::QueueJsonRpcConnect(f.http);
  f.http.Enqueue(fakes::JsonReply(200, {{"jsonrpc", "2.0"}, {"id", 1}}));  // None: no result
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());
  auto result = client.Execute("res.partner", "check_access_rights", nullptr,
                               {{"operation", "read"}, {"raise_exception", false}});
  ASSERT_TRUE(result);
  EXPECT_TRUE(result->is_null());
  EXPECT_EQ(fakes::RpcArgs(f.http.requests()[2])[6],
            json::parse(R"({"operation": "read", "raise_exception": false,
                            "context": {"lang": "en_US"}})"));
}

TEST(ClientTest, RefusedLoginIsReportedOnceAndNeverRetried) {
  Fixture f;
  f.http.Enqueue(fakes::CommonVersion("17.0", 17));
  f.http.Enqueue(fakes::RpcResult(false));
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());

  auto connected = client.Connect();

  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().code, core::ErrorCode::kUnauthenticated);
  EXPECT_EQ(connected.error().message,
            "Odoo refused the login for admin@acme.test on database acme: check the login and "
            "the password or API key.");
  EXPECT_EQ(f.http.requests().size(), 2u);
  EXPECT_TRUE(f.sleeper.waits().empty());
}

TEST(ClientTest, AccessDeniedOnExecuteKwIsNotRetried) {
  Fixture f;
  fakes::QueueJsonRpcConnect(f.http);
  f.http.Enqueue(fakes::RpcError("odoo.exceptions.AccessDenied", "Access Denied"));
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());
  auto count = client.SearchCount("res.partner", json::array(), Context());
  ASSERT_FALSE(count);
  EXPECT_EQ(count.error().upstream, "odoo.exceptions.AccessDenied");
  EXPECT_EQ(f.http.requests().size(), 3u);
  EXPECT_TRUE(f.sleeper.waits().empty());
}

TEST(ClientTest, RetriesProxyErrorsThenSucceeds) {
  Fixture f;
  fakes::QueueJsonRpcConnect(f.http);
  f.http.Enqueue(fakes::HtmlReply(502, "<html><body>502 Bad Gateway</body></html>"));
  f.http.Enqueue(fakes::HtmlReply(504, "<html><body>504 Gateway Time-out</body></html>"));
  f.http.Enqueue(fakes::RpcResult(5));
  http::RetryCounters counters;
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings(), &counters);
  auto count = client.SearchCount("res.partner", json::array(), Context());
  ASSERT_TRUE(count) << count.error().message;
  EXPECT_EQ(*count, 5);
  EXPECT_EQ(f.sleeper.waits().size(), 2u);
  EXPECT_EQ(counters.retries.load(), 2);
}

TEST(ClientTest, HonoursRetryAfterOn429) {
  Fixture f;
  fakes::QueueJsonRpcConnect(f.http);
  f.http.Enqueue({429, {{"Retry-After", "7"}}, "Too Many Requests"});
  f.http.Enqueue(fakes::RpcResult(5));
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());
  ASSERT_TRUE(client.SearchCount("res.partner", json::array(), Context()));
  ASSERT_EQ(f.sleeper.waits().size(), 1u);
  EXPECT_GE(f.sleeper.waits()[0], std::chrono::seconds(7));
}

TEST(ClientTest, GivesUpAfterSixAttemptsOnAnUnavailableServer) {
  Fixture f;
  fakes::QueueJsonRpcConnect(f.http);
  for (int i = 0; i < 6; ++i) f.http.Enqueue(fakes::HtmlReply(503));
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());
  auto count = client.SearchCount("res.partner", json::array(), Context());
  ASSERT_FALSE(count);
  EXPECT_EQ(count.error().code, core::ErrorCode::kUnavailable);
  EXPECT_EQ(count.error().upstream, "HTTP 503");
  EXPECT_EQ(count.error().message,
            "The Odoo server at https://acme.odoo.com is not answering (HTTP 503 from its "
            "proxy): try again in a few minutes, and lower the page size if it keeps happening.");
  EXPECT_EQ(f.http.requests().size(), 8u);
  EXPECT_EQ(f.sleeper.waits().size(), 5u);
}

TEST(ClientTest, ReportsAnUnreachableServerAfterRetryingConnectionFailures) {
  Fixture f;
  for (int i = 0; i < 6; ++i) {
    f.http.EnqueueError(
        core::Unavailable("Could not reach https://acme.odoo.com (Couldn't "
                          "connect to server): check ...",
                          std::string(http::kCouldNotConnect)));
  }
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());
  auto connected = client.Connect();
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().code, core::ErrorCode::kUnavailable);
  EXPECT_EQ(connected.error().message,
            "Could not reach the Odoo server at https://acme.odoo.com: check the URL and your "
            "network, then try again.");
  EXPECT_EQ(connected.error().upstream, "CURLE_COULDNT_CONNECT");
  EXPECT_EQ(f.http.requests().size(), 6u);
}

TEST(ClientTest, ReportsATimeoutAfterRetryingIt) {
  Fixture f;
  for (int i = 0; i < 6; ++i) {
    f.http.EnqueueError(core::Timeout("No answer in time", std::string(http::kTimedOut)));
  }
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());
  auto connected = client.Connect();
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().code, core::ErrorCode::kTimeout);
  EXPECT_EQ(connected.error().message,
            "The Odoo server at https://acme.odoo.com did not answer in time: check that it is "
            "up, or lower the page size, then try again.");
  EXPECT_EQ(f.http.requests().size(), 6u);
}

TEST(ClientTest, StopsWaitingWhenTheRunIsStopped) {
  Fixture f;
  f.http.Enqueue(fakes::HtmlReply(502));
  f.sleeper.StopAfter(0);
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());
  auto connected = client.Connect();
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().code, core::ErrorCode::kCancelled);
  EXPECT_EQ(f.http.requests().size(), 1u);
}

TEST(ClientTest, DoesNotRetryAnUnknownHostName) {
  Fixture f;
  f.http.EnqueueError(
      core::Unavailable("Could not reach ...", std::string(http::kCouldNotResolve)));
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());
  auto connected = client.Connect();
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().upstream, "CURLE_COULDNT_RESOLVE_HOST");
  EXPECT_EQ(f.http.requests().size(), 1u);
}

TEST(ClientTest, A404OnJsonRpcMeansLegacyRpcIsTurnedOff) {
  Fixture f;
  f.http.Enqueue(fakes::HtmlReply(404));
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());
  auto connected = client.Connect();
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().message,
            "The Odoo server at https://acme.odoo.com has its JSON-RPC API turned off (HTTP 404 "
            "on /jsonrpc): use an API key so xlsync can use JSON-2.");
  EXPECT_EQ(connected.error().upstream, "HTTP 404");
}

TEST(ClientTest, A404OnBothProbesMeansTheUrlIsNotOdoo) {
  Fixture f;
  f.http.Enqueue(fakes::HtmlReply(404));
  f.http.Enqueue(fakes::HtmlReply(404));
  Client client(f.http, f.sleeper, fakes::Json2Settings());
  auto connected = client.Connect();
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().message,
            "The address https://acme.odoo.com does not answer like an Odoo server (HTTP 404 on "
            "/web/version and /jsonrpc): check the Odoo URL.");
}

TEST(ClientTest, AWebPageInsteadOfJsonIsReportedPlainly) {
  Fixture f;
  f.http.Enqueue(fakes::HtmlReply(200, "<html><body>Please sign in to the portal</body></html>"));
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());
  auto connected = client.Connect();
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_EQ(connected.error().message,
            "The address https://acme.odoo.com answered HTTP 200 with a web page instead of "
            "Odoo's API: check that the Odoo URL is the address of the Odoo server itself.");
  EXPECT_EQ(f.http.requests().size(), 1u);
}

TEST(ClientTest, AnUnknownDatabaseIsNamed) {
  Fixture f;
  f.http.Enqueue(fakes::CommonVersion("18.0"));
  f.http.Enqueue(fakes::RpcError(
      "psycopg2.OperationalError",
      "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \"acme\" does "
      "not exist\n"));
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());
  auto connected = client.Connect();
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(connected.error().message,
            "The Odoo database \"acme\" does not exist on https://acme.odoo.com: check the "
            "database name (on Odoo Online it is the instance name, as in mycompany.odoo.com).");
  EXPECT_EQ(connected.error().upstream, "psycopg2.OperationalError");
}

TEST(ClientTest, NeverPutsThePasswordInAnErrorEvenWhenOdooEchoesIt) {
  Fixture f;
  fakes::QueueJsonRpcConnect(f.http);
  f.http.Enqueue(
      fakes::RpcError("builtins.TypeError",
                      std::string("execute_kw() got ('acme', 2, '") + fakes::kPassword + "')"));
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());
  auto count = client.SearchCount("res.partner", json::array(), Context());
  ASSERT_FALSE(count);
  EXPECT_THAT(count.error().message, Not(HasSubstr(fakes::kPassword)));
  EXPECT_THAT(count.error().detail, Not(HasSubstr(fakes::kPassword)));
  EXPECT_EQ(count.error().message,
            "Odoo reported an error: execute_kw() got ('acme', 2, '********')");
}

TEST(ClientTest, RejectsPlainHttpToARemoteHostBeforeSendingAnything) {
  Fixture f;
  auto settings = fakes::JsonRpcSettings();
  settings.url = "http://acme.odoo.com";
  Client client(f.http, f.sleeper, settings);
  auto connected = client.Connect();
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_TRUE(f.http.requests().empty());
}

TEST(ClientTest, RejectsAnEmptyDatabaseOrLoginBeforeSendingCredentials) {
  Fixture f;
  auto settings = fakes::JsonRpcSettings();
  settings.database = "";
  Client no_database(f.http, f.sleeper, settings);
  EXPECT_FALSE(no_database.Connect());
  EXPECT_TRUE(f.http.requests().empty());

  f.http.Enqueue(fakes::CommonVersion("17.0", 17));
  settings = fakes::JsonRpcSettings();
  settings.login = "";
  Client no_login(f.http, f.sleeper, settings);
  auto connected = no_login.Connect();
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().message,
            "The Odoo login is empty: enter the user's login (often an e-mail address), which "
            "JSON-RPC needs.");
  EXPECT_EQ(f.http.requests().size(), 1u);
}

TEST(ClientTest, CallsBeforeConnectConnectFirst) {
  Fixture f;
  fakes::QueueJsonRpcConnect(f.http);
  f.http.Enqueue(fakes::RpcResult(3));
  Client client(f.http, f.sleeper, fakes::JsonRpcSettings());
  auto count = client.SearchCount("res.partner", json::array(), Context());
  ASSERT_TRUE(count);
  EXPECT_EQ(client.uid(), 2);
  EXPECT_EQ(f.http.requests().size(), 3u);
}

}  // namespace
}  // namespace xlsync::odoo
