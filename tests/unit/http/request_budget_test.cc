#include "http/request_budget.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "testing/support/recording_sleeper.h"
#include "testing/support/scripted_http_client.h"

namespace xlsync::http {
namespace {

using std::chrono::milliseconds;

Response Reply(int status, const char* retry_after = nullptr) {
  Response reply;
  reply.status = status;
  if (retry_after != nullptr) reply.headers.Set("Retry-After", retry_after);
  return reply;
}

class RequestBudgetTest : public ::testing::Test {
 protected:
  fakes::FakeClock clock_;
  fakes::RecordingSleeper sleeper_{&clock_};
};

TEST_F(RequestBudgetTest, BurstStartsAtOnceThenTheBucketSpacesRequests) {
  RequestBudget budget(clock_, sleeper_, 2.0);
  EXPECT_EQ(budget.Acquire().value(), milliseconds(0));
  EXPECT_EQ(budget.Acquire().value(), milliseconds(0));
  EXPECT_EQ(budget.Acquire().value(), milliseconds(500));
  EXPECT_EQ(budget.Acquire().value(), milliseconds(500));
  clock_.Advance(milliseconds(10'000));  // idle time refills only up to the burst
  EXPECT_EQ(budget.Acquire().value(), milliseconds(0));
  EXPECT_EQ(budget.Acquire().value(), milliseconds(0));
  EXPECT_EQ(budget.Acquire().value(), milliseconds(500));
  EXPECT_EQ(sleeper_.waits(), (std::vector<milliseconds>{milliseconds(500), milliseconds(500), milliseconds(500)}));
  EXPECT_EQ(budget.throttle_waits(), 0);
}

TEST_F(RequestBudgetTest, RetryAfterOn429MakesTheNextAcquireFromAnyThreadWait) {
  RequestBudget budget(clock_, sleeper_, 100.0);
  budget.OnReply(Reply(429, "7"));
  core::Result<milliseconds> waited = milliseconds(-1);
  std::thread other([&] { waited = budget.Acquire(); });
  other.join();
  EXPECT_EQ(waited.value(), milliseconds(7'000));
  EXPECT_EQ(budget.throttle_waits(), 1);
  EXPECT_EQ(budget.Acquire().value(), milliseconds(0));  // the gate has passed
  EXPECT_EQ(budget.throttle_waits(), 1);
}

TEST_F(RequestBudgetTest, RetryAfterOn503AsHttpDateClosesTheGateUntilThatTime) {
  RequestBudget budget(clock_, sleeper_, 0);
  // FakeClock starts at 1'700'000'000 s = Tue, 14 Nov 2023 22:13:20 GMT.
  budget.OnReply(Reply(503, "Tue, 14 Nov 2023 22:13:50 GMT"));
  EXPECT_EQ(budget.Acquire().value(), milliseconds(30'000));
}

TEST_F(RequestBudgetTest, ALaterShorterRetryAfterDoesNotReopenTheGateEarly) {
  RequestBudget budget(clock_, sleeper_, 0);
  budget.OnReply(Reply(429, "10"));
  budget.OnReply(Reply(429, "2"));
  EXPECT_EQ(budget.Acquire().value(), milliseconds(10'000));
}

TEST_F(RequestBudgetTest, RepliesWithoutThrottlingChangeNothing) {
  RequestBudget budget(clock_, sleeper_, 0);
  budget.OnReply(Reply(200, "7"));
  budget.OnReply(Reply(500, "7"));
  budget.OnReply(Reply(429));
  budget.OnReply(Reply(503));
  EXPECT_EQ(budget.Acquire().value(), milliseconds(0));
  EXPECT_TRUE(sleeper_.waits().empty());
  EXPECT_EQ(budget.throttle_waits(), 0);
}

TEST_F(RequestBudgetTest, ShutdownDuringTheWaitCancelsTheRequest) {
  RequestBudget budget(clock_, sleeper_, 0);
  budget.OnReply(Reply(429, "60"));
  sleeper_.StopAfter(0);
  auto waited = budget.Acquire();
  ASSERT_FALSE(waited.has_value());
  EXPECT_EQ(waited.error().code, core::ErrorCode::kCancelled);
  EXPECT_EQ(waited.error().message, "xlsync is stopping, so the request waiting for its turn was not sent.");
}

TEST_F(RequestBudgetTest, BudgetedClientsSharingABudgetHoldBackTogether) {
  RequestBudget budget(clock_, sleeper_, 0);
  fakes::ScriptedHttpClient first_inner;
  fakes::ScriptedHttpClient second_inner;
  first_inner.Enqueue(Reply(429, "7"));
  second_inner.Enqueue(Reply(200));
  BudgetedClient first(first_inner, budget);
  BudgetedClient second(second_inner, budget);
  EXPECT_EQ(first.Send(Request{}).value().status, 429);
  EXPECT_EQ(second.Send(Request{}).value().status, 200);
  EXPECT_EQ(sleeper_.waits(), (std::vector<milliseconds>{milliseconds(7'000)}));
  EXPECT_EQ(second_inner.requests().size(), 1U);
}

TEST_F(RequestBudgetTest, BudgetedClientDoesNotSendWhenStopped) {
  RequestBudget budget(clock_, sleeper_, 0);
  budget.OnReply(Reply(429, "7"));
  sleeper_.StopAfter(0);
  fakes::ScriptedHttpClient inner;
  BudgetedClient client(inner, budget);
  auto reply = client.Send(Request{});
  ASSERT_FALSE(reply.has_value());
  EXPECT_EQ(reply.error().code, core::ErrorCode::kCancelled);
  EXPECT_TRUE(inner.requests().empty());
}

}  // namespace
}  // namespace xlsync::http
