#include "sync/exporter.h"

#include <date/tz.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <optional>

#include "core/text.h"
#include "msgraph/drive_resolver.h"
#include "msgraph/graph_client.h"
#include "msgraph/token_provider.h"
#include "msgraph/workbook.h"
#include "odoo/cell_converter.h"
#include "sync/counting_http_client.h"
#include "sync/odoo_record_source.h"
#include "sync/pipeline.h"
#include "sync/xlsx_sheet_sink.h"

namespace xlsync::sync {
namespace {

using Seconds = std::chrono::duration<double>;

/// The Odoo side, ready to stream: logged in, schema read, fields resolved, filter checked.
struct OdooSide {
  std::unique_ptr<odoo::Client> client;
  std::optional<odoo::CellConverter> converter;
  int64_t count = 0;
};

core::Result<OdooSide> PrepareOdoo(http::Client& http, core::Sleeper& sleeper, const ExportRequest& request,
                                   http::RetryCounters& counters) {
  const ExportTask& task = request.task;
  auto options = ConvertOptionsOf(task);
  if (!options) return std::move(options).error();
  OdooSide side;
  side.client = std::make_unique<odoo::Client>(http, sleeper, request.odoo, &counters);
  XLSYNC_RETURN_IF_ERROR(side.client->Connect());
  spdlog::info("Odoo {} at {}: logged in as uid {}", side.client->version().text, request.odoo.url,
               side.client->uid());
  const odoo::Context context = OdooContextOf(task);
  auto schema = side.client->FieldsGet(task.model, context);
  if (!schema) return std::move(schema).error();
  auto converter = odoo::CellConverter::Create(*schema, task.fields, *options);
  if (!converter) return std::move(converter).error();
  side.converter.emplace(std::move(*converter));
  // Counting with the filter proves the filter is valid before the sheet is touched.
  auto count = side.client->SearchCount(task.model, task.domain, context);
  if (!count) return std::move(count).error();
  side.count = *count;
  spdlog::info("{} records of {} match the filter", side.count, task.model);
  return side;
}

/// Begins the sinks, or continues the sheet from the request's resume point when it can; returns
/// where the pipeline starts (nothing kept after a fresh Begin).
core::Result<ResumePoint> StartSinks(const ExportRequest& request, const std::vector<core::Column>& columns,
                                     GraphSheetSink& sheet, std::span<SheetSink* const> sinks) {
  const auto& resume = request.resume;
  if (resume && resume->rows > 0 && resume->last_id > 0 && CanResume(request.task) && sinks.size() == 1) {
    auto continued = sheet.Continue(columns, resume->rows, resume->last_nonempty_row);
    if (continued) return *resume;
    spdlog::warn("the run cannot continue where it stopped ({}); starting the sheet over",
                 continued.error().ForUser());
  }
  for (SheetSink* sink : sinks) XLSYNC_RETURN_IF_ERROR(sink->Begin(columns));
  return ResumePoint{};
}

}  // namespace

bool CanResume(const ExportTask& task) {
  const std::string order = core::ToLower(std::string(core::Trim(task.order)));
  return order.empty() || order == "id" || order == "id asc" || order == "id desc";
}

core::Result<const date::time_zone*> LocateTimeZone(const std::string& name) {
  try {
    return date::locate_zone(name.empty() ? std::string("UTC") : name);
  } catch (const std::exception&) {
    return core::InvalidInput("The time zone \"" + name + "\" is unknown: use an IANA name such as "
                              "Europe/Brussels or UTC.");
  }
}

odoo::Context OdooContextOf(const ExportTask& task) {
  odoo::Context context;
  context.lang = task.lang;
  context.active_test = !task.include_archived;
  context.bin_size = task.binary_placeholder;  // sizes instead of file contents (odoo-api.md §9.3)
  return context;
}

core::Result<odoo::ConvertOptions> ConvertOptionsOf(const ExportTask& task) {
  auto zone = LocateTimeZone(task.time_zone);
  if (!zone) return std::move(zone).error();
  odoo::ConvertOptions options;
  options.time_zone = *zone;
  options.x2many_as_ids = task.x2many_as_ids;
  options.binary_placeholder = task.binary_placeholder;
  return options;
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
  auto odoo_side = PrepareOdoo(odoo_http, sleeper_, request, counters);
  if (!odoo_side) return std::move(odoo_side).error();

  msgraph::TokenProvider tokens(graph_http, clock_, sleeper_, request.graph);
  msgraph::GraphClient graph(graph_http, tokens, sleeper_, request.graph, &counters);
  msgraph::DriveResolver drives(graph, request.graph.user_upn);
  auto locator = msgraph::WorkbookLocator::Parse(task.workbook);
  if (!locator) return std::move(locator).error();
  auto item = drives.Resolve(*locator);
  if (!item) return std::move(item).error();
  spdlog::info("workbook \"{}\" found (drive {}, item {})", item->name, item->drive_id, item->item_id);
  msgraph::Workbook workbook(graph, clock_, sleeper_, *item);
  XLSYNC_RETURN_IF_ERROR(workbook.Open());

  std::optional<CheckpointLedger> ledger;
  GraphSinkOptions sink_options;
  sink_options.budget = request.budget;
  sink_options.allow_formulas = task.allow_formulas;
  sink_options.on_acknowledged = [&](int64_t rows, int64_t last_nonempty_row) {
    if (!ledger || !request.on_checkpoint) return;
    if (auto point = ledger->Acknowledge(rows, last_nonempty_row)) request.on_checkpoint(*point);
  };
  GraphSheetSink sheet(workbook, task.sheet, sink_options);
  std::optional<XlsxSheetSink> local;
  std::vector<SheetSink*> sinks{&sheet};
  if (!request.local_xlsx.empty()) sinks.push_back(&local.emplace(request.local_xlsx, task.sheet));

  auto start = StartSinks(request, odoo_side->converter->columns(), sheet, sinks);
  if (!start) {
    sheet.Close();
    return std::move(start).error();
  }
  odoo::ReadSpec spec;
  spec.model = task.model;
  spec.domain = task.domain;
  spec.fields = odoo_side->converter->read_fields();
  spec.order = task.order;
  spec.page_size = task.page_size;
  spec.context = OdooContextOf(task);
  spec.after_id = start->last_id;
  ledger.emplace(*start);
  OdooRecordSource source(*odoo_side->client, std::move(spec), std::move(*odoo_side->converter));

  PipelineOptions pipeline;
  pipeline.start = *start;
  pipeline.ledger = &*ledger;
  auto outcome = [&]() -> core::Result<PipelineTotals> {
    const int64_t expected = odoo_side->count;
    auto totals = RunPipeline(source, sinks, pipeline, [&](const PipelineProgress& progress) {
      if (on_progress) {
        on_progress({progress.rows_written, expected,
                     Seconds(std::chrono::steady_clock::now() - started).count()});
      }
    }, stop);
    if (!totals) return totals;
    if (request.verify) {
      for (SheetSink* sink : sinks) XLSYNC_RETURN_IF_ERROR(sink->Verify(totals->rows, totals->digest));
    }
    return totals;
  }();
  sheet.Close();
  if (!outcome) return std::move(outcome).error();

  ExportReport report;
  report.rows = outcome->rows;
  report.rows_expected = odoo_side->count;
  report.resumed_after = start->rows;
  report.odoo_requests = odoo_http.requests();
  report.graph_requests = graph_http.requests();
  report.retries = counters.retries.load();
  report.throttled = counters.throttled.load();
  report.seconds = Seconds(std::chrono::steady_clock::now() - started).count();
  report.verified = request.verify && !task.allow_formulas;
  report.sheet_created = sheet.sheet_created();
  report.workbook_name = item->name;
  report.web_url = item->web_url;
  report.sheet = task.sheet;
  report.warnings = source.warnings();
  if (request.verify && task.allow_formulas) {
    report.warnings.push_back("Formulas are allowed, so only the sheet's extent (" + std::to_string(report.rows) +
                              " rows) was checked, not the cells: Excel reads formulas back as their results.");
  }
  return report;
}

}  // namespace xlsync::sync
