#include "sync/sheet_export.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "sync/rollover_sink.h"
#include "sync/xlsx_book_sink.h"
#include "sync/xlsx_sheet_sink.h"

namespace xlsync::sync {
namespace {

/// The sinks of one sheet's export: the Graph sheet (or the rollover over several) and the
/// local copy, with what the outcome needs to know about them afterwards.
struct Sinks {
  std::unique_ptr<SheetSink> graph;
  std::unique_ptr<SheetSink> local;
  RolloverSink* rollover = nullptr;
  std::vector<GraphSheetSink*> graph_sheets;  // in sheet order

  std::vector<SheetSink*> all() const {
    std::vector<SheetSink*> list{graph.get()};
    if (local) list.push_back(local.get());
    return list;
  }
};

// A rollover run writes sheets in one go and cannot resume (exporter.h CanResume), so its sheets
// report no acknowledgements: a count within one sheet would not be a resume point of the run.
GraphSinkOptions OptionsFor(const SheetJob& job, std::optional<CheckpointLedger>& ledger) {
  GraphSinkOptions options = job.sink_options;
  options.on_acknowledged = nullptr;
  if (!job.rollover && job.on_checkpoint) {
    options.on_acknowledged = [&ledger, &job](int64_t rows, int64_t last_nonempty_row) {
      if (!ledger) return;
      if (auto point = ledger->Acknowledge(rows, last_nonempty_row)) job.on_checkpoint(*point);
    };
  }
  return options;
}

/// Fills `sinks`, which must outlive the run: the rollover's factory adds sheets to it.
core::Result<void> MakeSinks(const SheetJob& job, const GraphSinkOptions& options, Sinks& sinks) {
  // Each sheet of a rollover holds its own table (names are unique per workbook), sized for
  // the rows it will take.
  const auto graph_sheet = [&job, &sinks, options](const std::string& name) {
    const auto number = static_cast<int64_t>(sinks.graph_sheets.size()) + 1;
    GraphSinkOptions own = options;
    own.table = TableNameForSheet(options.table, static_cast<int>(number));
    if (job.rollover) {
      const int64_t before = (number - 1) * job.rows_per_sheet;
      own.expected_rows = std::clamp<int64_t>(options.expected_rows - before, 0, job.rows_per_sheet);
    }
    auto sink = std::make_unique<GraphSheetSink>(*job.workbook, name, std::move(own));
    sinks.graph_sheets.push_back(sink.get());
    return std::unique_ptr<SheetSink>(std::move(sink));
  };
  if (job.rollover) {
    auto rollover = std::make_unique<RolloverSink>(job.sheet, graph_sheet, job.rows_per_sheet);
    sinks.rollover = rollover.get();
    sinks.graph = std::move(rollover);
  } else {
    sinks.graph = graph_sheet(job.sheet);
  }
  if (job.local_book) {
    int local_number = 0;
    auto book_sheet = [&job, local_number](const std::string& name) mutable -> std::unique_ptr<SheetSink> {
      excel::XlsxTable table = job.local_table;
      table.name = TableNameForSheet(table.name, ++local_number);
      return std::make_unique<XlsxBookSink>(job.local_book, name, std::move(table));
    };
    sinks.local = job.rollover ? std::make_unique<RolloverSink>(job.sheet, book_sheet, job.rows_per_sheet)
                               : book_sheet(job.sheet);
  } else if (!job.local_xlsx.empty()) {
    if (job.rollover) return core::Internal("A rollover run needs a shared local copy: this is a bug in xlsync.");
    sinks.local = std::make_unique<XlsxSheetSink>(job.local_xlsx, job.sheet, job.local_table);
  }
  return {};
}

/// For a job with a resume point: continues the sheet from it when it can; else begins the
/// sinks and remakes the source from the first record. Returns where the pipeline starts.
core::Result<ResumePoint> StartSinks(const SheetJob& job, const Sinks& sinks, const std::vector<core::Column>& columns,
                                     const SourceMaker& make_source, std::unique_ptr<RecordSource>& source) {
  const ResumePoint& resume = *job.resume;
  if (!job.rollover && !sinks.local) {
    auto continued = sinks.graph_sheets.front()->Continue(columns, resume.rows, resume.last_nonempty_row);
    if (continued) return resume;
    spdlog::warn("the run cannot continue where it stopped ({}); starting the sheet over",
                 continued.error().ForUser());
  }
  for (SheetSink* sink : sinks.all()) XLSYNC_RETURN_IF_ERROR(sink->Begin(columns));
  source = make_source(0);
  return ResumePoint{};
}

std::vector<FilledSheet> FilledSheets(const SheetJob& job, const Sinks& sinks, int64_t rows) {
  if (!sinks.rollover) return {{job.sheet, rows}};
  std::vector<FilledSheet> filled;
  for (const auto& sheet : sinks.rollover->sheets()) filled.push_back({sheet.name, sheet.rows});
  return filled;
}

}  // namespace

std::string TableNameForSheet(const std::string& table, int number) {
  if (table.empty() || number <= 1) return table;
  return table + "_" + std::to_string(number);
}

core::Result<SheetOutcome> ExportSheet(const SheetJob& job, const SourceMaker& make_source,
                                       const std::function<void(const PipelineProgress&)>& on_progress,
                                       const std::atomic<bool>* stop) {
  const bool has_resume_point = job.resume && job.resume->rows > 0 && job.resume->last_id > 0;
  const bool may_resume = has_resume_point && !job.rollover;
  std::unique_ptr<RecordSource> source = make_source(may_resume ? job.resume->last_id : 0);
  SheetOutcome outcome;
  outcome.columns = source->columns();
  std::optional<CheckpointLedger> ledger;
  Sinks sinks;
  XLSYNC_RETURN_IF_ERROR(MakeSinks(job, OptionsFor(job, ledger), sinks));
  const std::vector<SheetSink*> all = sinks.all();
  PipelineOptions pipeline;
  if (has_resume_point) {
    auto start = StartSinks(job, sinks, outcome.columns, make_source, source);
    if (!start) return std::move(start).error();
    pipeline.start = *start;
  } else {
    // Nothing to continue, so the source is final: the first Odoo pages are read while the
    // sheet is prepared (about a second of Graph requests).
    pipeline.before_writing = [&all, &outcome]() -> core::Result<void> {
      for (SheetSink* sink : all) XLSYNC_RETURN_IF_ERROR(sink->Begin(outcome.columns));
      return {};
    };
  }
  pipeline.queue_batches = std::max<size_t>(2, job.read_ahead_pages);
  // The ledger is emptied by acknowledgements, which come only when checkpoints are wanted:
  // without them it would hold every row's id and digest (24 MB a million rows).
  if (job.on_checkpoint && !job.rollover) {
    ledger.emplace(pipeline.start);
    pipeline.ledger = &*ledger;
  }
  auto totals = RunPipeline(*source, all, pipeline, on_progress, stop);
  if (!totals) return std::move(totals).error();
  if (job.verify) {
    for (SheetSink* sink : all) XLSYNC_RETURN_IF_ERROR(sink->Verify(totals->rows, totals->digest));
  }
  outcome.start = pipeline.start;
  outcome.sheets = FilledSheets(job, sinks, totals->rows);
  outcome.totals = std::move(*totals);
  outcome.sheet_created = !sinks.graph_sheets.empty() && sinks.graph_sheets.front()->sheet_created();
  return outcome;
}

}  // namespace xlsync::sync
