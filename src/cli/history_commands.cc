#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/admin_handlers.h"
#include "cli/admin_output.h"
#include "cli/config_as_code.h"
#include "cli/object_writer.h"
#include "cli/store_access.h"

namespace xlsync::cli {
namespace {

std::string Duration(const store::Run& run) {
  if (!run.started_at) return "-";
  const auto end = run.ended_at ? *run.ended_at : core::SystemClock().Now();
  return FormatSeconds(std::chrono::duration<double>(end - *run.started_at).count());
}

}  // namespace

int RunRuns(store::Store& store, const std::string& task, int limit) {
  store::RunFilter filter;
  filter.limit = limit > 0 ? limit : 20;
  if (!task.empty()) {
    auto found = store.FindTask(task);
    if (!found) {
      return ReportError(IsNotFound(found.error())
                             ? core::NotFound("There is no task named \"" + task + "\": see xlsync task list.")
                             : found.error());
    }
    filter.task_id = found->id;
  }
  auto runs = store.ListRuns(filter);
  if (!runs) return ReportError(runs.error());
  if (runs->empty()) {
    std::printf("no runs yet\n");
    return kExitOk;
  }
  std::vector<std::vector<std::string>> rows{
      {"ID", "TASK", "TRIGGER", "BY", "STATUS", "STARTED", "DURATION", "ROWS", "REQUESTS", "RETRIES", "ERROR"}};
  for (const auto& run : *runs) {
    rows.push_back({std::to_string(run.id), run.task_name, run.trigger, run.started_by, run.status,
                    run.started_at ? FormatLocalTime(*run.started_at) : "-", Duration(run),
                    std::to_string(run.rows_written), std::to_string(run.odoo_requests + run.graph_requests),
                    std::to_string(run.retries), run.error_message});
  }
  PrintTable(rows);
  return kExitOk;
}

int RunLogs(store::Store& store, int64_t run_id) {
  auto run = store.GetRun(run_id);
  if (!run) {
    return ReportError(IsNotFound(run.error())
                           ? core::NotFound("There is no run " + std::to_string(run_id) + ": see xlsync runs.")
                           : run.error());
  }
  auto lines = store.RunLog(run_id);
  if (!lines) return ReportError(lines.error());
  for (const auto& line : *lines) {
    std::printf("%s %-5s %s\n", FormatLocalTime(line.at).c_str(), line.level.c_str(), line.message.c_str());
  }
  if (lines->empty()) std::printf("run %lld (%s) has no log lines\n", static_cast<long long>(run_id), run->status.c_str());
  return kExitOk;
}

int RunAudit(store::Store& store, int limit) {
  auto entries = store.ListAudit(limit > 0 ? limit : 50);
  if (!entries) return ReportError(entries.error());
  std::vector<std::vector<std::string>> rows{{"WHEN", "WHO", "ACTION", "KIND", "NAME", "DETAILS"}};
  for (const auto& entry : *entries) {
    rows.push_back({FormatLocalTime(entry.at), entry.actor, entry.action, entry.object_kind, entry.object_name,
                    entry.details});
  }
  PrintTable(rows);
  return kExitOk;
}

int RunApply(store::Store& store, const std::string& file, const EnvironmentLookup& env) {
  std::ifstream input(file, std::ios::binary);
  if (!input) {
    return ReportError(core::InvalidInput("Could not read the configuration file \"" + file + "\": check the path."));
  }
  std::stringstream content;
  content << input.rdbuf();
  auto summary = ApplyConfig(store, content.str(), file, CurrentActor(), env);
  if (!summary) return ReportError(summary.error());
  for (const auto& line : summary->lines) std::printf("%s\n", line.c_str());
  std::printf("%d created, %d updated, %d unchanged\n", summary->created, summary->updated, summary->unchanged);
  return kExitOk;
}

int RunDump(store::Store& store) {
  auto text = DumpConfig(store);
  if (!text) return ReportError(text.error());
  std::printf("%s", text->c_str());
  return kExitOk;
}

}  // namespace xlsync::cli
