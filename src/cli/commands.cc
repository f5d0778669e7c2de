#include "cli/commands.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/config.h"
#include "cli/progress_printer.h"
#include "cli/run_context.h"
#include "core/text.h"
#include "sync/checker.h"
#include "sync/exporter.h"
#include "sync/odoo_side.h"

namespace xlsync::cli {
namespace {

void PrintError(const core::Error& error) {
  std::fprintf(stderr, "xlsync: %s\n", error.ForUser().c_str());
}

core::Result<std::string> ReadFile(const std::string& path) {
  std::ifstream file(path);
  if (!file) return core::InvalidInput("Could not read the task file \"" + path + "\": check the path.");
  std::stringstream content;
  content << file.rdbuf();
  return content.str();
}

ProgressStyle StyleFor(const std::string& name) {
  if (name == "bar") return ProgressStyle::kBar;
  if (name == "lines") return ProgressStyle::kLines;
  if (name == "none") return ProgressStyle::kNone;
  return isatty(STDERR_FILENO) ? ProgressStyle::kBar : ProgressStyle::kLines;
}

core::Result<sync::ExportRequest> BuildRequest(const CommonOptions& common, const TaskFlags& flags) {
  auto task = BuildTask(flags);
  if (!task) return std::move(task).error();
  const auto env = ProcessEnvironment();
  auto connections = LoadConnections(FindConfigFile(common.config_file, env), env);
  if (!connections) return std::move(connections).error();
  sync::ExportRequest request;
  request.odoo = std::move(connections->odoo);
  request.graph = std::move(connections->graph);
  request.task = std::move(*task);
  return request;
}

void PrintSummary(const sync::ExportReport& report, const std::string& model) {
  const double rate = report.seconds > 0 ? static_cast<double>(report.rows) / report.seconds : 0;
  if (report.verified) std::printf("sheet = source (%s rows)\n", FormatCount(report.rows).c_str());
  std::printf("exported %s rows of %s to \"%s\" sheet \"%s\"%s in %.1f s (%s rows/s); "
              "%s requests (%s Odoo, %s Graph), %d retries\n",
              FormatCount(report.rows).c_str(), model.c_str(), report.workbook_name.c_str(), report.sheet.c_str(),
              report.sheet_created ? " (new sheet)" : "", report.seconds, FormatCount(std::llround(rate)).c_str(),
              FormatCount(report.odoo_requests + report.graph_requests).c_str(),
              FormatCount(report.odoo_requests).c_str(), FormatCount(report.graph_requests).c_str(), report.retries);
  for (const auto& sheet : report.sheets) {
    std::printf("  %s%s rows in \"%s\" sheet \"%s\"\n", sheet.value.empty() ? "" : (sheet.value + ": ").c_str(),
                FormatCount(sheet.rows).c_str(), sheet.workbook_name.c_str(), sheet.sheet.c_str());
  }
  for (const auto& warning : report.warnings) std::printf("warning: %s\n", warning.c_str());
  if (!report.web_url.empty()) std::printf("open it: %s\n", report.web_url.c_str());
}

/// The last lines of `check`: whether the export fits Excel's limits, and its forecast. The
/// forecast needs the task's columns and count, so the Odoo side of a run is prepared once more.
bool PrintForecast(RunContext& context, const sync::ExportRequest& request) {
  const sync::ExportTask& task = request.task;
  if (task.model.empty() || (task.fields.empty() && task.group_by.empty())) return true;
  http::RetryCounters counters;
  auto side = sync::PrepareOdoo(context.http(), context.sleeper(), request.odoo, task, counters);
  if (!side) {
    std::printf("FAIL Forecast: %s\n", side.error().ForUser().c_str());
    return false;
  }
  const auto forecast = sync::ForecastOf(*side, task, request.odoo.url, request.budget, request.limits);
  if (!forecast) return true;
  // A burst value fills a sheet of its own: the exporter checks each value's rows.
  auto fits = sync::CheckForecast(*forecast, request.limits, task.rollover || !task.burst_by.empty());
  std::printf("%s Excel limits: %s\n", fits ? "ok  " : "FAIL",
              fits ? "the export fits in a sheet and a workbook Excel for the web opens"
                   : fits.error().ForUser().c_str());
  if (fits) std::printf("all checks passed\n");
  for (const auto& line : sync::DescribeForecast(*forecast)) std::printf("%s\n", line.c_str());
  return fits.has_value();
}

}  // namespace

core::Result<sync::ExportTask> BuildTask(const TaskFlags& flags) {
  sync::ExportTask task;
  if (!flags.task_file.empty()) {
    auto text = ReadFile(flags.task_file);
    if (!text) return std::move(text).error();
    auto parsed = sync::ParseTaskToml(*text, flags.task_file);
    if (!parsed) return std::move(parsed).error();
    task = std::move(*parsed);
  }
  XLSYNC_RETURN_IF_ERROR(OverrideTask(flags, task));
  return task;
}

core::Result<void> OverrideTask(const TaskFlags& flags, sync::ExportTask& task) {
  if (!flags.model.empty()) task.model = flags.model;
  if (!flags.fields.empty()) {
    task.fields.clear();
    for (const auto& field : core::Split(flags.fields, ',')) {
      if (!core::Trim(field).empty()) task.fields.emplace_back(core::Trim(field));
    }
  }
  if (!flags.domain.empty()) {
    auto domain = sync::ParseDomain(flags.domain);
    if (!domain) return std::move(domain).error();
    task.domain = std::move(*domain);
  }
  if (!flags.order.empty()) task.order = flags.order;
  if (flags.page_size != 0) task.page_size = flags.page_size;
  if (!flags.workbook.empty()) task.workbook = flags.workbook;
  if (!flags.sheet.empty()) task.sheet = flags.sheet;
  if (!flags.lang.empty()) task.lang = flags.lang;
  if (!flags.time_zone.empty()) task.time_zone = flags.time_zone;
  task.include_archived = task.include_archived || flags.include_archived;
  task.x2many_as_ids = task.x2many_as_ids || flags.x2many_as_ids;
  task.binary_placeholder = task.binary_placeholder || flags.binary_placeholder;
  task.allow_formulas = task.allow_formulas || flags.allow_formulas;
  task.row_links = task.row_links || flags.row_links;
  task.rollover = task.rollover || flags.rollover;
  if (!flags.burst_by.empty()) task.burst_by = flags.burst_by;
  if (!flags.burst_workbook.empty()) task.burst_workbook = flags.burst_workbook;
  return {};
}

int RunExport(const CommonOptions& common, const TaskFlags& flags, const std::string& local_xlsx, bool verify) {
  auto request = BuildRequest(common, flags);
  if (!request) {
    PrintError(request.error());
    return kExitUsage;
  }
  request->local_xlsx = local_xlsx;
  request->verify = verify;
  if (auto valid = sync::ValidateTask(request->task); !valid) {
    PrintError(valid.error());
    return kExitUsage;
  }
  RunContext context;
  ProgressPrinter printer(stderr, StyleFor(common.progress));
  sync::Exporter exporter(context.http(), context.sleeper(), core::SystemClock());
  auto report = exporter.Run(*request, [&](const sync::ExportProgress& progress) { printer.Update(progress); },
                             &context.stop_requested());
  printer.Done();
  if (!report) {
    PrintError(report.error());
    return kExitFailed;
  }
  PrintSummary(*report, request->task.model);
  if (!local_xlsx.empty()) std::printf("local copy: %s\n", local_xlsx.c_str());
  return kExitOk;
}

int RunCheck(const CommonOptions& common, const TaskFlags& flags) {
  auto request = BuildRequest(common, flags);
  if (!request) {
    PrintError(request.error());
    return kExitUsage;
  }
  RunContext context;
  sync::Checker checker(context.http(), context.sleeper(), core::SystemClock());
  auto outcome = checker.Run(*request, [](const sync::CheckStep& step) {
    std::printf("%s %s: %s\n", step.ok ? "ok  " : "FAIL", step.name.c_str(), step.detail.c_str());
    std::fflush(stdout);
  });
  if (!outcome) return kExitFailed;
  if (request->task.model.empty() || (request->task.fields.empty() && request->task.group_by.empty())) {
    std::printf("all checks passed\n");
    return kExitOk;
  }
  return PrintForecast(context, *request) ? kExitOk : kExitFailed;
}

}  // namespace xlsync::cli
