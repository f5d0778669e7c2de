#include "http/retry.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "http/client.h"
#include "testing/support/recording_sleeper.h"
#include "testing/support/scripted_http_client.h"

namespace xlsync::http {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

RetryPolicy TransientOn5xxAnd429(RetryCounters* counters = nullptr) {
  RetryPolicy policy;
  policy.max_attempts = 4;
  policy.is_transient = [](const core::Result<Response>& outcome) {
    return !outcome || outcome->status == 429 || outcome->status >= 500;
  };
  policy.counters = counters;
  return policy;
}

Response Reply(int status, Headers headers = {}) { return Response{status, std::move(headers), ""}; }

core::Result<Response> RunLoop(fakes::ScriptedHttpClient& http, fakes::RecordingSleeper& sleeper,
                           Idempotency idempotency, RetryCounters* counters = nullptr) {
  return RetryLoop(TransientOn5xxAnd429(counters), BackoffPolicy(milliseconds(100), seconds(10), 2.0, false),
                   idempotency, sleeper, "writing rows",
                   [&] { return http.Send(Request{Method::kPatch, "http://127.0.0.1/x", {}, "{}", {}}); });
}

TEST(RetryLoopTest, RetriesOn429HonouringRetryAfterAsAFloor) {
  fakes::ScriptedHttpClient http;
  http.Enqueue(Reply(429, {{"Retry-After", "2"}}));
  http.Enqueue(Reply(200));
  fakes::RecordingSleeper sleeper;
  RetryCounters counters;
  auto outcome = RunLoop(http, sleeper, Idempotency::kIdempotent, &counters);
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->status, 200);
  EXPECT_THAT(sleeper.waits(), ::testing::ElementsAre(milliseconds(2000)));
  EXPECT_EQ(counters.retries.load(), 1);
  EXPECT_EQ(counters.throttled.load(), 1);
  EXPECT_EQ(counters.waited_ms.load(), 2000);
}

TEST(RetryLoopTest, BacksOffExponentiallyWithoutRetryAfter) {
  fakes::ScriptedHttpClient http;
  http.Enqueue(Reply(503));
  http.Enqueue(Reply(502));
  http.Enqueue(Reply(200));
  fakes::RecordingSleeper sleeper;
  ASSERT_TRUE(RunLoop(http, sleeper, Idempotency::kIdempotent));
  EXPECT_THAT(sleeper.waits(), ::testing::ElementsAre(milliseconds(100), milliseconds(200)));
}

TEST(RetryLoopTest, GivesUpAfterTheAttemptLimitAndReturnsTheLastReply) {
  fakes::ScriptedHttpClient http;
  for (int i = 0; i < 4; ++i) http.Enqueue(Reply(504));
  fakes::RecordingSleeper sleeper;
  auto outcome = RunLoop(http, sleeper, Idempotency::kIdempotent);
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->status, 504);
  EXPECT_EQ(http.requests().size(), 4u);
  EXPECT_EQ(sleeper.waits().size(), 3u);
}

TEST(RetryLoopTest, DoesNotReplayANonIdempotentCallAfterA504) {
  fakes::ScriptedHttpClient http;
  http.Enqueue(Reply(504));
  fakes::RecordingSleeper sleeper;
  auto outcome = RunLoop(http, sleeper, Idempotency::kNonIdempotent);
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->status, 504);
  EXPECT_EQ(http.requests().size(), 1u);
}

TEST(RetryLoopTest, ReplaysANonIdempotentCallAfterA429OrARefusedConnection) {
  fakes::ScriptedHttpClient http;
  http.Enqueue(Reply(429, {{"Retry-After", "1"}}));
  http.EnqueueError(core::Unavailable("refused", std::string(kCouldNotConnect)));
  http.Enqueue(Reply(201));
  fakes::RecordingSleeper sleeper;
  auto outcome = RunLoop(http, sleeper, Idempotency::kNonIdempotent);
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->status, 201);
}

