#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/sleeper.h"
#include "msgraph/drive_resolver.h"
#include "msgraph/graph_client.h"
#include "msgraph/workbook.h"
#include "sync/burst_plan.h"
#include "sync/exporter.h"
#include "sync/sheet_export.h"

namespace xlsync::sync {

/// The Graph side of one Exporter run once Odoo is prepared: opens the workbooks, exports the
/// task into its sheet (or one sheet or workbook per burst value), closes every session it
/// opened, and gathers what the report says. One per run; not thread-safe.
class ExportRun {
 public:
  /// `sink_options` are the run's Graph sink options (budget, formulas, table), from which each
  /// sheet's own are derived.
  ExportRun(const ExportRequest& request, OdooSide& odoo, msgraph::GraphClient& graph,
            msgraph::DriveResolver& drives, const core::Clock& clock, core::Sleeper& sleeper,
            GraphSinkOptions sink_options);

  /// The task into its one sheet (rollover onto further sheets when the task says so).
  core::Result<void> ExportOne(const std::function<void(const ExportProgress&)>& on_progress,
                               const std::atomic<bool>* stop);
  /// One export per burst value, in turn, each into its target.
  core::Result<void> ExportBurst(const std::vector<BurstTarget>& targets,
                                 const std::function<void(const ExportProgress&)>& on_progress,
                                 const std::atomic<bool>* stop);

  /// What the run wrote: rows, sheets, warnings (counters and timing are the caller's).
  ExportReport Report() const;

 private:
  /// A workbook found and its session opened.
  struct Opened {
    msgraph::DriveItem item;
    std::unique_ptr<msgraph::Workbook> workbook;
  };

  core::Result<Opened> Open(const std::string& locator);
  void Close(Opened& opened);
  core::Result<void> CloseLocalBook();
  SourceMaker Sources(ExportTask task);
  SheetJob Job(msgraph::Workbook& workbook, const std::string& sheet, int64_t expected_rows, bool single);
  std::function<void(const PipelineProgress&)> Progress(
      const std::function<void(const ExportProgress&)>& on_progress) const;
  void Record(const SheetOutcome& outcome, const Opened& opened, const std::string& value);
  /// The local copy's table, or none when the copy would hold too many cells to keep in memory.
  std::string LocalTable();
  core::Result<void> StartLocalBook();

  const ExportRequest& request_;
  OdooSide& odoo_;
  std::optional<odoo::CellConverter> converter_;  // fresh copies for each source
  odoo::RelatedPlan plan_;
  msgraph::GraphClient& graph_;
  msgraph::DriveResolver& drives_;
  const core::Clock& clock_;
  core::Sleeper& sleeper_;
  GraphSinkOptions sink_options_;
  std::shared_ptr<excel::XlsxFile> local_book_;  // the local copy when the run fills several sheets
  std::string local_table_;                      // the task's table, unless the copy is too big for one
  std::vector<std::string> warnings_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();

  int64_t rows_ = 0;  // written by the sheets finished so far
  int64_t resumed_after_ = 0;
  bool sheet_created_ = false;
  std::vector<int64_t> texts_cut_;
  std::vector<core::Column> columns_;
  std::vector<SheetReport> sheets_;
};

}  // namespace xlsync::sync
