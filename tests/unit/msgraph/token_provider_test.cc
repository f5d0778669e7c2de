#include "msgraph/token_provider.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/msgraph/graph_test_support.h"

namespace xlsync::msgraph {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kSecret = "Xy8Q~ab+cd/ef=gh";

struct TokenHarness {
  fakes::ScriptedHttpClient http;
  fakes::FakeClock clock;
  fakes::RecordingSleeper sleeper{&clock};
  TokenProvider tokens{http, clock, sleeper, fakes::TestGraphSettings()};
};

http::Response AadError(int status, const std::string& error, long long code) {
  // The description quotes the secret on purpose: it must never reach an Error.
  return fakes::Reply(status, R"({"error":")" + error + R"(","error_description":"AADSTS)" +
                                  std::to_string(code) + ": Problem with secret " +
                                  std::string(kSecret) + R"(.\r\nTrace ID: t","error_codes":[)" +
                                  std::to_string(code) +
                                  R"(],"timestamp":"2024-07-15 11:14:02Z","trace_id":"trace-7",)"
                                  R"("correlation_id":"corr-7"})");
}

TEST(TokenProviderTest, PostsFormEncodedClientCredentialsToTheTenantsTokenUrl) {
  TokenHarness h;
  h.http.Enqueue(fakes::TokenReply("abc"));

  auto token = h.tokens.AccessToken();

  ASSERT_TRUE(token) << token.error().message;
  EXPECT_EQ(*token, "abc");
  ASSERT_EQ(h.http.requests().size(), 1u);
  const http::Request request = h.http.requests()[0];
  EXPECT_EQ(request.method, http::Method::kPost);
  EXPECT_EQ(request.url,
            "https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/"
            "oauth2/v2.0/token");
  EXPECT_EQ(request.headers.Get("Content-Type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(request.body,
            "client_id=535fb089-9ff3-47b6-9bfb-4f1264799865"
            "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"
            "&client_secret=Xy8Q~ab%2Bcd%2Fef%3Dgh&grant_type=client_credentials");
}

TEST(TokenProviderTest, UsesTheNationalCloudsHostsForUrlAndScope) {
  fakes::ScriptedHttpClient http;
  fakes::FakeClock clock;
  fakes::RecordingSleeper sleeper;
  Settings settings = fakes::TestGraphSettings();
  settings.authority_host = "https://login.microsoftonline.us/";
  settings.graph_url = "https://graph.microsoft.us/";
  TokenProvider tokens(http, clock, sleeper, settings);
  http.Enqueue(fakes::TokenReply("us"));

  ASSERT_TRUE(tokens.AccessToken());
  EXPECT_EQ(
      http.requests()[0].url,
      "https://login.microsoftonline.us/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token");
  EXPECT_THAT(http.requests()[0].body,
              HasSubstr("scope=https%3A%2F%2Fgraph.microsoft.us%2F.default&"));
}

TEST(TokenProviderTest, CachesTheTokenUntilFiveMinutesBeforeExpiry) {
  TokenHarness h;
  h.http.Enqueue(fakes::TokenReply("first", 3600));
  h.http.Enqueue(fakes::TokenReply("second", 3600));

  EXPECT_EQ(*h.tokens.AccessToken(), "first");
  h.clock.Advance(54min + 59s);
  EXPECT_EQ(*h.tokens.AccessToken(), "first");
  EXPECT_EQ(h.tokens.tokens_issued(), 1);
  h.clock.Advance(1s);  // exactly 5 minutes left
  EXPECT_EQ(*h.tokens.AccessToken(), "second");
  EXPECT_EQ(h.tokens.tokens_issued(), 2);
  EXPECT_EQ(h.http.requests().size(), 2u);
}

TEST(TokenProviderTest, RenewsOnceRefreshInHasPassed) {
  TokenHarness h;
  h.http.Enqueue(fakes::Reply(
      200, R"({"token_type":"bearer","expires_in":"86399","refresh_in":600,"access_token":"a"})"));
  h.http.Enqueue(fakes::TokenReply("b"));

  EXPECT_EQ(*h.tokens.AccessToken(), "a");
  h.clock.Advance(599s);
  EXPECT_EQ(*h.tokens.AccessToken(), "a");
  h.clock.Advance(1s);
  EXPECT_EQ(*h.tokens.AccessToken(), "b");
}

TEST(TokenProviderTest, InvalidateDropsOnlyTheTokenItWasGiven) {
  TokenHarness h;
  h.http.Enqueue(fakes::TokenReply("first"));
  h.http.Enqueue(fakes::TokenReply("second"));
  ASSERT_EQ(*h.tokens.AccessToken(), "first");

  h.tokens.Invalidate("some-older-token");
  EXPECT_EQ(*h.tokens.AccessToken(), "first");
  h.tokens.Invalidate("first");
  EXPECT_EQ(*h.tokens.AccessToken(), "second");
}

TEST(TokenProviderTest, RetriesTemporarilyUnavailableAndServerErrors) {
  TokenHarness h;
  h.http.Enqueue(AadError(400, "temporarily_unavailable", 90024));
  h.http.Enqueue(fakes::Reply(503, "<html>busy</html>"));
  h.http.EnqueueError(core::Unavailable("reset", "CURLE_RECV_ERROR"));
  h.http.Enqueue(fakes::TokenReply("late"));

  auto token = h.tokens.AccessToken();

  ASSERT_TRUE(token) << token.error().message;
  EXPECT_EQ(*token, "late");
  EXPECT_EQ(h.sleeper.waits().size(), 3u);
}

TEST(TokenProviderTest, DoesNotRetryAWrongSecret) {
  TokenHarness h;
  h.http.Enqueue(AadError(401, "invalid_client", 7000215));

  auto token = h.tokens.AccessToken();

  ASSERT_FALSE(token);
  EXPECT_EQ(h.http.requests().size(), 1u);
  EXPECT_TRUE(h.sleeper.waits().empty());
  EXPECT_EQ(h.tokens.tokens_issued(), 0);
}

TEST(TokenProviderTest, RejectsATokenReplyWithoutAToken) {
  TokenHarness h;
  h.http.Enqueue(fakes::Reply(200, R"({"token_type":"Bearer","expires_in":3599})"));

  auto token = h.tokens.AccessToken();

  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().message,
            "Microsoft sign-in answered with an unreadable token: try again in a few minutes.");
}

