#include "scheduler/missed_runs.h"

namespace xlsync::scheduler {

StartupDecision DecideAtStartup(const ScheduleRule& rule, std::optional<core::TimePoint> stored_next,
                                core::TimePoint now, bool catch_up) {
  StartupDecision decision;
  if (!stored_next) {
    decision.next_run_at = rule.NextAfter(now);
    return decision;
  }
  if (*stored_next > now) {
    decision.next_run_at = stored_next;
    return decision;
  }
  // The count is only for the log line; the cap bounds the work after a long outage of a
  // minute-by-minute schedule.
  decision.missed = 1;
  for (auto next = rule.NextAfter(*stored_next); next && *next <= now && decision.missed < kMaxCountedMissedRuns;
       next = rule.NextAfter(*next)) {
    ++decision.missed;
  }
  decision.run_now = catch_up;
  decision.next_run_at = rule.NextAfter(now);
  return decision;
}

}  // namespace xlsync::scheduler
