#pragma once

#include <optional>

#include "core/clock.h"
#include "scheduler/schedule_rule.h"

namespace xlsync::scheduler {

/// What to do at start-up for a schedule whose stored next_run_at passed while the service was down.
struct StartupDecision {
  bool run_now = false;
  std::optional<core::TimePoint> next_run_at;
  int missed = 0;  // scheduled times that passed, capped at kMaxCountedMissedRuns
};

inline constexpr int kMaxCountedMissedRuns = 1000;

/// No stored time: the next one after `now`, no run. A stored time still ahead: kept. A stored
/// time that passed: the missed times are counted and run ONCE (not once each) when
/// `catch_up`, and the next time is the first after `now`.
StartupDecision DecideAtStartup(const ScheduleRule& rule, std::optional<core::TimePoint> stored_next,
                                core::TimePoint now, bool catch_up);

}  // namespace xlsync::scheduler
