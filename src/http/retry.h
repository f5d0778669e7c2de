#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <random>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "core/sleeper.h"
#include "http/message.h"

namespace xlsync::http {

/// Whether replaying a call can change the outcome (decided per call, not per client).
enum class Idempotency { kIdempotent, kNonIdempotent };

/// Counts what retries cost, for run summaries; shared by many calls, so atomic.
struct RetryCounters {
  std::atomic<int> retries{0};
  std::atomic<int> throttled{0};
  std::atomic<long long> waited_ms{0};
};

/// When to stop retrying: attempt and total-wait limits plus the service's classifier of
/// transient outcomes. A value: copy it freely.
struct RetryPolicy {
  int max_attempts = 8;
  std::chrono::milliseconds max_total_wait{10 * 60 * 1000};
  /// True when trying the same request again may succeed (429, 503, resets, ...).
  std::function<bool(const core::Result<Response>&)> is_transient;
  /// Optional shared counters (not owned).
  RetryCounters* counters = nullptr;
};

/// Exponential backoff with full jitter, capped. Copy it per operation so each starts fresh.
class BackoffPolicy {
 public:
  BackoffPolicy(std::chrono::milliseconds initial = std::chrono::milliseconds(1000),
                std::chrono::milliseconds maximum = std::chrono::milliseconds(60'000),
                double multiplier = 2.0, bool jitter = true);
  /// The next wait: uniform in [current/2, current] with jitter (never zero), then grows.
  std::chrono::milliseconds NextDelay();

 private:
  std::chrono::milliseconds current_;
  std::chrono::milliseconds maximum_;
  double multiplier_;
  bool jitter_;
  std::mt19937_64 random_;
};

/// The Retry-After of a reply (delta-seconds or an HTTP-date), if it has one.
std::optional<std::chrono::milliseconds> RetryAfter(const core::Result<Response>& outcome,
                                                    const core::Clock& clock = core::SystemClock());

/// True when the outcome proves the server applied nothing (a 429, or a connection that was
/// never made), so a non-idempotent call may be replayed (msgraph.md §4.1: throttled requests
/// are rejected before processing).
bool ProvablyNotApplied(const core::Result<Response>& outcome);

/// Runs `attempt` until it succeeds, fails for good, or the policy gives up. Retry-After is a
/// floor under the backoff. The last outcome is returned as it came (the caller maps statuses);
/// a wait cut short by shutdown returns a Cancelled error.
core::Result<Response> RetryLoop(const RetryPolicy& retry, BackoffPolicy backoff,
                                 Idempotency idempotency, core::Sleeper& sleeper,
                                 std::string_view what,
                                 const std::function<core::Result<Response>()>& attempt);

}  // namespace xlsync::http
