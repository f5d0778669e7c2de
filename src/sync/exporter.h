#pragma once

#include <date/tz.h>

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/sleeper.h"
#include "http/client.h"
#include "msgraph/settings.h"
#include "odoo/cell_converter.h"
#include "odoo/client.h"
#include "sync/checkpoint_ledger.h"
#include "sync/export_task.h"
#include "sync/forecast.h"
#include "sync/graph_sheet_sink.h"
#include "sync/odoo_side.h"

namespace xlsync::sync {

/// Everything one export needs: both connections, the task, and the run's options.
struct ExportRequest {
  odoo::Settings odoo;
  msgraph::Settings graph;
  ExportTask task;
  std::string local_xlsx;  // also save the rows to this .xlsx file when set
  bool verify = true;      // read the sheet back and compare it with the source
  excel::ChunkBudget budget;
  /// Continue an interrupted run from here: the rows before it stay as they are. Honoured when
  /// the task reads in id order and the sheet's header is unchanged; otherwise the run starts over.
  std::optional<ResumePoint> resume;
  /// Told after each acknowledged chunk where the run could continue from.
  std::function<void(const ResumePoint&)> on_checkpoint;
  /// When set, Graph requests go through it (the tenant's shared request budget) instead of the
  /// Exporter's client.
  http::Client* graph_transport = nullptr;
  /// Excel's sheet and workbook limits the run keeps to (lowered in tests).
  SheetLimits limits;
};

struct ExportProgress {
  int64_t rows_written = 0;
  int64_t rows_expected = 0;  // Odoo's count when the run started
  double seconds = 0;
};

/// One sheet of a run that fills several (rollover sheets, one per burst value): where it is,
/// for which value, and how many rows it holds.
struct SheetReport {
  std::string value;  // the burst value's display text; "" for rollover sheets
  std::string workbook_name;
  std::string web_url;
  std::string sheet;
  int64_t rows = 0;
};

/// What a run did, for the summary line and the run history.
struct ExportReport {
  int64_t rows = 0;
  int64_t rows_expected = 0;
  long long odoo_requests = 0;
  long long graph_requests = 0;
  int retries = 0;
  int throttled = 0;
  double seconds = 0;
  bool verified = false;
  bool sheet_created = false;
  int64_t resumed_after = 0;  // data rows kept from an interrupted attempt (0: a fresh start)
  std::string workbook_name;
  std::string web_url;
  std::string sheet;
  std::vector<std::string> warnings;
  std::vector<SheetReport> sheets;  // with rollover or burst_by: every sheet filled, in order
};

/// Runs one replace export end to end: checks the task and both connections and the forecast
/// against Excel's limits before the sheet is touched, clears the sheet, streams Odoo pages into
/// it (pipeline; with row links, rollover onto further sheets, or one sheet or workbook per
/// burst value), proves the result by reading it back, and closes the workbook sessions
/// whatever happened.
class Exporter {
 public:
  Exporter(http::Client& http, core::Sleeper& sleeper, const core::Clock& clock);

  core::Result<ExportReport> Run(const ExportRequest& request,
                                 const std::function<void(const ExportProgress&)>& on_progress,
                                 const std::atomic<bool>* stop = nullptr);

 private:
  http::Client& http_;
  core::Sleeper& sleeper_;
  const core::Clock& clock_;
};

/// True when a run of the task can continue from a checkpoint: it reads in id order (keyset)
/// into one sheet (no rollover, no burst).
bool CanResume(const ExportTask& task);

/// The forecast of a task whose Odoo side is prepared (PrepareOdoo): its count and columns,
/// row links included, for chunks of `budget`; nullopt for grouped exports, whose rows are
/// groups Odoo has not counted yet.
std::optional<Forecast> ForecastOf(const OdooSide& side, const ExportTask& task, const std::string& odoo_url,
                                   const excel::ChunkBudget& budget, const SheetLimits& limits = {});

}  // namespace xlsync::sync