struct AadCase {
  std::string name;
  int status;
  std::string error;
  long long code;
  core::ErrorCode kind;
  std::string message;
};

class AadErrorTest : public ::testing::TestWithParam<AadCase> {};

TEST_P(AadErrorTest, MapsTheCodeToOneSentenceWithoutTheSecret) {
  const AadCase& c = GetParam();
  TokenHarness h;
  h.http.Enqueue(AadError(c.status, c.error, c.code));

  auto token = h.tokens.AccessToken();

  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().code, c.kind);
  EXPECT_EQ(token.error().message, c.message);
  EXPECT_EQ(token.error().upstream, "AADSTS" + std::to_string(c.code));
  EXPECT_THAT(token.error().detail, HasSubstr("trace_id=trace-7"));
  for (const std::string& text :
       {token.error().message, token.error().upstream, token.error().detail}) {
    EXPECT_THAT(text, Not(HasSubstr(std::string(kSecret))));
    EXPECT_THAT(text, Not(HasSubstr("Xy8Q")));
  }
}

const AadCase kAadCases[] = {
    {"WrongSecret", 401, "invalid_client", 7000215, core::ErrorCode::kUnauthenticated,
     "Microsoft rejected the client secret: paste the secret's Value (not its Secret ID) from "
     "Certificates & secrets in the app registration in Microsoft Entra."},
    {"ExpiredSecret", 401, "invalid_client", 7000222, core::ErrorCode::kUnauthenticated,
     "The client secret has expired: create a new one under Certificates & secrets in the app "
     "registration in Microsoft Entra and save its Value here."},
    {"AppNotInTenant", 400, "unauthorized_client", 700016, core::ErrorCode::kUnauthenticated,
     "The client ID is not known in this tenant: check the Application (client) ID, and that an "
     "administrator of this tenant registered the app or consented to it."},
    {"TenantNotFound", 400, "invalid_tenant", 90002, core::ErrorCode::kInvalidInput,
     "The tenant ID is wrong (Microsoft knows no such tenant in this cloud): copy the Directory "
     "(tenant) ID from the app registration's Overview page."},
    {"TenantMalformed", 400, "invalid_request", 900023, core::ErrorCode::kInvalidInput,
     "The tenant ID is wrong (it is neither a GUID nor a domain name): copy the Directory "
     "(tenant) ID from the app registration's Overview page."},
    {"MissingSecretValue", 401, "invalid_client", 7000218, core::ErrorCode::kInvalidInput,
     "Microsoft sign-in is missing a required value: enter the client ID and the client secret's "
     "Value in the Microsoft connection settings."},
    {"MissingParameter", 400, "invalid_request", 900144, core::ErrorCode::kInvalidInput,
     "Microsoft sign-in is missing a required value: enter the client ID and the client secret's "
     "Value in the Microsoft connection settings."},
    {"InvalidScope", 400, "invalid_scope", 70011, core::ErrorCode::kInternal,
     "Microsoft rejected the permission scope xlsync asked for: check the Microsoft Graph address "
     "setting, otherwise report this xlsync bug with the code shown."},
    {"ConditionalAccess", 400, "invalid_grant", 53003, core::ErrorCode::kPermissionDenied,
     "A Conditional Access policy blocks this app from signing in: ask an administrator to allow "
     "the app (or this server's location) in the policy."},
    {"AppDisabled", 400, "unauthorized_client", 7000112, core::ErrorCode::kPermissionDenied,
     "The app is disabled in this tenant: ask an administrator to enable it under Enterprise "
     "applications, Properties."},
    {"UnknownCode", 400, "invalid_grant", 50196, core::ErrorCode::kUnauthenticated,
     "Microsoft sign-in failed: invalid_grant (check the tenant ID, client ID and client "
     "secret)."},
};

