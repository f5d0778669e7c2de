#pragma once

#include <deque>
#include <mutex>
#include <vector>

#include "core/result.h"
#include "http/client.h"

namespace xlsync::fakes {

/// An http::Client for unit tests: replays queued replies in order and records every request.
/// Sending with nothing queued is a test bug and fails with an Internal error. Thread-safe.
class ScriptedHttpClient final : public http::Client {
 public:
  void Enqueue(http::Response response);
  void EnqueueError(core::Error error);
  core::Result<http::Response> Send(const http::Request& request) override;

  std::vector<http::Request> requests() const;
  size_t pending() const;

 private:
  mutable std::mutex mutex_;
  std::deque<core::Result<http::Response>> replies_;
  std::vector<http::Request> requests_;
};

}  // namespace xlsync::fakes
