#include "scheduler/schedule_ticker.h"

#include <spdlog/spdlog.h>

#include <map>

#include "scheduler/missed_runs.h"
#include "scheduler/schedule_rule.h"

namespace xlsync::scheduler {
namespace {

core::Result<void> QueueScheduledRun(store::Store& store, const store::Task& task, const std::string& why) {
  store::Run run;
  run.task_id = task.id;
  run.trigger = "schedule";
  run.started_by = "scheduler";
  auto queued = store.EnqueueRun(run);
  if (!queued) return std::move(queued).error();
  if (queued->already_queued) {
    spdlog::info("task \"{}\": {}; run {} is already waiting, so no second run is queued", task.name, why,
                 queued->run_id);
  } else {
    spdlog::info("task \"{}\": {}; run {} queued", task.name, why, queued->run_id);
  }
  return {};
}

}  // namespace

ScheduleTicker::ScheduleTicker(store::Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}

core::Result<int> ScheduleTicker::Startup() { return Visit(true); }

core::Result<int> ScheduleTicker::Tick() { return Visit(false); }

core::Result<int> ScheduleTicker::Visit(bool at_startup) {
  auto tasks = store_.ListTasks();
  if (!tasks) return std::move(tasks).error();
  std::map<int64_t, store::Task> by_id;
  for (auto& task : *tasks) by_id.emplace(task.id, std::move(task));
  auto schedules = store_.ListSchedules(std::nullopt);
  if (!schedules) return std::move(schedules).error();
  const core::TimePoint now = clock_.Now();
  next_due_.reset();
  int queued = 0;
  for (store::Schedule& schedule : *schedules) {
    const auto task = by_id.find(schedule.task_id);
    if (!schedule.enabled || task == by_id.end() || !task->second.enabled) continue;
    auto rule = ScheduleRule::Parse(schedule.kind, schedule.expression, schedule.time_zone);
    if (!rule) {
      spdlog::warn("task \"{}\": its schedule is skipped: {}", task->second.name, rule.error().ForUser());
      continue;
    }
    const auto stored_next = schedule.next_run_at;
    bool fire = false;
    std::string why = "its schedule (" + rule->Describe() + ") is due";
    if (at_startup) {
      const StartupDecision decision = DecideAtStartup(*rule, schedule.next_run_at, now, schedule.catch_up);
      fire = decision.run_now;
      if (decision.missed > 0) {
        why = std::to_string(decision.missed) + " scheduled time(s) passed while xlsync was stopped";
        if (!fire) spdlog::info("task \"{}\": {}; catch-up is off, so none runs now", task->second.name, why);
      }
      schedule.next_run_at = decision.next_run_at;
    } else if (!schedule.next_run_at) {
      schedule.next_run_at = rule->NextAfter(now);
    } else if (*schedule.next_run_at <= now) {
      fire = true;
      schedule.next_run_at = rule->NextAfter(now);
    }
    if (fire) {
      XLSYNC_RETURN_IF_ERROR(QueueScheduledRun(store_, task->second, why));
      ++queued;
      XLSYNC_RETURN_IF_ERROR(store_.MarkScheduleFired(schedule.id, now, schedule.next_run_at));
    } else if (schedule.next_run_at != stored_next) {
      XLSYNC_RETURN_IF_ERROR(store_.UpdateSchedule(schedule));
    }
    if (schedule.next_run_at && (!next_due_ || *schedule.next_run_at < *next_due_)) next_due_ = schedule.next_run_at;
  }
  return queued;
}

}  // namespace xlsync::scheduler
