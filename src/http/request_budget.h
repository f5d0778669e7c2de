#pragma once

#include <atomic>
#include <chrono>
#include <mutex>

#include "core/clock.h"
#include "core/result.h"
#include "core/sleeper.h"
#include "http/client.h"
#include "http/message.h"

namespace xlsync::http {

/// One budget of requests shared by every run that talks to the same Microsoft tenant, so that
/// parallel runs never start a throttling storm: at most `max_per_second` requests start per
/// second (token bucket, burst = max_per_second), and once any request is answered 429 or 503
/// with Retry-After, every request of the budget waits until that time (msgraph.md §4). Thread-safe.
class RequestBudget {
 public:
  /// `max_per_second` <= 0 means no rate limit: only the Retry-After gate applies.
  RequestBudget(const core::Clock& clock, core::Sleeper& sleeper, double max_per_second);
  RequestBudget(const RequestBudget&) = delete;
  RequestBudget& operator=(const RequestBudget&) = delete;

  /// Blocks until a request may start; returns how long it waited (0 when it did not), or a
  /// Cancelled error when a shutdown cut the wait short (the request must then not be sent).
  core::Result<std::chrono::milliseconds> Acquire();
  /// Reports a reply; a 429/503 with Retry-After (seconds or HTTP date) closes the gate until then.
  void OnReply(const Response& reply);
  /// How many Acquire() calls had to wait for a Retry-After.
  long long throttle_waits() const { return throttle_waits_.load(); }

 private:
  /// Takes a token if the gate is open and one is left; else returns how long to wait and whether
  /// the wait is for the gate.
  std::chrono::milliseconds TryTake(bool* gated);

  const core::Clock& clock_;
  core::Sleeper& sleeper_;
  const double rate_;
  const double burst_;
  std::mutex mutex_;
  double tokens_;
  core::TimePoint refilled_at_;
  core::TimePoint gate_until_{};
  std::atomic<long long> throttle_waits_{0};
};

/// An http::Client decorator: every Send first Acquire()s from the budget, then reports the
/// reply to it. Owns neither; both must outlive it. Thread-safe.
class BudgetedClient final : public Client {
 public:
  BudgetedClient(Client& inner, RequestBudget& budget) : inner_(inner), budget_(budget) {}
  core::Result<Response> Send(const Request& request) override;

 private:
  Client& inner_;
  RequestBudget& budget_;
};

}  // namespace xlsync::http
