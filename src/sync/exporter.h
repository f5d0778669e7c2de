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
#include "sync/graph_sheet_sink.h"

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
};

struct ExportProgress {
  int64_t rows_written = 0;
  int64_t rows_expected = 0;  // Odoo's count when the run started
  double seconds = 0;
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
};

/// Runs one replace export end to end: checks the task and both connections before the sheet is
/// touched, clears the sheet, streams Odoo pages into it (pipeline), proves the result by
/// reading it back, and closes the workbook session whatever happened.
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

/// True when a run of the task can continue from a checkpoint: it reads in id order (keyset).
bool CanResume(const ExportTask& task);

/// The IANA time zone of a task ("Europe/Brussels"), or a plain error naming it.
core::Result<const date::time_zone*> LocateTimeZone(const std::string& name);

/// The Odoo context a task reads with (language, archived records, binary sizes).
odoo::Context OdooContextOf(const ExportTask& task);

/// How a task turns Odoo values into cells (time zone, x2many as ids, binary placeholder).
core::Result<odoo::ConvertOptions> ConvertOptionsOf(const ExportTask& task);

}  // namespace xlsync::sync
