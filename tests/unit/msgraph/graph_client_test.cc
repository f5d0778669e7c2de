#include "msgraph/graph_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/msgraph/graph_test_support.h"

namespace xlsync::msgraph {
namespace {

using namespace std::chrono_literals;
using ::testing::Each;
using ::testing::Ge;
using ::testing::SizeIs;

TEST(GraphClientTest, SendsTheBearerTokenAndOneClientRequestIdPerCall) {
  fakes::GraphHarness h;
  h.EnqueueToken("tok");
  h.http.Enqueue(fakes::Reply(200, R"({"id":"b!drive"})"));

  auto reply = h.graph.SendJson(http::Method::kGet, "/users/finance@contoso.com/drive", nullptr,
                                {{"Prefer", "x"}}, http::Idempotency::kIdempotent, "testing");

  ASSERT_TRUE(reply) << reply.error().message;
  EXPECT_EQ((*reply)["id"], "b!drive");
  ASSERT_THAT(h.http.requests(), SizeIs(2));
  const http::Request request = h.http.requests()[1];
  EXPECT_EQ(request.url, "https://graph.microsoft.com/v1.0/users/finance@contoso.com/drive");
  EXPECT_EQ(request.headers.Get("Authorization"), "Bearer tok");
  EXPECT_EQ(request.headers.Get("Prefer"), "x");
  ASSERT_TRUE(request.headers.Get("client-request-id"));
  EXPECT_EQ(request.headers.Get("client-request-id")->size(), 36u);
  EXPECT_FALSE(request.headers.Get("Content-Type"));
  EXPECT_EQ(h.graph.requests_sent(), 1);
}

TEST(GraphClientTest, SendsJsonBodiesWithContentType) {
  fakes::GraphHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::Reply(204));
  const nlohmann::json body{{"name", "Orders"}};

  auto reply = h.graph.SendJson(http::Method::kPost, "/x", &body, {},
                                http::Idempotency::kNonIdempotent, "testing");

  ASSERT_TRUE(reply) << reply.error().message;
  EXPECT_EQ(*reply, nlohmann::json::object());
  EXPECT_EQ(h.http.requests()[1].body, R"({"name":"Orders"})");
  EXPECT_EQ(h.http.requests()[1].headers.Get("Content-Type"), "application/json");
}

TEST(GraphClientTest, RenewsTheTokenOn401AndReplaysOnce) {
  fakes::GraphHarness h;
  h.EnqueueToken("old");
  h.http.Enqueue(fakes::GraphError(401, "InvalidAuthenticationToken",
                                   "Access token has expired or is not yet valid."));
  h.EnqueueToken("new");
  h.http.Enqueue(fakes::Reply(201, R"({"id":"1"})"));

  auto reply = h.graph.Send(http::Method::kPost, "/x", "{}", {}, http::Idempotency::kNonIdempotent,
                            "testing");

  ASSERT_TRUE(reply) << reply.error().message;
  const auto requests = h.http.requests();
  ASSERT_THAT(requests, SizeIs(4));
  EXPECT_EQ(requests[1].headers.Get("Authorization"), "Bearer old");
  EXPECT_EQ(requests[3].headers.Get("Authorization"), "Bearer new");
  EXPECT_EQ(requests[1].headers.Get("client-request-id"),
            requests[3].headers.Get("client-request-id"));
  EXPECT_EQ(h.tokens.tokens_issued(), 2);
}

TEST(GraphClientTest, ASecond401IsFinal) {
  fakes::GraphHarness h;
  h.EnqueueToken("old");
  h.http.Enqueue(fakes::GraphError(401, "InvalidAuthenticationToken", "expired"));
  h.EnqueueToken("new");
  h.http.Enqueue(fakes::GraphError(401, "InvalidAuthenticationToken", "expired"));

  auto reply = h.graph.Send(http::Method::kGet, "/x", "", {}, http::Idempotency::kIdempotent,
                            "reading the workbook");

  ASSERT_FALSE(reply);
  EXPECT_EQ(h.http.requests().size(), 4u);
  EXPECT_EQ(reply.error().code, core::ErrorCode::kUnauthenticated);
  EXPECT_EQ(reply.error().upstream, "InvalidAuthenticationToken");
  EXPECT_EQ(reply.error().message,
            "Microsoft Graph refused the app's credentials even after a fresh sign-in: check the "
            "client secret and that an administrator gave admin consent to the app's Graph "
            "permissions.");
}

TEST(GraphClientTest, HonoursRetryAfterOn429) {
  fakes::GraphHarness h;
  h.EnqueueToken();
  h.http.Enqueue(
      fakes::GraphError(429, "TooManyRequests", "slow down", "", {{"Retry-After", "2"}}));
  h.http.Enqueue(fakes::Reply(200, "{}"));

  auto reply = h.graph.Send(http::Method::kGet, "/x", "", {}, http::Idempotency::kIdempotent, "t");

  ASSERT_TRUE(reply) << reply.error().message;
  ASSERT_THAT(h.sleeper.waits(), SizeIs(1));
  EXPECT_GE(h.sleeper.waits()[0], 2s);
}

TEST(GraphClientTest, HonoursALongRetryAfterExactlyAsAFloor) {
  fakes::GraphHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::Reply(503, "", {{"Retry-After", "120"}}));
  h.http.Enqueue(fakes::Reply(200, "{}"));

