#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "excel/a1.h"
#include "excel/xlsx_file.h"
#include "msgraph/workbook.h"
#include "sync/checkpoint_ledger.h"
#include "sync/graph_sheet_sink.h"
#include "sync/pipeline.h"
#include "sync/record_source.h"

namespace xlsync::sync {

/// Makes the rows of one sheet's export, read after `after_id` (keyset resume; 0 = from the
/// start). Called a second time when a resume falls back to a fresh start.
using SourceMaker = std::function<std::unique_ptr<RecordSource>(int64_t after_id)>;

/// One sheet's export inside a run: where the rows go and how.
struct SheetJob {
  msgraph::Workbook* workbook = nullptr;  // opened by the run, closed by the run
  std::string sheet;
  GraphSinkOptions sink_options;  // on_acknowledged is ExportSheet's own
  /// Past `rows_per_sheet` data rows, go on in "<sheet> (2)", "<sheet> (3)"...
  bool rollover = false;
  int64_t rows_per_sheet = excel::kMaxRows - 1;
  /// The local copy: a file of its own (not with rollover), or sheets of a file the run shares
  /// between its sheets and closes itself.
  std::string local_xlsx;
  std::shared_ptr<excel::XlsxFile> local_book;
  excel::XlsxTable local_table;
  bool verify = true;
  /// Pages the reader may queue ahead of the writer (PipelineOptions::queue_batches).
  size_t read_ahead_pages = 2;
  /// Continue an interrupted run from here when the sheet allows it (no rollover, no local copy).
  std::optional<ResumePoint> resume;
  std::function<void(const ResumePoint&)> on_checkpoint;
};

/// One sheet a run filled, and its rows.
struct FilledSheet {
  std::string name;
  int64_t rows = 0;
};

/// What one sheet's export did.
struct SheetOutcome {
  PipelineTotals totals;
  ResumePoint start;  // rows kept from an interrupted attempt (none after a fresh start)
  bool sheet_created = false;
  std::vector<FilledSheet> sheets;  // more than one with rollover
  std::vector<core::Column> columns;
};

/// Replaces a sheet's data with the rows of a source: clears it (or continues it), streams the
/// rows through the pipeline into the sheet and the local copy, then reads the sheet back.
/// Leaves the workbook session open: the run closes it once, at its end.
core::Result<SheetOutcome> ExportSheet(const SheetJob& job, const SourceMaker& make_source,
                                       const std::function<void(const PipelineProgress&)>& on_progress,
                                       const std::atomic<bool>* stop);

/// The table of the n-th sheet (1-based) of a run that fills several: table names are unique in
/// a workbook, so sheets after the first get "<name>_<n>". "" stays "".
std::string TableNameForSheet(const std::string& table, int number);

}  // namespace xlsync::sync