TEST(RetryLoopTest, DoesNotReplayANonIdempotentCallAfterAResetConnection) {
  fakes::ScriptedHttpClient http;
  http.EnqueueError(core::Unavailable("reset", "CURLE_RECV_ERROR"));
  fakes::RecordingSleeper sleeper;
  auto outcome = RunLoop(http, sleeper, Idempotency::kNonIdempotent);
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().upstream, "CURLE_RECV_ERROR");
  EXPECT_EQ(http.requests().size(), 1u);
}

TEST(RetryLoopTest, FinalRepliesAreReturnedAtOnce) {
  fakes::ScriptedHttpClient http;
  http.Enqueue(Reply(404));
  fakes::RecordingSleeper sleeper;
  auto outcome = RunLoop(http, sleeper, Idempotency::kIdempotent);
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->status, 404);
  EXPECT_TRUE(sleeper.waits().empty());
}

TEST(RetryLoopTest, AShutdownDuringTheWaitCancelsTheCall) {
  fakes::ScriptedHttpClient http;
  http.Enqueue(Reply(503));
  fakes::RecordingSleeper sleeper;
  sleeper.StopAfter(0);
  auto outcome = RunLoop(http, sleeper, Idempotency::kIdempotent);
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().code, core::ErrorCode::kCancelled);
  EXPECT_EQ(outcome.error().message, "The run was stopped while waiting to retry writing rows.");
}

TEST(RetryLoopTest, StopsWhenTheTotalWaitWouldPassItsBound) {
  fakes::ScriptedHttpClient http;
  http.Enqueue(Reply(429, {{"Retry-After", "3600"}}));
  fakes::RecordingSleeper sleeper;
  RetryPolicy policy = TransientOn5xxAnd429();
  policy.max_total_wait = seconds(60);
  auto outcome = RetryLoop(policy, BackoffPolicy(), Idempotency::kIdempotent, sleeper, "x",
                           [&] { return http.Send(Request{}); });
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->status, 429);
  EXPECT_TRUE(sleeper.waits().empty());
}

TEST(RetryAfterTest, ReadsSecondsAndHttpDates) {
  fakes::FakeClock clock(std::chrono::sys_days(std::chrono::year(2015) / 10 / 21) + std::chrono::hours(7) +
                         std::chrono::minutes(27));
  core::Result<Response> seconds_reply = Reply(429, {{"retry-after", "7"}});
  EXPECT_EQ(RetryAfter(seconds_reply, clock), milliseconds(7000));
  core::Result<Response> date_reply = Reply(503, {{"Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"}});
  EXPECT_EQ(RetryAfter(date_reply, clock), milliseconds(60000));
  core::Result<Response> none = Reply(503);
  EXPECT_EQ(RetryAfter(none, clock), std::nullopt);
}

TEST(RetryAfterTest, HugeNumberOfSecondsIsReadAsOneDay) {
  fakes::FakeClock clock;
  core::Result<Response> huge = Reply(429, {{"Retry-After", "99999999999999999999999"}});
  EXPECT_EQ(RetryAfter(huge, clock), std::chrono::hours(24));
  core::Result<Response> two_days = Reply(429, {{"Retry-After", "172800"}});
  EXPECT_EQ(RetryAfter(two_days, clock), std::chrono::hours(24));
}

TEST(BackoffPolicyTest, JitterStaysBetweenHalfAndTheFullDelayAndIsCapped) {
  BackoffPolicy backoff(milliseconds(1000), milliseconds(4000), 2.0, true);
  const milliseconds expected_max[] = {milliseconds(1000), milliseconds(2000), milliseconds(4000),
                                       milliseconds(4000)};
  for (const auto max : expected_max) {
    const auto delay = backoff.NextDelay();
    EXPECT_GE(delay, max / 2);
    EXPECT_LE(delay, max);
  }
}

}  // namespace
}  // namespace xlsync::http
