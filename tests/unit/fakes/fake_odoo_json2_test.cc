// Odoo 19's JSON-2 endpoint of the fake (odoo-api.md §5), and what 18 answers on that path.
#include "tests/unit/fakes/fake_odoo_fixture.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

class FakeOdooJson2Test : public FakeOdooTest {
 protected:
  void SetUp() override {
    FakeOdooOptions options;
    options.version = 19;
    Start(options);
  }
  static json Body(const http::Response& reply) { return json::parse(reply.body, nullptr, false); }
};

TEST_F(FakeOdooJson2Test, SuccessReturnsTheBareValue) {
  const http::Response reply = Json2("res.partner", "search_read",
                                     {{"domain", {{"id", "<=", 2}}}, {"fields", {"name"}}, {"order", "id"}});
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.headers.Get("Content-Type"), "application/json; charset=utf-8");
  const json rows = Body(reply);
  ASSERT_TRUE(rows.is_array());
  EXPECT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1], json({{"id", 2}, {"name", "=1+2"}}));
  EXPECT_EQ(Body(Json2("res.partner", "search", {{"domain", {{"id", "<", 3}}}, {"order", "id"}})), json::array({1, 2}));
  EXPECT_EQ(Body(Json2("res.partner", "read", {{"ids", {2}}, {"fields", {"name"}}})),
            json::array({{{"id", 2}, {"name", "=1+2"}}}));
}

TEST_F(FakeOdooJson2Test, TheBearerSchemeIsCaseInsensitive) {
  const http::Response reply = Post("/json/2/res.partner/search_count", R"({"domain": []})",
                                    {{"Authorization", std::string("BEARER ") + kAdminKey},
                                     {"Content-Type", "application/json; charset=utf-8"}});
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(Body(reply), odoo_->Count("res.partner"));
}

TEST_F(FakeOdooJson2Test, MissingAuthorizationIs401WithWwwAuthenticate) {
  const http::Response reply = Post("/json/2/res.partner/search_count", R"({"domain": []})");
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(reply.headers.Get("WWW-Authenticate"), "Bearer");
  const json body = Body(reply);
  EXPECT_EQ(body["name"], "werkzeug.exceptions.Unauthorized");
  EXPECT_EQ(body["message"], "User not authenticated, use an API Key with a Bearer Authorization header.");
  EXPECT_EQ(body["arguments"], json::array({body["message"], 401}));
}

TEST_F(FakeOdooJson2Test, InvalidApiKeyIs401InvalidApikey) {
  const http::Response reply = Json2("res.partner", "search_count", {{"domain", json::array()}}, "0000");
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(Body(reply)["message"], "Invalid apikey");
  EXPECT_EQ(reply.headers.Get("WWW-Authenticate"), "Bearer");
}

TEST_F(FakeOdooJson2Test, APasswordIsNotABearerToken) {
  EXPECT_EQ(Json2("res.partner", "search_count", {{"domain", json::array()}}, "admin").status, 401);
}