INSTANTIATE_TEST_SUITE_P(TokenProvider, AadErrorTest, ::testing::ValuesIn(kAadCases),
                         [](const auto& test) { return test.param.name; });

TEST(TokenProviderTest, KeysOnTheCodeNotTheDescription) {
  TokenHarness h;
  h.http.Enqueue(
      fakes::Reply(401, R"({"error":"invalid_client","error_description":"AADSTS7000222: expired",)"
                        R"("error_codes":[7000215]})"));

  auto token = h.tokens.AccessToken();

  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().upstream, "AADSTS7000215");
}

TEST(TokenProviderTest, ReportsAnUnreachableStsAfterBoundedRetries) {
  TokenHarness h;
  for (int i = 0; i < 5; ++i) h.http.Enqueue(fakes::Reply(503, ""));

  auto token = h.tokens.AccessToken();

  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().code, core::ErrorCode::kUnavailable);
  EXPECT_EQ(token.error().message,
            "Microsoft sign-in is temporarily unavailable: try again in a few minutes.");
  EXPECT_EQ(token.error().upstream, "HTTP 503");
  EXPECT_EQ(h.http.requests().size(), 5u);
}

TEST(TokenProviderTest, ExplainsAnAuthorityThatIsNotMicrosoftSignIn) {
  TokenHarness h;
  h.http.Enqueue(fakes::Reply(404, "<html>Not Found</html>", {{"Content-Type", "text/html"}}));

  auto token = h.tokens.AccessToken();

  ASSERT_FALSE(token);
  EXPECT_EQ(token.error().message,
            "The Microsoft sign-in address did not answer like Microsoft's sign-in service (HTTP "
            "404): check the sign-in address setting.");
}

}  // namespace
}  // namespace xlsync::msgraph
