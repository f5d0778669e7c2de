#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/admin_handlers.h"
#include "cli/admin_output.h"
#include "cli/object_writer.h"
#include "cli/store_access.h"
#include "scheduler/schedule_rule.h"
#include "sync/export_task.h"

namespace xlsync::cli {
namespace {

core::Error UnknownTask(const std::string& name) {
  return core::NotFound("There is no task named \"" + name + "\": see xlsync task list.");
}

/// The schedule the flags ask for; nullopt keeps the task's schedules as they are.
core::Result<std::optional<std::vector<store::Schedule>>> SchedulesFromFlags(const TaskCommandFlags& flags,
                                                                             const std::string& time_zone) {
  if (flags.no_schedule) return std::optional<std::vector<store::Schedule>>(std::vector<store::Schedule>{});
  if (flags.cron.empty() && flags.every.empty()) return std::optional<std::vector<store::Schedule>>();
  store::Schedule schedule;
  schedule.kind = flags.cron.empty() ? "interval" : "cron";
  schedule.time_zone = time_zone.empty() ? "UTC" : time_zone;
  auto rule = scheduler::ScheduleRule::Parse(schedule.kind, flags.cron.empty() ? flags.every : flags.cron,
                                             schedule.time_zone);
  if (!rule) return std::move(rule).error();
  // Intervals are stored as seconds (records.h).
  schedule.expression = flags.cron.empty() ? std::to_string(rule->interval().count()) : flags.cron;
  return std::optional<std::vector<store::Schedule>>(std::vector<store::Schedule>{schedule});
}

core::Result<void> ApplyFlags(store::Store& store, const TaskCommandFlags& flags, store::Task& task,
                              sync::ExportTask& spec) {
  XLSYNC_RETURN_IF_ERROR(OverrideTask(flags.spec, spec));
  spec.name = task.name;
  XLSYNC_RETURN_IF_ERROR(sync::ValidateTask(spec));
  if (!flags.odoo.empty()) {
    auto odoo = store.FindOdooConnection(flags.odoo);
    if (!odoo) return core::NotFound("There is no Odoo connection named \"" + flags.odoo + "\": see xlsync connection list.");
    task.odoo_connection_id = odoo->id;
  }
  if (!flags.microsoft.empty()) {
    auto microsoft = store.FindMicrosoftConnection(flags.microsoft);
    if (!microsoft) {
      return core::NotFound("There is no Microsoft connection named \"" + flags.microsoft +
                            "\": see xlsync connection list.");
    }
    task.microsoft_connection_id = microsoft->id;
  }
  if (flags.max_attempts != 0) {
    if (flags.max_attempts < 1 || flags.max_attempts > 100) {
      return core::InvalidInput("--max-attempts must be from 1 to 100.");
    }
    task.max_attempts = flags.max_attempts;
  }
  if (flags.retry_backoff >= 0) task.retry_backoff_seconds = flags.retry_backoff;
  if (flags.disabled) task.enabled = false;
  if (flags.enabled) task.enabled = true;
  task.spec_toml = sync::FormatTaskToml(spec);
  task.workbook_key = std::to_string(task.microsoft_connection_id) + "|" + spec.workbook;
  return {};
}

core::Result<sync::ExportTask> BaseSpec(const TaskFlags& flags, const std::string& stored) {
  std::string text = stored;
  std::string origin = "the stored task";
  if (!flags.task_file.empty()) {
    std::ifstream file(flags.task_file);
    if (!file) return core::InvalidInput("Could not read the task file \"" + flags.task_file + "\": check the path.");
    std::stringstream content;
    content << file.rdbuf();
    text = content.str();
    origin = flags.task_file;
  }
  return sync::ParseTaskToml(text, origin);
}

int Save(store::Store& store, const TaskCommandFlags& flags, store::Task task, bool adding) {
  auto spec = BaseSpec(flags.spec, task.spec_toml);
  if (!spec) return ReportError(spec.error());
  if (auto applied = ApplyFlags(store, flags, task, *spec); !applied) return ReportError(applied.error());
  auto schedules = SchedulesFromFlags(flags, flags.spec.time_zone.empty() ? spec->time_zone : flags.spec.time_zone);
  if (!schedules) return ReportError(schedules.error());
  auto written = ObjectWriter(store, CurrentActor()).SaveTask(task, *schedules);
  if (!written) return ReportError(written.error());
  std::printf("%s task \"%s\"\n", adding ? "added" : (written->changed.empty() ? "unchanged" : "updated"),
              task.name.c_str());
  return kExitOk;
}

std::optional<core::TimePoint> NextRun(const std::vector<store::Schedule>& schedules, bool enabled) {
  std::optional<core::TimePoint> next;
  if (!enabled) return next;
  const auto now = core::SystemClock().Now();
  for (const auto& schedule : schedules) {
    if (!schedule.enabled) continue;
    auto at = schedule.next_run_at;
    if (!at || *at < now) {
      auto rule = scheduler::ScheduleRule::Parse(schedule.kind, schedule.expression, schedule.time_zone);
      if (rule) at = rule->NextAfter(now);
    }
    if (at && (!next || *at < *next)) next = at;
  }
  return next;
}

std::string RunSummary(const store::Run& run) {
  const auto at = run.ended_at ? run.ended_at : (run.started_at ? run.started_at : std::optional(run.queued_at));
  return run.status + " " + FormatLocalTime(*at);
}

}  // namespace

int RunTaskAdd(store::Store& store, const TaskCommandFlags& flags) {
  if (store.FindTask(flags.name)) {
    return ReportError(core::Conflict("A task named \"" + flags.name + "\" exists already: change it with xlsync task edit."));
  }
  if (flags.odoo.empty() || flags.microsoft.empty()) {
    return ReportError(core::InvalidInput("A task needs --odoo and --microsoft: name the connections it uses."));
  }
  store::Task task;
  task.name = flags.name;
  task.spec_toml = sync::FormatTaskToml(sync::ExportTask{});
  return Save(store, flags, task, true);
}

int RunTaskEdit(store::Store& store, const TaskCommandFlags& flags) {
  auto task = store.FindTask(flags.name);
  if (!task) return ReportError(IsNotFound(task.error()) ? UnknownTask(flags.name) : task.error());
  return Save(store, flags, *task, false);
}

int RunTaskList(store::Store& store) {
  auto tasks = store.ListTasks();
  if (!tasks) return ReportError(tasks.error());
  if (tasks->empty()) {
    std::printf("no tasks yet: add one with xlsync task add NAME --odoo C --microsoft C ...\n");
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows{{"NAME", "MODEL", "WORKBOOK / SHEET", "SCHEDULE", "LAST RUN", "NEXT RUN"}};
  for (const auto& task : *tasks) {
    auto spec = sync::ParseTaskToml(task.spec_toml, "the stored task");
    auto schedules = store.ListSchedules(task.id);
    std::string schedule_text;
    for (const auto& schedule : schedules ? *schedules : std::vector<store::Schedule>{}) {
      schedule_text += (schedule_text.empty() ? "" : "; ") + DescribeSchedule(schedule);
    }
    auto runs = store.ListRuns(store::RunFilter{task.id, std::nullopt, 1});
    const auto next = schedules ? NextRun(*schedules, task.enabled) : std::nullopt;
    rows.push_back({task.name + (task.enabled ? "" : " (disabled)"), spec ? spec->model : "?",
                    spec ? spec->workbook + " / " + spec->sheet : "?", schedule_text.empty() ? "-" : schedule_text,
                    runs && !runs->empty() ? RunSummary(runs->front()) : "-", next ? FormatLocalTime(*next) : "-"});
  }
  PrintTable(rows);
  return kExitOk;
}

int RunTaskShow(store::Store& store, const std::string& name) {
  auto task = store.FindTask(name);
  if (!task) return ReportError(IsNotFound(task.error()) ? UnknownTask(name) : task.error());
  auto odoo = store.GetOdooConnection(task->odoo_connection_id);
  auto microsoft = store.GetMicrosoftConnection(task->microsoft_connection_id);
  std::printf("task %s%s\n", task->name.c_str(), task->enabled ? "" : " (disabled)");
  std::printf("odoo connection: %s\nmicrosoft connection: %s\n", odoo ? odoo->name.c_str() : "?",
              microsoft ? microsoft->name.c_str() : "?");
  std::printf("retries: %d attempts in all, first retry after %d s\n", task->max_attempts,
              task->retry_backoff_seconds);
  std::printf("\n%s", task->spec_toml.c_str());
  auto schedules = store.ListSchedules(task->id);
  if (!schedules) return ReportError(schedules.error());
  if (schedules->empty()) std::printf("\nschedule: none (runs only when started)\n");
  for (const auto& schedule : *schedules) {
    std::printf("\nschedule: %s%s\n", DescribeSchedule(schedule).c_str(), schedule.enabled ? "" : " (disabled)");
    auto rule = scheduler::ScheduleRule::Parse(schedule.kind, schedule.expression, schedule.time_zone);
    if (!rule) continue;
    for (const auto& at : rule->Preview(core::SystemClock().Now(), 5)) std::printf("  next: %s\n", FormatLocalTime(at).c_str());
  }
  auto runs = store.ListRuns(store::RunFilter{task->id, std::nullopt, 5});
  if (!runs) return ReportError(runs.error());
  std::printf("\nlast runs:%s\n", runs->empty() ? " none" : "");
  for (const auto& run : *runs) {
    std::printf("  #%lld %s, %lld rows%s%s\n", static_cast<long long>(run.id), RunSummary(run).c_str(),
                static_cast<long long>(run.rows_written), run.error_message.empty() ? "" : ": ",
                run.error_message.c_str());
  }
  return kExitOk;
}

int RunTaskRemove(store::Store& store, const std::string& name) {
  auto task = store.FindTask(name);
  if (!task) return ReportError(IsNotFound(task.error()) ? UnknownTask(name) : task.error());
  if (auto removed = ObjectWriter(store, CurrentActor()).RemoveTask(*task); !removed) {
    return ReportError(removed.error());
  }
  std::printf("removed task \"%s\"\n", name.c_str());
  return kExitOk;
}

}  // namespace xlsync::cli
