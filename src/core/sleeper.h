#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace xlsync::core {

/// Waits, and can be woken early by a shutdown: every wait in xlsync (retry backoff,
/// Retry-After, polling) goes through one, so tests never sleep and SIGTERM is never stuck
/// behind a long Retry-After.
class Sleeper {
 public:
  virtual ~Sleeper() = default;
  /// Returns false if the wait was cut short by a shutdown.
  virtual bool SleepFor(std::chrono::milliseconds duration) = 0;
};

/// Sleeps on a condition variable; Shutdown() wakes every sleeper at once and for good.
/// Thread-safe.
class InterruptibleSleeper final : public Sleeper {
 public:
  bool SleepFor(std::chrono::milliseconds duration) override;
  void Shutdown();
  bool IsShutDown() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool shut_down_ = false;
};

}  // namespace xlsync::core