  ASSERT_TRUE(h.graph.Send(http::Method::kGet, "/x", "", {}, http::Idempotency::kIdempotent, "t"));
  ASSERT_THAT(h.sleeper.waits(), SizeIs(1));
  EXPECT_EQ(h.sleeper.waits()[0], 120s);
}

TEST(GraphClientTest, BacksOffOn503WithoutRetryAfter) {
  fakes::GraphHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::Reply(503, ""));
  h.http.Enqueue(fakes::Reply(503, "<html>Service Unavailable</html>"));
  h.http.Enqueue(fakes::Reply(200, "{}"));

  ASSERT_TRUE(h.graph.Send(http::Method::kGet, "/x", "", {}, http::Idempotency::kIdempotent, "t"));
  EXPECT_THAT(h.sleeper.waits(), SizeIs(2));
  EXPECT_THAT(h.sleeper.waits(), Each(Ge(1s)));
}

TEST(GraphClientTest, GivesUpAfterBoundedAttemptsWithAPlainError) {
  fakes::GraphHarness h;
  h.EnqueueToken();
  for (int i = 0; i < 8; ++i) h.http.Enqueue(fakes::Reply(502, "<html>Bad Gateway</html>"));

  auto reply = h.graph.Send(http::Method::kGet, "/x", "", {}, http::Idempotency::kIdempotent,
                            "reading the sheet list");

  ASSERT_FALSE(reply);
  EXPECT_EQ(h.graph.requests_sent(), 8);
  EXPECT_EQ(reply.error().upstream, "HTTP 502");
  EXPECT_EQ(reply.error().message,
            "Microsoft Graph was unavailable while reading the sheet list: try again in a few "
            "minutes.");
}

TEST(GraphClientTest, DoesNotReplayANonIdempotentPostAfterA504) {
  fakes::GraphHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::GraphError(504, "UnknownError", "", "MaxRequestDurationExceeded"));

  auto reply = h.graph.Send(http::Method::kPost, "/rows/add", "{}", {},
                            http::Idempotency::kNonIdempotent, "adding rows");

  ASSERT_FALSE(reply);
  EXPECT_EQ(h.graph.requests_sent(), 1);
  EXPECT_EQ(reply.error().code, core::ErrorCode::kTimeout);
  EXPECT_EQ(reply.error().upstream, "MaxRequestDurationExceeded");
}

TEST(GraphClientTest, ReplaysANonIdempotentPostAfterA429) {
  fakes::GraphHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::GraphError(429, "TooManyRequests", "", "", {{"Retry-After", "1"}}));
  h.http.Enqueue(fakes::Reply(201, "{}"));

  auto reply = h.graph.Send(http::Method::kPost, "/rows/add", "{}", {},
                            http::Idempotency::kNonIdempotent, "adding rows");

  ASSERT_TRUE(reply) << reply.error().message;
  EXPECT_EQ(h.graph.requests_sent(), 2);
}

