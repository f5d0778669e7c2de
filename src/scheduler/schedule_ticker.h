#pragma once

#include <optional>

#include "core/clock.h"
#include "core/result.h"
#include "store/store.h"

namespace xlsync::scheduler {

/// Turns schedules into queued runs. Tick() fires each enabled schedule whose time came (one
/// run, coalesced with a run of the task already waiting) and stores when it fires next;
/// Startup() runs once what was missed while the service was down (catch_up). No thread of its
/// own and the time from the injected clock, so tests move time by hand.
class ScheduleTicker {
 public:
  ScheduleTicker(store::Store& store, const core::Clock& clock);

  /// At service start: missed times run once (when catch_up), and every next time is set.
  /// Returns how many runs were queued.
  core::Result<int> Startup();
  /// Fires the schedules that are due; returns how many runs were queued.
  core::Result<int> Tick();
  /// The earliest next time among the schedules seen by the last call.
  std::optional<core::TimePoint> next_due() const { return next_due_; }

 private:
  core::Result<int> Visit(bool at_startup);

  store::Store& store_;
  const core::Clock& clock_;
  std::optional<core::TimePoint> next_due_;
};

}  // namespace xlsync::scheduler