TEST_F(FakeOdooJson2Test, NonJsonContentTypeIs415WithAccept) {
  const http::Response reply = Post("/json/2/res.partner/search_count", R"({"domain": []})",
                                    {{"Authorization", std::string("bearer ") + kAdminKey},
                                     {"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(reply.status, 415);
  EXPECT_EQ(reply.headers.Get("Accept"), "application/json");
  EXPECT_EQ(Body(reply)["name"], "werkzeug.exceptions.UnsupportedMediaType");
}

TEST_F(FakeOdooJson2Test, IdsOnAModelMethodIs422) {
  const http::Response reply = Json2("res.partner", "search_read", {{"ids", {1}}, {"fields", {"name"}}});
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(Body(reply)["message"], "cannot call res.partner.search_read with ids");
}

TEST_F(FakeOdooJson2Test, BindErrorsAre422WithInspectMessages) {
  EXPECT_EQ(Body(Json2("res.partner", "search", json::object()))["message"], "missing a required argument: 'domain'");
  const http::Response unexpected = Json2("res.partner", "search_count", {{"domain", json::array()}, {"bogus", 1}});
  EXPECT_EQ(unexpected.status, 422);
  EXPECT_EQ(Body(unexpected)["message"], "got an unexpected keyword argument 'bogus'");
}

TEST_F(FakeOdooJson2Test, UnknownModelAndMethodAre404) {
  const http::Response model = Json2("foo.bar", "search", {{"domain", json::array()}});
  EXPECT_EQ(model.status, 404);
  EXPECT_EQ(Body(model)["message"], "the model 'foo.bar' does not exist");
  const http::Response method = Json2("res.partner", "frobnicate", json::object());
  EXPECT_EQ(method.status, 404);
  EXPECT_EQ(Body(method)["message"], "The method 'res.partner.frobnicate' does not exist");
}

TEST_F(FakeOdooJson2Test, AccessErrorIs403AndValueErrorIs500) {
  const http::Response acl = Json2("account.move", "search_count", {{"domain", json::array()}}, kDemoKey);
  EXPECT_EQ(acl.status, 403);
  EXPECT_EQ(Body(acl)["name"], "odoo.exceptions.AccessError");
  const http::Response value = Json2("res.partner", "search_read", {{"fields", {"nope"}}});
  EXPECT_EQ(value.status, 500);
  EXPECT_EQ(Body(value)["name"], "builtins.ValueError");
  EXPECT_EQ(Body(value)["message"], "Invalid field 'nope' on model 'res.partner'");
  EXPECT_EQ(Body(value)["arguments"], json::array({"Invalid field 'nope' on model 'res.partner'"}));
  const http::Response user_error = Json2("res.partner", "search", {{"domain", json::array()}, {"order", "name,"}});
  EXPECT_EQ(user_error.status, 422);
  EXPECT_EQ(Json2("res.partner", "_compute_display_name", {{"ids", {1}}}).status, 403);
}

TEST_F(FakeOdooJson2Test, OtherVerbsAndPathsAre404DidYouMean) {
  const http::Response get = Get("/json/2/res.partner/search_read");
  EXPECT_EQ(get.status, 404);
  EXPECT_EQ(Body(get)["message"], "Did you mean POST /json/2/<model>/<method>?");
  EXPECT_EQ(Post("/json/2/res.partner", "{}").status, 404);
}

TEST_F(FakeOdooJson2Test, ContextTravelsInTheBody) {
  const json count = Body(Json2("res.partner", "search_count", {{"domain", json::array()}, {"context", {{"active_test", false}}}}));
  EXPECT_EQ(count, 40);
  const json labels = Body(Json2("res.partner", "fields_get",
                                 {{"allfields", {"name"}}, {"attributes", {"string"}}, {"context", {{"lang", "fr_FR"}}}}));
  EXPECT_EQ(labels, json({{"name", {{"string", "Nom"}}}}));
}

TEST_F(FakeOdooJson2Test, AWrongDatabaseHeaderIsNotRouted) {
  const http::Response reply = Post("/json/2/res.partner/search_count", R"({"domain": []})",
                                    {{"Authorization", std::string("bearer ") + kAdminKey},
                                     {"Content-Type", "application/json"}, {"X-Odoo-Database", "other"}});
  EXPECT_EQ(reply.status, 404);
  EXPECT_NE(reply.headers.Get("Content-Type")->find("text/html"), std::string::npos);
  const http::Response right = Post("/json/2/res.partner/search_count", R"({"domain": []})",
                                    {{"Authorization", std::string("bearer ") + kAdminKey},
                                     {"Content-Type", "application/json"}, {"X-Odoo-Database", "demo"}});
  EXPECT_EQ(right.status, 200);
}

TEST_F(FakeOdooJson2Test, ContextGetNamesTheKeysOwner) {
  EXPECT_EQ(Body(Json2("res.users", "context_get", json::object(), kDemoKey))["uid"], 6);
}

class FakeOdooJson2AbsentTest : public FakeOdooTest {};

TEST_F(FakeOdooJson2AbsentTest, Odoo18RedirectsJson2ToTheLoginPage) {
  Start();
  const http::Response reply = Json2("res.partner", "search_read", {{"domain", json::array()}, {"limit", 1}});
  EXPECT_EQ(reply.status, 303);
  EXPECT_EQ(reply.headers.Get("Location"), "/web/login?redirect=%2Fjson%2F2%2Fres.partner%2Fsearch_read%3F");
  EXPECT_EQ(reply.headers.Get("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(reply.body.find("<title>Redirecting...</title>"), std::string::npos);
}

}  // namespace
}  // namespace xlsync::fakes
