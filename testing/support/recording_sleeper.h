#pragma once

#include <chrono>
#include <mutex>
#include <vector>

#include "core/clock.h"
#include "core/sleeper.h"

namespace xlsync::fakes {

/// A clock that only moves when told to. Thread-safe.
class FakeClock final : public core::Clock {
 public:
  explicit FakeClock(core::TimePoint start = core::TimePoint(std::chrono::seconds(1'700'000'000)))
      : now_(start) {}
  core::TimePoint Now() const override {
    std::lock_guard lock(mutex_);
    return now_;
  }
  void Advance(std::chrono::milliseconds by) {
    std::lock_guard lock(mutex_);
    now_ += by;
  }

 private:
  mutable std::mutex mutex_;
  core::TimePoint now_;
};

/// Records each wait and returns at once; if given a FakeClock, advances it by the wait.
/// `stop_after` waits > 0 makes the next wait report a shutdown. Thread-safe.
class RecordingSleeper final : public core::Sleeper {
 public:
  explicit RecordingSleeper(FakeClock* clock = nullptr) : clock_(clock) {}
  bool SleepFor(std::chrono::milliseconds duration) override {
    std::lock_guard lock(mutex_);
    if (stop_after_ >= 0 && static_cast<int>(waits_.size()) >= stop_after_) return false;
    waits_.push_back(duration);
    if (clock_) clock_->Advance(duration);
    return true;
  }
  void StopAfter(int waits) {
    std::lock_guard lock(mutex_);
    stop_after_ = waits;
  }
  std::vector<std::chrono::milliseconds> waits() const {
    std::lock_guard lock(mutex_);
    return waits_;
  }

 private:
  mutable std::mutex mutex_;
  FakeClock* clock_;
  int stop_after_ = -1;
  std::vector<std::chrono::milliseconds> waits_;
};

}  // namespace xlsync::fakes
