// /jsonrpc and the version probes of the fake Odoo, per version profile (odoo-api.md §2, §6, §11).
#include "tests/unit/fakes/fake_odoo_fixture.h"
#include "testing/fake_odoo/rpc_service.h"

#include <atomic>
#include <thread>
#include <vector>

namespace xlsync::fakes {
namespace {

using nlohmann::json;

class FakeOdooVersionTest : public FakeOdooTest, public ::testing::WithParamInterface<int> {};

TEST_P(FakeOdooVersionTest, CommonVersionHasTheShapeOfTheProfile) {
  FakeOdooOptions options;
  options.version = GetParam();
  Start(options);
  const std::string serie = std::to_string(GetParam()) + ".0";
  const json envelope = Rpc("common", "version", json::array(), 1);
  EXPECT_EQ(envelope["id"], 1);
  EXPECT_EQ(envelope["jsonrpc"], "2.0");
  EXPECT_EQ(envelope["result"]["server_serie"], serie);
  EXPECT_EQ(envelope["result"]["server_version"], serie + "-20250702");
  EXPECT_EQ(envelope["result"]["server_version_info"], json::array({GetParam(), 0, 0, "final", 0, ""}));
  EXPECT_EQ(envelope["result"]["protocol_version"], 1);
}

TEST_P(FakeOdooVersionTest, WebVersionExistsOnlyFrom19) {
  FakeOdooOptions options;
  options.version = GetParam();
  Start(options);
  const http::Response reply = Get("/web/version");
  if (GetParam() < 19) {
    EXPECT_EQ(reply.status, 404);
    EXPECT_NE(reply.headers.Get("Content-Type")->find("text/html"), std::string::npos);
    return;
  }
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(json::parse(reply.body), json({{"version_info", {19, 0, 0, "final", 0, ""}}, {"version", "19.0"}}));
}

TEST_P(FakeOdooVersionTest, WebclientVersionInfoAnswersTheVersionDictionary) {
  FakeOdooOptions options;
  options.version = GetParam();
  Start(options);
  const http::Response reply = Post("/web/webclient/version_info", R"({"jsonrpc":"2.0","method":"call","params":{},"id":3})");
  const json envelope = json::parse(reply.body);
  EXPECT_EQ(envelope["result"]["server_serie"], std::to_string(GetParam()) + ".0");
}

TEST_P(FakeOdooVersionTest, WrongKeyOnExecuteKwIsAnAccessDeniedEnvelopeWithTheVersionsCode) {
  FakeOdooOptions options;
  options.version = GetParam();
  Start(options);
  const json envelope = ExecuteKw("res.partner", "search_count", json::array({json::array()}), json::object(), "wrong");
  EXPECT_FALSE(envelope.contains("result"));
  EXPECT_EQ(envelope["error"]["code"], GetParam() >= 19 ? 0 : 200);
  EXPECT_EQ(envelope["error"]["message"], "Odoo Server Error");
  EXPECT_EQ(ErrorOf(envelope)["name"], "odoo.exceptions.AccessDenied");
  EXPECT_EQ(ErrorOf(envelope)["message"], "Access Denied");
  EXPECT_EQ(ErrorOf(envelope)["arguments"], json::array({"Access Denied"}));
  EXPECT_EQ(ErrorOf(envelope)["context"], json::object());
}

TEST_P(FakeOdooVersionTest, MethodNotFoundAndPrivateMethodMessagesFollowTheVersion) {
  FakeOdooOptions options;
  options.version = GetParam();
  Start(options);
  const bool old = GetParam() <= 17;
  const json missing = ErrorOf(ExecuteKw("res.partner", "no_such_method", json::array({json::array()})));
  EXPECT_EQ(missing["name"], "builtins.AttributeError");
  EXPECT_EQ(missing["message"], old ? "The method 'no_such_method' does not exist on the model 'res.partner'"
                                    : "The method 'res.partner.no_such_method' does not exist");
  const json hidden = ErrorOf(ExecuteKw("res.partner", "_compute_display_name", json::array({json::array({1})})));
  EXPECT_EQ(hidden["name"], "odoo.exceptions.AccessError");
  EXPECT_EQ(hidden["message"], old ? "Private methods (such as _compute_display_name) cannot be called remotely."
                                   : "Private methods (such as 'res.partner._compute_display_name') cannot be called "
                                     "remotely.");
}

INSTANTIATE_TEST_SUITE_P(Profiles, FakeOdooVersionTest, ::testing::Values(16, 17, 18, 19));

class FakeOdooRpcTest : public FakeOdooTest {};

TEST_F(FakeOdooRpcTest, AuthenticateReturnsTheUidForPasswordOrApiKeyAndFalseOtherwise) {
  Start();
  EXPECT_EQ(Rpc("common", "authenticate", {"demo", "admin", "admin", json::object()})["result"], 2);
  EXPECT_EQ(Rpc("common", "authenticate", {"demo", "admin", kAdminKey, json::object()})["result"], 2);
  EXPECT_EQ(Rpc("common", "authenticate", {"demo", "demo", "demo", json::object()})["result"], 6);
  EXPECT_EQ(Rpc("common", "login", {"demo", "admin", "admin"})["result"], 2);
  const json wrong = Rpc("common", "authenticate", {"demo", "admin", "wrong-password", json::object()});
  EXPECT_EQ(wrong["result"], false);
  EXPECT_FALSE(wrong.contains("error"));
  EXPECT_EQ(Rpc("common", "authenticate", {"demo", "admin", "", json::object()})["result"], false);
  EXPECT_EQ(Rpc("common", "authenticate", {"no_such_db", "admin", "admin", json::object()})["result"], false);
}

TEST_F(FakeOdooRpcTest, UnknownDatabaseCanRaiseLikeTheCaptured18Server) {
  FakeOdooOptions options;
  options.unknown_database_raises = true;
  Start(options);
  const json error = ErrorOf(Rpc("common", "authenticate", {"no_such_db", "admin", "admin", json::object()}));
  EXPECT_EQ(error["name"], "psycopg2.OperationalError");
  EXPECT_EQ(error["message"], "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database "
                              "\"no_such_db\" does not exist\n");
}

TEST_F(FakeOdooRpcTest, AuthenticateWithTheWrongNumberOfArgumentsIsATypeError) {
  Start();
  const json error = ErrorOf(Rpc("common", "authenticate", {"demo", "admin", "admin"}));
  EXPECT_EQ(error["name"], "builtins.TypeError");
  EXPECT_EQ(error["message"], "exp_authenticate() missing 1 required positional argument: 'user_agent_env'");
}

TEST_F(FakeOdooRpcTest, ExecuteKwWithAnApiKeyWorksAndTheIdIsEchoed) {
  Start();
  const json envelope = Rpc("object", "execute_kw", {"demo", 2, kAdminKey, "res.partner", "search_count", json::array({json::array()})},
                            "call-42");
  EXPECT_EQ(envelope["id"], "call-42");
  EXPECT_EQ(envelope["result"], odoo_->Count("res.partner"));
}

TEST_F(FakeOdooRpcTest, ExecuteWithPositionalArgumentsWorksToo) {
  Start();
  const json envelope =
      Rpc("object", "execute", {"demo", 2, "admin", "res.partner", "search", json::array(), 0, 3, "id"});
  EXPECT_EQ(envelope["result"], json::array({1, 2, 3}));
}

TEST_F(FakeOdooRpcTest, DbListNamesTheDatabase) {
  Start();
  EXPECT_EQ(Rpc("db", "list", json::array())["result"], json::array({"demo"}));
}

TEST_F(FakeOdooRpcTest, UnknownServiceIsAKeyError) {
  Start();
  const json error = ErrorOf(Rpc("no_such_service", "version", json::array()));
  EXPECT_EQ(error["name"], "builtins.KeyError");
  EXPECT_EQ(error["message"], "no_such_service");
}

TEST_F(FakeOdooRpcTest, BodyThatIsNotJsonIs400InvalidJsonData) {
  Start();
  const http::Response reply = Post("/jsonrpc", "{not json");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.body, "Invalid JSON data");
}

TEST_F(FakeOdooRpcTest, BodyThatIsNotAnObjectIs400InvalidJsonRpcData) {
  Start();
  const http::Response reply = Post("/jsonrpc", R"([{"jsonrpc":"2.0"}])");
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(reply.body, "Invalid JSON-RPC data");
}

TEST_F(FakeOdooRpcTest, RequestWithoutJsonContentTypeIsABadRequest) {
  Start();
  const http::Response reply = Post("/jsonrpc", "{}", {{"Content-Type", "text/plain"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_NE(reply.body.find("Request inferred type is compatible with ['http']"), std::string::npos);
}

TEST_F(FakeOdooRpcTest, TheEnvelopeOmitsResultWhenTheMethodReturnsNone) {
  EXPECT_EQ(JsonRpcEnvelope(7, json(nullptr), 18), json({{"jsonrpc", "2.0"}, {"id", 7}}));
  EXPECT_EQ(JsonRpcEnvelope(nullptr, json(false), 18), json({{"jsonrpc", "2.0"}, {"id", nullptr}, {"result", false}}));
}

TEST_F(FakeOdooRpcTest, PasswordIsCheckedOnEveryCallAndAnEmptyOneIsRefused) {
  Start();
  EXPECT_TRUE(ExecuteKw("res.partner", "search_count", json::array({json::array()})).contains("result"));
  EXPECT_EQ(ErrorOf(ExecuteKw("res.partner", "search_count", json::array({json::array()}), json::object(), ""))["name"],
            "odoo.exceptions.AccessDenied");
  EXPECT_EQ(ErrorOf(ExecuteKw("res.partner", "search_count", json::array({json::array()}), json::object(), "demo"))["name"],
            "odoo.exceptions.AccessDenied");
}

TEST_F(FakeOdooRpcTest, ExecuteKwOnAnUnknownDatabaseIsAnOperationalError) {
  Start();
  const json envelope = Rpc("object", "execute_kw", {"other", 2, "admin", "res.partner", "search_count",
                                                     json::array({json::array()})});
  EXPECT_EQ(ErrorOf(envelope)["name"], "psycopg2.OperationalError");
}

TEST_F(FakeOdooRpcTest, UnknownUidIsAMissingErrorOnTheUser) {
  Start();
  const json error = ErrorOf(ExecuteKw("res.partner", "search_count", json::array({json::array()}), json::object(), "admin", 999999));
  EXPECT_EQ(error["name"], "odoo.exceptions.MissingError");
  EXPECT_EQ(error["message"], "Record does not exist or has been deleted.\n(Record: res.users(999999,), User: 999999)");
}

TEST_F(FakeOdooRpcTest, ConcurrentReadersAndAWriterAllGetAnswers) {
  Start();
  std::atomic<int> answered{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      for (int i = 0; i < 15; ++i) {
        if (ExecuteKw("sale.order", "search_read", json::array({json::array()}), {{"fields", {"amount_total"}}})
                .contains("result")) {
          ++answered;
        }
      }
    });
  }
  for (int i = 0; i < 15; ++i) {
    ExecuteKw("res.partner", "write", json::array({json::array({1}), {{"name", "Writer " + std::to_string(i)}}}));
  }
  for (std::thread& reader : readers) reader.join();
  EXPECT_EQ(answered.load(), 60);
  EXPECT_EQ(odoo_->SearchRead("res.partner", json::array({json::array({"id", "=", 1})}), {"name"})[0]["name"], "Writer 14");
}

}  // namespace
}  // namespace xlsync::fakes
