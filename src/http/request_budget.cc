#include "http/request_budget.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>

#include "http/retry.h"

namespace xlsync::http {
namespace {

// Float refill arithmetic can leave a token at 0.9999999 after a wait computed to the
// millisecond; that is a whole token.
constexpr double kWholeToken = 1.0 - 1e-6;

}  // namespace

RequestBudget::RequestBudget(const core::Clock& clock, core::Sleeper& sleeper, double max_per_second)
    : clock_(clock),
      sleeper_(sleeper),
      rate_(std::max(max_per_second, 0.0)),
      burst_(std::max(max_per_second, 1.0)),
      tokens_(burst_),
      refilled_at_(clock.Now()) {}

std::chrono::milliseconds RequestBudget::TryTake(bool* gated) {
  std::lock_guard lock(mutex_);
  const core::TimePoint now = clock_.Now();
  *gated = false;
  if (gate_until_ > now) {
    *gated = true;
    return std::chrono::ceil<std::chrono::milliseconds>(gate_until_ - now);
  }
  if (rate_ <= 0) return std::chrono::milliseconds(0);
  if (now > refilled_at_) {
    const double elapsed = std::chrono::duration<double>(now - refilled_at_).count();
    tokens_ = std::min(burst_, tokens_ + elapsed * rate_);
    refilled_at_ = now;
  }
  if (tokens_ >= kWholeToken) {
    tokens_ = std::max(0.0, tokens_ - 1.0);
    return std::chrono::milliseconds(0);
  }
  const double missing_ms = (1.0 - tokens_) / rate_ * 1000.0;
  return std::chrono::milliseconds(std::max(1LL, static_cast<long long>(std::ceil(missing_ms))));
}

core::Result<std::chrono::milliseconds> RequestBudget::Acquire() {
  std::chrono::milliseconds waited{0};
  bool counted = false;
  while (true) {
    bool gated = false;
    const std::chrono::milliseconds wait = TryTake(&gated);
    if (wait.count() == 0) return waited;
    if (gated && !counted) {
      ++throttle_waits_;
      counted = true;
    }
    if (!sleeper_.SleepFor(wait)) {
      return core::Cancelled("xlsync is stopping, so the request waiting for its turn was not sent.");
    }
    waited += wait;
  }
}

void RequestBudget::OnReply(const Response& reply) {
  if (reply.status != 429 && reply.status != 503) return;
  const auto retry_after = RetryAfter(core::Result<Response>(reply), clock_);
  if (!retry_after) return;
  std::lock_guard lock(mutex_);
  const core::TimePoint until = clock_.Now() + *retry_after;
  if (until <= gate_until_) return;
  gate_until_ = until;
  // msgraph.md §4.1: throttled requests still count, so every run of the tenant holds back.
  spdlog::warn("HTTP {} with Retry-After: every request to this tenant waits {} ms", reply.status,
               retry_after->count());
}

core::Result<Response> BudgetedClient::Send(const Request& request) {
  auto waited = budget_.Acquire();
  if (!waited) return std::move(waited).error();
  auto reply = inner_.Send(request);
  if (reply) budget_.OnReply(*reply);
  return reply;
}

}  // namespace xlsync::http
