// How Odoo's faults reach the user, over both transports (odoo-api.md §4, §5).
#include <gtest/gtest.h>

#include "odoo/client.h"
#include "odoo_replies.h"
#include "testing/support/recording_sleeper.h"
#include "testing/support/scripted_http_client.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

struct FaultCase {
  const char* what;
  http::Response reply;
  core::ErrorCode code;
  std::string upstream;
  std::string message;
};

// Reads `fields` of sale.order ordered by "name desc, bogus" after scripting the reply.
core::Result<json> SearchReadWith(const http::Response& reply, const Settings& settings,
                                  bool json2) {
  fakes::ScriptedHttpClient http;
  fakes::RecordingSleeper sleeper;
  json2 ? fakes::QueueJson2Connect(http) : fakes::QueueJsonRpcConnect(http);
  http.Enqueue(reply);
  Client client(http, sleeper, settings);
  return client.SearchRead("sale.order", json::array(), {"name"}, "name desc, bogus", 10,
                           Context());
}

void ExpectFault(const FaultCase& c, const core::Result<json>& result) {
  ASSERT_FALSE(result) << c.what;
  EXPECT_EQ(result.error().code, c.code) << c.what;
  EXPECT_EQ(result.error().upstream, c.upstream) << c.what;
  EXPECT_EQ(result.error().message, c.message) << c.what;
}

