#pragma once

#include <chrono>

namespace xlsync::core {

using TimePoint = std::chrono::system_clock::time_point;

/// The time, injected wherever it matters (token expiry, sessions, progress, schedules) so that
/// tests can move it by hand. Thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
};

/// The process's wall clock; a shared instance that lives for the whole program.
Clock& SystemClock();

}  // namespace xlsync::core
