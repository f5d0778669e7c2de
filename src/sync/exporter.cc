#include "sync/exporter.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <optional>

#include "core/text.h"
#include "msgraph/drive_resolver.h"
#include "msgraph/graph_client.h"
#include "msgraph/token_provider.h"
#include "sync/burst_plan.h"
#include "sync/counting_http_client.h"
#include "sync/export_run.h"
#include "sync/linked_record_source.h"
#include "sync/odoo_side.h"

namespace xlsync::sync {
namespace {

using Seconds = std::chrono::duration<double>;

// The forecast's starting point; `records` is the side's count unless a burst value says less.
std::optional<ForecastInput> ForecastInputOf(const OdooSide& side, const ExportTask& task, const std::string& odoo_url,
                                             const excel::ChunkBudget& budget) {
  if (!task.group_by.empty() || !side.converter) return std::nullopt;
  ForecastInput input;
  input.records = side.count;
  input.columns = side.converter->columns();
  input.budget = budget;
  input.page_size = FirstPageSize(task);
  input.max_page_size = MaxPageSize(task);
  if (task.row_links) {
    // A URL as long as the one of the highest id the filter could reach.
    input.row_link_url_length = static_cast<int64_t>(
        RecordUrl(odoo_url, side.client->version(), task.model, std::max<int64_t>(1, side.count)).size());
  }
  return input;
}

/// The distinct values of a burst task and where each goes; none for other tasks.
core::Result<std::vector<BurstTarget>> BurstTargetsOf(OdooSide& side, const ExportTask& task) {
  if (task.burst_by.empty()) return std::vector<BurstTarget>();
  auto schema = side.client->FieldsGet(task.model, OdooContextOf(task));
  if (!schema) return std::move(schema).error();
  auto values = ReadBurstValues(*side.client, *schema, task);
  if (!values) return std::move(values).error();
  spdlog::info("{} values of {} split the export", values->size(), task.burst_by);
  return BurstTargets(task, std::move(*values));
}

/// Refuses, before any sheet is touched, a run Excel cannot hold (msgraph.md §6.5). A burst
/// value fills a sheet of its own, so rows count per value; the workbook holds every value's
/// rows, unless each value has a workbook of its own.
core::Result<void> CheckLimits(const OdooSide& side, const ExportRequest& request,
                               const std::vector<BurstTarget>& targets) {
  const ExportTask& task = request.task;
  auto input = ForecastInputOf(side, task, request.odoo.url, request.budget);
  if (!input) return {};
  const Forecast whole = MakeForecast(*input, request.limits);
  if (task.burst_by.empty()) return CheckForecast(whole, request.limits, task.rollover);
  if (task.burst_workbook.empty()) XLSYNC_RETURN_IF_ERROR(CheckForecast(whole, request.limits, true));
  for (const BurstTarget& target : targets) {
    ForecastInput slice = *input;
    slice.records = target.value.count;
    const Forecast part = MakeForecast(slice, request.limits);
    if (part.records > request.limits.data_rows() && !task.rollover) {
      return core::InvalidInput("The value \"" + target.value.display + "\" of " + task.burst_by + " matches " +
                                core::GroupThousands(part.records) + " records, more than the " +
                                core::GroupThousands(request.limits.data_rows()) + " rows an Excel sheet holds under its "
                                "header: narrow the filter, or set rollover = true to continue on further sheets.");
    }
    XLSYNC_RETURN_IF_ERROR(CheckForecast(part, request.limits, true));
  }
  return {};
}

}  // namespace

bool CanResume(const ExportTask& task) {
  if (task.rollover || !task.burst_by.empty() || !task.group_by.empty()) return false;
  const std::string order = core::ToLower(std::string(core::Trim(task.order)));
  return order.empty() || order == "id" || order == "id asc" || order == "id desc";
}

std::optional<Forecast> ForecastOf(const OdooSide& side, const ExportTask& task, const std::string& odoo_url,
                                   const excel::ChunkBudget& budget, const SheetLimits& limits) {
  auto input = ForecastInputOf(side, task, odoo_url, budget);
  if (!input) return std::nullopt;
  return MakeForecast(*input, limits);
}

Exporter::Exporter(http::Client& http, core::Sleeper& sleeper, const core::Clock& clock)
    : http_(http), sleeper_(sleeper), clock_(clock) {}

core::Result<ExportReport> Exporter::Run(const ExportRequest& request,
                                         const std::function<void(const ExportProgress&)>& on_progress,
                                         const std::atomic<bool>* stop) {
  const auto started = std::chrono::steady_clock::now();
  const ExportTask& task = request.task;
  XLSYNC_RETURN_IF_ERROR(ValidateTask(task));
  XLSYNC_RETURN_IF_ERROR(msgraph::ValidateSettings(request.graph));

  http::RetryCounters counters;
  CountingHttpClient odoo_http(http_);
  CountingHttpClient graph_http(request.graph_transport ? *request.graph_transport : http_);
  auto odoo_side = PrepareOdoo(odoo_http, sleeper_, request.odoo, task, counters);
  if (!odoo_side) return std::move(odoo_side).error();
  auto targets = BurstTargetsOf(*odoo_side, task);
  if (!targets) return std::move(targets).error();
  XLSYNC_RETURN_IF_ERROR(CheckLimits(*odoo_side, request, *targets));

  msgraph::TokenProvider tokens(graph_http, clock_, sleeper_, request.graph);
  msgraph::GraphClient graph(graph_http, tokens, sleeper_, request.graph, &counters);
  msgraph::DriveResolver drives(graph, request.graph.user_upn);
  GraphSinkOptions sink_options;
  sink_options.budget = request.budget;
  sink_options.allow_formulas = task.allow_formulas;
  sink_options.table = task.table;
  sink_options.table_style = task.table_style;
  sink_options.expected_rows = odoo_side->count;
  ExportRun run(request, *odoo_side, graph, drives, clock_, sleeper_, std::move(sink_options));
  XLSYNC_RETURN_IF_ERROR(task.burst_by.empty() ? run.ExportOne(on_progress, stop)
                                               : run.ExportBurst(*targets, on_progress, stop));

  ExportReport report = run.Report();
  report.odoo_requests = odoo_http.requests();
  report.graph_requests = graph_http.requests();
  report.retries = counters.retries.load();
  report.throttled = counters.throttled.load();
  report.seconds = Seconds(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace xlsync::sync