TEST(ClientErrorsTest, ClassifiesJsonRpcFaultsByExceptionName) {
  const std::vector<FaultCase> cases = {
      {"wrong password on execute_kw",
       fakes::RpcError("odoo.exceptions.AccessDenied", "Access Denied"),
       core::ErrorCode::kUnauthenticated, "odoo.exceptions.AccessDenied",
       "Odoo refused the password or API key of admin@acme.test on database acme: check them in "
       "the connection settings (API keys can expire)."},
      {"model not readable",
       fakes::RpcError("odoo.exceptions.AccessError",
                       "You are not allowed to access 'Sales Order' (sale.order) records.\n\nThis "
                       "operation is allowed for the following groups:\n\t- Sales/User\n\n"
                       "Contact your administrator to request access if necessary."),
       core::ErrorCode::kPermissionDenied, "odoo.exceptions.AccessError",
       "The Odoo user admin@acme.test may not read Odoo model sale.order: ask the Odoo "
       "administrator for read access to it."},
      {"record rule, 19 code 0",
       fakes::RpcError("odoo.exceptions.AccessError",
                       "Uh-oh! Looks like you have stumbled upon some top-secret records.", 0),
       core::ErrorCode::kPermissionDenied, "odoo.exceptions.AccessError",
       "The Odoo user admin@acme.test may not read Odoo model sale.order: ask the Odoo "
       "administrator for read access to it."},
      {"field restricted by groups",
       fakes::RpcError("odoo.exceptions.AccessError",
                       "You do not have enough rights to access the field \"margin\" on Sales "
                       "Order (sale.order). Please contact your system administrator.\n\n"
                       "Operation: read"),
       core::ErrorCode::kPermissionDenied, "odoo.exceptions.AccessError",
       "The Odoo user admin@acme.test may not read the field \"margin\" of Odoo model "
       "sale.order: remove it from the task or ask the Odoo administrator for access."},
      {"companies not the user's",
       fakes::RpcError("odoo.exceptions.AccessError",
                       "Access to unauthorized or invalid companies."),
       core::ErrorCode::kPermissionDenied, "odoo.exceptions.AccessError",
       "The Odoo user admin@acme.test does not belong to every company chosen for this task: "
       "remove the other companies from the task or ask the Odoo administrator to add the user "
       "to them."},
      {"unknown model",
       fakes::RpcError("odoo.exceptions.UserError", "Object sale.order doesn't exist"),
       core::ErrorCode::kNotFound, "odoo.exceptions.UserError",
       "The Odoo model \"sale.order\" does not exist on database acme: check the model's "
       "technical name (such as res.partner) and that its app is installed."},
      {"unknown field in fields",
       fakes::RpcError("builtins.ValueError", "Invalid field 'nmae' on model 'sale.order'"),
       core::ErrorCode::kInvalidInput, "builtins.ValueError",
       "The field \"nmae\" does not exist on Odoo model sale.order: remove it from the task or "
       "pick another field."},
      {"unknown field in order",
       fakes::RpcError("builtins.ValueError", "Invalid field 'bogus' on model 'sale.order'"),
       core::ErrorCode::kInvalidInput, "builtins.ValueError",
       "The sort order uses the field \"bogus\", which does not exist on Odoo model sale.order: "
       "correct the sort order."},
      {"unknown field in filter",
       fakes::RpcError("builtins.ValueError",
                       "Invalid field sale.order.no_such_field in leaf ('no_such_field', '=', 1)"),
       core::ErrorCode::kInvalidInput, "builtins.ValueError",
       "The filter uses the field \"no_such_field\", which does not exist on Odoo model "
       "sale.order: correct the filter."},
      {"malformed filter 17+",
       fakes::RpcError("builtins.ValueError", "Domain ['|'] is syntactically not correct."),
       core::ErrorCode::kInvalidInput, "builtins.ValueError",
       "Odoo rejected the filter (Domain ['|'] is syntactically not correct.): write it as a "
       "list of conditions such as [[\"is_company\", \"=\", true]]."},
      {"malformed filter 16",
       fakes::RpcError("builtins.AssertionError",
                       "This domain is syntactically not correct: ['|']"),
       core::ErrorCode::kInvalidInput, "builtins.AssertionError",
       "Odoo rejected the filter (This domain is syntactically not correct: ['|']): write it as "
       "a list of conditions such as [[\"is_company\", \"=\", true]]."},
      {"invalid operator",
       fakes::RpcError("builtins.ValueError", "Invalid leaf ('name', '~~', 'x')"),
       core::ErrorCode::kInvalidInput, "builtins.ValueError",
       "Odoo rejected the filter (Invalid leaf ('name', '~~', 'x')): write it as a list of "
       "conditions such as [[\"is_company\", \"=\", true]]."},
      {"bad order",
       fakes::RpcError("odoo.exceptions.UserError",
                       "Invalid \"order\" specified (name desc, bogus). A valid \"order\" "
                       "specification is a comma-separated list of valid field names"),
       core::ErrorCode::kInvalidInput, "odoo.exceptions.UserError",
       "Odoo does not accept the sort order \"name desc, bogus\" on Odoo model sale.order: use "
       "field names separated by commas, each optionally followed by asc or desc."},
      {"record deleted",
       fakes::RpcError("odoo.exceptions.MissingError",
                       "Record does not exist or has been deleted.\n(Record: sale.order(9,), "
                       "User: 2)"),
       core::ErrorCode::kNotFound, "odoo.exceptions.MissingError",
       "A record of Odoo model sale.order was deleted while xlsync was reading it: run the "
       "export again."},
      {"other server error", fakes::RpcError("builtins.KeyError", "'currency_id'\nmore detail"),
       core::ErrorCode::kInternal, "builtins.KeyError", "Odoo reported an error: 'currency_id'"},
      {"constraint",
       fakes::RpcError("odoo.exceptions.ValidationError", "The operation cannot be completed"),
       core::ErrorCode::kInvalidInput, "odoo.exceptions.ValidationError",
       "Odoo reported an error: The operation cannot be completed"},
  };
  for (const auto& c : cases) {
    ExpectFault(c, SearchReadWith(c.reply, fakes::JsonRpcSettings(), false));
  }
}

