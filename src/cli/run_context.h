#pragma once

#include <atomic>
#include <memory>
#include <thread>

#include "core/sleeper.h"
#include "http/client.h"

namespace xlsync::cli {

/// What one command needs to run: the process's HTTP client, a sleeper that SIGINT/SIGTERM
/// wake, and the stop flag they raise. A signal thread waits for the signals (sigwait), so
/// nothing unsafe runs in a signal handler. Create one per command, on the main thread,
/// before any other thread starts.
class RunContext {
 public:
  RunContext();
  ~RunContext();
  RunContext(const RunContext&) = delete;
  RunContext& operator=(const RunContext&) = delete;

  http::Client& http() { return *http_; }
  core::InterruptibleSleeper& sleeper() { return sleeper_; }
  const std::atomic<bool>& stop_requested() const { return stop_; }

 private:
  std::unique_ptr<http::Client> http_;
  core::InterruptibleSleeper sleeper_;
  std::atomic<bool> stop_{false};
  std::thread signal_thread_;
};

}  // namespace xlsync::cli
