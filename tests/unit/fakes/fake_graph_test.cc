// The token endpoint (msgraph.md §2) and the Graph request basics (§3) of the fake Graph.
#include <gmock/gmock.h>

#include <regex>

#include "tests/unit/fakes/fake_graph_fixture.h"

namespace xlsync::fakes {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

using Form = std::vector<std::pair<std::string, std::string>>;

Form Without(Form form, const std::string& name) {
  std::erase_if(form, [&](const auto& field) { return field.first == name; });
  return form;
}

Form With(Form form, const std::string& name, const std::string& value) {
  for (auto& field : form) {
    if (field.first == name) field.second = value;
  }
  return form;
}

TEST_F(FakeGraphTest, IssuesABearerTokenForFormEncodedClientCredentials) {
  const auto reply = RequestToken(DemoForm());
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto body = Json(reply);
  EXPECT_EQ(body["token_type"], "Bearer");
  EXPECT_EQ(body["expires_in"], 3599);
  EXPECT_EQ(body["ext_expires_in"], 3599);
  EXPECT_FALSE(body["access_token"].get<std::string>().empty());
  EXPECT_TRUE(reply.headers.Get("x-ms-request-id").has_value());
  EXPECT_THAT(reply.headers.Get("Content-Type").value_or(""), StartsWith("application/json"));
}

TEST_F(FakeGraphTest, AcceptsTheTenantByGuidAsWellAsByDomain) {
  EXPECT_EQ(RequestToken(DemoForm(), ids_.tenant_id).status, 200);
  EXPECT_EQ(RequestToken(DemoForm(), "CONTOSO.onmicrosoft.com").status, 200);
}

TEST_F(FakeGraphTest, AcceptsClientAuthenticationByHttpBasic) {
  const Form form = Without(Without(DemoForm(), "client_secret"), "client_id");
  const std::string credentials = http::Base64Encode(http::PercentEncode(ids_.client_id) + ":" +
                                                     http::PercentEncode(ids_.client_secret));
  const auto reply = Send(http::Method::kPost, "/contoso.onmicrosoft.com/oauth2/v2.0/token",
                          http::FormEncode(form),
                          {{"Content-Type", "application/x-www-form-urlencoded"},
                           {"Authorization", "Basic " + credentials}});
  EXPECT_EQ(reply.status, 200) << reply.body;
}

struct TokenErrorCase {
  std::string name;
  std::string tenant;
  std::function<Form(Form)> change;
  int status;
  std::string error;
  int code;
};

class TokenErrorTest : public FakeGraphTest, public ::testing::WithParamInterface<TokenErrorCase> {
 protected:
  void SetUp() override {
    FakeGraphTest::SetUp();
    fake_->AddApp(ids_.tenant_id, "11111111-2222-4333-8444-555555555555", "old-secret", {}, true);
  }
};

TEST_P(TokenErrorTest, AnswersWithTheIdentityPlatformErrorOfSection24) {
  const auto& param = GetParam();
  const auto reply = RequestToken(param.change(DemoForm()), param.tenant);
  EXPECT_EQ(reply.status, param.status) << reply.body;
  const auto body = Json(reply);
  EXPECT_EQ(body["error"], param.error);
  EXPECT_EQ(body["error_codes"], nlohmann::json::array({param.code}));
  EXPECT_THAT(body["error_description"].get<std::string>(),
              StartsWith("AADSTS" + std::to_string(param.code) + ": "));
}

INSTANTIATE_TEST_SUITE_P(
    Section24, TokenErrorTest,
    ::testing::Values(
        TokenErrorCase{"UnknownTenant", "fabrikam.onmicrosoft.com", [](Form f) { return f; }, 400,
                       "invalid_tenant", 90002},
        TokenErrorCase{"MalformedTenant", "%7Btenantid%7D", [](Form f) { return f; }, 400,
                       "invalid_request", 900023},
        TokenErrorCase{
            "UnknownClient", "contoso.onmicrosoft.com",
            [](Form f) { return With(f, "client_id", "99999999-9999-4999-8999-999999999999"); },
            400, "unauthorized_client", 700016},
        TokenErrorCase{"WrongSecret", "contoso.onmicrosoft.com",
                       [](Form f) { return With(f, "client_secret", "secret-id-not-value"); }, 401,
                       "invalid_client", 7000215},
        TokenErrorCase{"ExpiredSecret", "contoso.onmicrosoft.com",
                       [](Form f) {
                         return With(With(f, "client_id", "11111111-2222-4333-8444-555555555555"),
                                     "client_secret", "old-secret");
                       },
                       401, "invalid_client", 7000222},
        TokenErrorCase{"MissingSecret", "contoso.onmicrosoft.com",
                       [](Form f) { return Without(f, "client_secret"); }, 401, "invalid_client",
                       7000218},
        TokenErrorCase{
            "WrongScope", "contoso.onmicrosoft.com",
            [](Form f) { return With(f, "scope", "https://graph.microsoft.com/.default"); }, 400,
            "invalid_scope", 70011},
        TokenErrorCase{"MissingScope", "contoso.onmicrosoft.com",
                       [](Form f) { return Without(f, "scope"); }, 400, "invalid_request", 900144},
        TokenErrorCase{"WrongGrant", "contoso.onmicrosoft.com",
                       [](Form f) { return With(f, "grant_type", "password"); }, 400,
                       "unsupported_grant_type", 70003}),
    [](const auto& test_info) { return test_info.param.name; });

TEST_F(FakeGraphTest, RefusesAJsonTokenRequestAsMissingParameters) {
  const auto reply = Send(http::Method::kPost, "/contoso.onmicrosoft.com/oauth2/v2.0/token",
                          nlohmann::json({{"grant_type", "client_credentials"}}).dump(),
                          {{"Content-Type", "application/json"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(Json(reply)["error"], "invalid_request");
  EXPECT_EQ(Json(reply)["error_codes"][0], 900144);
}

TEST_F(FakeGraphTest, TokenErrorBodyCarriesTraceCorrelationAndTimestamp) {
  const auto reply = Send(
      http::Method::kPost, "/contoso.onmicrosoft.com/oauth2/v2.0/token",
      http::FormEncode(With(DemoForm(), "client_secret", "wrong")),
      {{"Content-Type", "application/x-www-form-urlencoded"}, {"client-request-id", "corr-1"}});
  const auto body = Json(reply);
  EXPECT_EQ(body["trace_id"], reply.headers.Get("x-ms-request-id").value_or("?"));
  EXPECT_EQ(body["correlation_id"], "corr-1");
  EXPECT_TRUE(std::regex_match(body["timestamp"].get<std::string>(),
                               std::regex(R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ)")));
  const std::string description = body["error_description"];
  EXPECT_THAT(description, StartsWith("AADSTS7000215: Invalid client secret provided."));
  EXPECT_THAT(description, HasSubstr("\r\nTrace ID: " + body["trace_id"].get<std::string>()));
  EXPECT_THAT(description, HasSubstr("\r\nCorrelation ID: corr-1\r\nTimestamp: "));
  EXPECT_EQ(body["error_uri"], fake_->url() + "/error?code=7000215");
}

TEST_F(FakeGraphTest, TokenLifetimeIsConfigurable) {
  fake_->SetTokenLifetime(std::chrono::seconds(600));
  EXPECT_EQ(Json(RequestToken(DemoForm()))["expires_in"], 600);
}

TEST_F(FakeGraphTest, AGraphCallWithoutATokenIs401WithTheChallenge) {
  const auto reply = Send(http::Method::kGet, Drive());
  EXPECT_EQ(reply.status, 401);
  EXPECT_THAT(Codes(reply), ElementsAre("InvalidAuthenticationToken"));
  EXPECT_EQ(Json(reply)["error"]["message"], "Access token is empty.");
  EXPECT_THAT(reply.headers.Get("WWW-Authenticate").value_or(""), StartsWith("Bearer realm=\"\""));
}

TEST_F(FakeGraphTest, AnUnknownTokenIs401) {
  const auto reply =
      Send(http::Method::kGet, Drive(), "", {{"Authorization", "Bearer not-a-token"}});
  EXPECT_EQ(reply.status, 401);
  EXPECT_THAT(Codes(reply), ElementsAre("InvalidAuthenticationToken"));
}

TEST_F(FakeGraphTest, AnExpiredTokenIs401InvalidAuthenticationToken) {
  ASSERT_EQ(Get(Drive()).status, 200);
  clock_.Advance(std::chrono::seconds(3599));
  const auto reply = Get(Drive());
  EXPECT_EQ(reply.status, 401);
  EXPECT_THAT(Codes(reply), ElementsAre("InvalidAuthenticationToken"));
  EXPECT_EQ(Json(reply)["error"]["message"], "Access token has expired or is not yet valid.");
  EXPECT_TRUE(reply.headers.Get("WWW-Authenticate").has_value());
}

TEST_F(FakeGraphTest, ExpireAllTokensMakesTheNextCallUnauthenticated) {
  ASSERT_EQ(Get(Drive()).status, 200);
  fake_->ExpireAllTokens();
  EXPECT_EQ(Get(Drive()).status, 401);
}

TEST_F(FakeGraphTest, ErrorsCarryInnerErrorDateAndBothRequestIds) {
  const auto reply =
      Graph(http::Method::kGet, Drive() + "/items/01NOPE", "", {{"client-request-id", "abc-123"}});
  ASSERT_EQ(reply.status, 404);
  const auto inner = Json(reply)["error"]["innerError"];
  EXPECT_EQ(inner["client-request-id"], "abc-123");
  EXPECT_EQ(inner["request-id"], reply.headers.Get("request-id").value_or("?"));
  EXPECT_TRUE(std::regex_match(inner["date"].get<std::string>(),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)")));
}

TEST_F(FakeGraphTest, EchoesClientRequestIdAndGeneratesRequestId) {
  const auto reply = Graph(http::Method::kGet, Drive(), "", {{"client-request-id", "my-id-1"}});
  EXPECT_EQ(reply.headers.Get("client-request-id"), "my-id-1");
  EXPECT_EQ(reply.headers.Get("request-id").value_or("").size(), 36u);
  EXPECT_NE(reply.headers.Get("request-id"), Get(Drive()).headers.Get("request-id"));
}

TEST_F(FakeGraphTest, AnAppWithoutPermissionGets403NoRolesClaim) {
  fake_->AddApp(ids_.tenant_id, "22222222-2222-4222-8222-222222222222", "s",
                AppAccess{AppPermission::kNone, false});
  const std::string token =
      Json(RequestToken(With(With(DemoForm(), "client_id", "22222222-2222-4222-8222-222222222222"),
                             "client_secret", "s")))
          .value("access_token", "");
  const auto reply = Send(http::Method::kGet, Drive(), "", {{"Authorization", "Bearer " + token}});
  EXPECT_EQ(reply.status, 403);
  EXPECT_THAT(Codes(reply), ElementsAre("accessDenied"));
  EXPECT_EQ(Json(reply)["error"]["message"],
            "Either scp or roles claim need to be present in the token.");
}

TEST_F(FakeGraphTest, SitesSelectedWorksOnlyWithTheGrant) {
  fake_->AddApp(ids_.tenant_id, "33333333-3333-4333-8333-333333333333", "s",
                AppAccess{AppPermission::kSitesSelected, false});
  fake_->AddApp(ids_.tenant_id, "44444444-4444-4444-8444-444444444444", "s",
                AppAccess{AppPermission::kSitesSelected, true});
  auto token_for = [&](const std::string& id) {
    return Json(RequestToken(With(With(DemoForm(), "client_id", id), "client_secret", "s")))
        .value("access_token", "");
  };
  const auto refused =
      Send(http::Method::kGet, Drive(), "",
           {{"Authorization", "Bearer " + token_for("33333333-3333-4333-8333-333333333333")}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_THAT(Codes(refused), ElementsAre("accessDenied"));
  const auto granted =
      Send(http::Method::kGet, Drive(), "",
           {{"Authorization", "Bearer " + token_for("44444444-4444-4444-8444-444444444444")}});
  EXPECT_EQ(granted.status, 200);
}

TEST_F(FakeGraphTest, TheMeEndpointIsABadRequestForAnAppToken) {
  const auto reply = Get("/v1.0/me/drive");
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(Codes(reply), ElementsAre("BadRequest"));
  EXPECT_EQ(Json(reply)["error"]["message"],
            "/me request is only valid with delegated authentication flow.");
}

TEST_F(FakeGraphTest, AJsonBodyWithoutJsonContentTypeIsRefused) {
  const auto reply =
      Send(http::Method::kPost, Workbook() + "/createSession", R"({"persistChanges":true})",
           {{"Authorization", "Bearer " + Token()}, {"Content-Type", "text/plain"}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(Codes(reply), ElementsAre("BadRequest"));
}

}  // namespace
}  // namespace xlsync::fakes
