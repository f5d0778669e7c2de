#include "http/retry.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <string>

#include "http/client.h"

namespace xlsync::http {

BackoffPolicy::BackoffPolicy(std::chrono::milliseconds initial, std::chrono::milliseconds maximum,
                             double multiplier, bool jitter)
    : current_(initial), maximum_(maximum), multiplier_(multiplier), jitter_(jitter),
      random_(std::random_device{}()) {}

std::chrono::milliseconds BackoffPolicy::NextDelay() {
  auto delay = std::min(current_, maximum_);
  if (jitter_ && delay.count() > 1) {
    std::uniform_int_distribution<long long> spread(delay.count() / 2, delay.count());
    delay = std::chrono::milliseconds(spread(random_));
  }
  current_ = std::min(maximum_, std::chrono::milliseconds(static_cast<long long>(
                                    static_cast<double>(current_.count()) * multiplier_)));
  return delay;
}

std::optional<std::chrono::milliseconds> RetryAfter(const core::Result<Response>& outcome,
                                                    const core::Clock& clock) {
  if (!outcome) return std::nullopt;
  const auto value = outcome->headers.Get("Retry-After");
  if (!value || value->empty()) return std::nullopt;
  if (std::all_of(value->begin(), value->end(), [](unsigned char c) { return std::isdigit(c); })) {
    // More than a day is read as a day: a bogus huge value must not park the client for ever.
    constexpr long long kDay = 86'400;
    long long seconds = kDay;
    if (value->size() < 7) seconds = std::min(kDay, std::stoll(*value));
    return std::chrono::seconds(seconds);
  }
  std::tm parts{};  // HTTP-date, e.g. "Wed, 21 Oct 2015 07:28:00 GMT"
  if (strptime(value->c_str(), "%a, %d %b %Y %H:%M:%S GMT", &parts) == nullptr) return std::nullopt;
  const auto when = std::chrono::system_clock::from_time_t(timegm(&parts));
  const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(when - clock.Now());
  return std::max(wait, std::chrono::milliseconds(0));
}

bool ProvablyNotApplied(const core::Result<Response>& outcome) {
  if (!outcome) return NeverReachedServer(outcome.error());
  return outcome->status == 429;
}

core::Result<Response> RetryLoop(const RetryPolicy& retry, BackoffPolicy backoff,
                                 Idempotency idempotency, core::Sleeper& sleeper,
                                 std::string_view what,
                                 const std::function<core::Result<Response>()>& attempt) {
  std::chrono::milliseconds waited{0};
  for (int n = 1;; ++n) {
    core::Result<Response> outcome = attempt();
    if (!retry.is_transient || !retry.is_transient(outcome)) return outcome;
    const bool unsafe = idempotency == Idempotency::kNonIdempotent && !ProvablyNotApplied(outcome);
    const auto retry_after = RetryAfter(outcome);
    const auto wait = std::max(backoff.NextDelay(), retry_after.value_or(std::chrono::milliseconds(0)));
    if (unsafe || n >= retry.max_attempts || waited + wait > retry.max_total_wait) {
      if (!outcome) outcome.error().detail += " (gave up after " + std::to_string(n) + " attempts)";
      return outcome;
    }
    const std::string why = outcome ? "HTTP " + std::to_string(outcome->status) : outcome.error().upstream;
    spdlog::warn("{}: {} (attempt {} of {}), retrying in {} ms", what, why, n, retry.max_attempts,
                 wait.count());
    if (retry.counters) {
      ++retry.counters->retries;
      if (outcome && (outcome->status == 429 || retry_after)) ++retry.counters->throttled;
      retry.counters->waited_ms += wait.count();
    }
    waited += wait;
    if (!sleeper.SleepFor(wait)) {
      return core::Cancelled("The run was stopped while waiting to retry " + std::string(what) + ".");
    }
  }
}

}  // namespace xlsync::http
