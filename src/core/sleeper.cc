#include "core/sleeper.h"

namespace xlsync::core {

bool InterruptibleSleeper::SleepFor(std::chrono::milliseconds duration) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, duration, [this] { return shut_down_; });
  return !shut_down_;
}

void InterruptibleSleeper::Shutdown() {
  {
    std::lock_guard lock(mutex_);
    shut_down_ = true;
  }
  wake_.notify_all();
}

bool InterruptibleSleeper::IsShutDown() const {
  std::lock_guard lock(mutex_);
  return shut_down_;
}

}  // namespace xlsync::core