TEST(GraphClientTest, RetriesAResetOnlyWhenTheCallIsIdempotent) {
  fakes::GraphHarness h;
  h.EnqueueToken();
  h.http.EnqueueError(core::Unavailable("Connection reset.", "CURLE_RECV_ERROR"));
  h.http.Enqueue(fakes::Reply(200, "{}"));
  h.http.EnqueueError(core::Unavailable("Connection reset.", "CURLE_RECV_ERROR"));

  EXPECT_TRUE(
      h.graph.Send(http::Method::kPatch, "/r", "{}", {}, http::Idempotency::kIdempotent, "t"));
  auto post =
      h.graph.Send(http::Method::kPost, "/r", "{}", {}, http::Idempotency::kNonIdempotent, "t");
  ASSERT_FALSE(post);
  EXPECT_EQ(post.error().upstream, "CURLE_RECV_ERROR");
  EXPECT_EQ(h.graph.requests_sent(), 3);
}

TEST(GraphClientTest, CountsRetriesAndThrottling) {
  fakes::ScriptedHttpClient http;
  fakes::FakeClock clock;
  fakes::RecordingSleeper sleeper(&clock);
  TokenProvider tokens(http, clock, sleeper, fakes::TestGraphSettings());
  http::RetryCounters counters;
  GraphClient graph(http, tokens, sleeper, fakes::TestGraphSettings(), &counters);
  http.Enqueue(fakes::TokenReply("t"));
  http.Enqueue(fakes::Reply(429, "", {{"Retry-After", "3"}}));
  http.Enqueue(fakes::Reply(200, "{}"));

  ASSERT_TRUE(graph.Send(http::Method::kGet, "/x", "", {}, http::Idempotency::kIdempotent, "t"));
  EXPECT_EQ(counters.retries.load(), 1);
  EXPECT_EQ(counters.throttled.load(), 1);
  EXPECT_GE(counters.waited_ms.load(), 3000);
}

TEST(GraphClientTest, PassesTokenFailuresThrough) {
  fakes::GraphHarness h;
  h.http.Enqueue(fakes::Reply(401, R"({"error":"invalid_client","error_codes":[7000222]})"));

  auto reply = h.graph.Send(http::Method::kGet, "/x", "", {}, http::Idempotency::kIdempotent, "t");

  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.error().upstream, "AADSTS7000222");
  EXPECT_EQ(h.http.requests().size(), 1u);
}

TEST(GraphClientTest, ReportsAnUnreadableSuccessBody) {
  fakes::GraphHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::Reply(200, "<html>portal</html>"));

  auto reply = h.graph.SendJson(http::Method::kGet, "/x", nullptr, {},
                                http::Idempotency::kIdempotent, "reading the drive");

  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.error().message,
            "Microsoft Graph sent an unreadable answer while reading the drive: try again in a "
            "few minutes.");
}

TEST(GraphClientTest, KeepsTheTokenOnGraphUrlsOnly) {
  fakes::GraphHarness h;
  EXPECT_EQ(h.graph.PathOf("https://graph.microsoft.com/v1.0/drives/b!1/items/2/workbook/"
                           "operations/op1"),
            "/drives/b!1/items/2/workbook/operations/op1");
  EXPECT_EQ(h.graph.PathOf("/v1.0/drives/x"), "/drives/x");
  EXPECT_EQ(h.graph.PathOf("/drives/x"), "/drives/x");
  EXPECT_EQ(h.graph.PathOf("https://evil.example/v1.0/drives/x"), std::nullopt);
}

TEST(GraphClientTest, EncodesPathSegmentsKeepingBangAndAt) {
  EXPECT_EQ(EncodePathSegment("b!NstWBO7B-_x"), "b!NstWBO7B-_x");
  EXPECT_EQ(EncodePathSegment("finance@contoso.com"), "finance@contoso.com");
  EXPECT_EQ(EncodePathSegment("{00000000-0001-0000-0000-000000000000}"),
            "%7B00000000-0001-0000-0000-000000000000%7D");
  EXPECT_EQ(EncodePathSegment("Q1 #1 (draft)%.xlsx"), "Q1%20%231%20%28draft%29%25.xlsx");
  EXPECT_EQ(EncodePathSegment("guest_x.com#EXT#@t.onmicrosoft.com"),
            "guest_x.com%23EXT%23@t.onmicrosoft.com");
}

}  // namespace
}  // namespace xlsync::msgraph