TEST(ClientErrorsTest, ClassifiesJson2ErrorsInAllThreeBodyShapes) {
  const std::vector<FaultCase> cases = {
      {"invalid key", fakes::Json2Error(401, "werkzeug.exceptions.Unauthorized", "Invalid apikey"),
       core::ErrorCode::kUnauthenticated, "werkzeug.exceptions.Unauthorized",
       "Odoo rejected the API key for database acme: check the key in the connection settings, "
       "or create a new one in Odoo under Preferences > Account Security (keys can expire)."},
      {"401 as a web page", fakes::HtmlReply(401), core::ErrorCode::kUnauthenticated, "HTTP 401",
       "Odoo rejected the API key for database acme: check the key in the connection settings, "
       "or create a new one in Odoo under Preferences > Account Security (keys can expire)."},
      {"access error",
       fakes::Json2Error(403, "odoo.exceptions.AccessError",
                         "You are not allowed to access 'Sales Order' "
                         "(sale.order) records."),
       core::ErrorCode::kPermissionDenied, "odoo.exceptions.AccessError",
       "The Odoo user of the API key may not read Odoo model sale.order: ask the Odoo "
       "administrator for read access to it."},
      {"unknown model",
       fakes::Json2Error(404, "werkzeug.exceptions.NotFound",
                         "the model 'sale.order' does not exist"),
       core::ErrorCode::kNotFound, "werkzeug.exceptions.NotFound",
       "The Odoo model \"sale.order\" does not exist on database acme: check the model's "
       "technical name (such as res.partner) and that its app is installed."},
      {"bad order",
       fakes::Json2Error(422, "odoo.exceptions.UserError",
                         "Invalid \"order\" specified (name desc, bogus)."),
       core::ErrorCode::kInvalidInput, "odoo.exceptions.UserError",
       "Odoo does not accept the sort order \"name desc, bogus\" on Odoo model sale.order: use "
       "field names separated by commas, each optionally followed by asc or desc."},
      {"unknown field",
       fakes::Json2Error(500, "builtins.ValueError", "Invalid field 'nmae' on model 'sale.order'"),
       core::ErrorCode::kInvalidInput, "builtins.ValueError",
       "The field \"nmae\" does not exist on Odoo model sale.order: remove it from the task or "
       "pick another field."},
      {"bare string (saas-18.4)", fakes::JsonReply(422, "missing a required argument: 'domain'"),
       core::ErrorCode::kInvalidInput, "HTTP 422",
       "Odoo reported an error: missing a required argument: 'domain'"},
      {"older server redirects to the login page",
       {303,
        {{"Location", "/web/login?redirect=%2Fjson%2F2%2Fsale.order%2Fsearch_read%3F"}},
        "<!doctype html>\n<title>Redirecting...</title>"},
       core::ErrorCode::kInvalidInput,
       "HTTP 303",
       "The Odoo server at https://acme.odoo.com has no JSON-2 API (it is older than Odoo 19): "
       "choose JSON-RPC in the connection settings."},
      {"500 web page", fakes::HtmlReply(500), core::ErrorCode::kUnavailable, "HTTP 500",
       "The Odoo server at https://acme.odoo.com failed with HTTP 500 and no answer: try again "
       "later, and if it keeps happening ask the Odoo administrator to check the server log."},
  };
  for (const auto& c : cases) {
    ExpectFault(c, SearchReadWith(c.reply, fakes::Json2Settings(), true));
  }
}

TEST(ClientErrorsTest, Json2InvalidKeyOnLoginIsNotRetried) {
  fakes::ScriptedHttpClient http;
  fakes::RecordingSleeper sleeper;
  http.Enqueue(fakes::WebVersion("19.0"));
  http.Enqueue(fakes::Json2Error(401, "werkzeug.exceptions.Unauthorized", "Invalid apikey"));
  Client client(http, sleeper, fakes::Json2Settings());
  auto connected = client.Connect();
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().code, core::ErrorCode::kUnauthenticated);
  EXPECT_EQ(http.requests().size(), 2u);
  EXPECT_TRUE(sleeper.waits().empty());
}

TEST(ClientErrorsTest, NeverPutsTheApiKeyInAJson2Error) {
  fakes::ScriptedHttpClient http;
  fakes::RecordingSleeper sleeper;
  fakes::QueueJson2Connect(http);
  http.Enqueue(fakes::Json2Error(422, "odoo.exceptions.UserError",
                                 std::string("bad value ") + fakes::kApiKey));
  Client client(http, sleeper, fakes::Json2Settings());
  auto result = client.SearchCount("sale.order", json::array(), Context());
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message, "Odoo reported an error: bad value ********");
  EXPECT_EQ(result.error().detail.find(fakes::kApiKey), std::string::npos);
}

}  // namespace
}  // namespace xlsync::odoo
