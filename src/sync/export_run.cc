#include "sync/export_run.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "odoo/record_reader.h"
#include "sync/linked_record_source.h"

namespace xlsync::sync {
namespace {

using Seconds = std::chrono::duration<double>;

bool FillsSeveralSheets(const ExportTask& task) { return task.rollover || !task.burst_by.empty(); }

}  // namespace

ExportRun::ExportRun(const ExportRequest& request, OdooSide& odoo, msgraph::GraphClient& graph,
                     msgraph::DriveResolver& drives, const core::Clock& clock, core::Sleeper& sleeper,
                     GraphSinkOptions sink_options)
    : request_(request),
      odoo_(odoo),
      converter_(odoo.converter),
      plan_(odoo.plan),
      graph_(graph),
      drives_(drives),
      clock_(clock),
      sleeper_(sleeper),
      sink_options_(std::move(sink_options)) {
  local_table_ = LocalTable();
}

std::string ExportRun::LocalTable() {
  const ExportTask& task = request_.task;
  if (request_.local_xlsx.empty() || task.table.empty()) return {};
  // libxlsxwriter keeps a table's cells in memory until the file is written (xlsx_file.h).
  const size_t columns = converter_ ? converter_->columns().size() + (task.row_links ? 1 : 0)
                         : odoo_.grouped ? odoo_.grouped->columns.size()
                                         : 0;
  const int64_t cells = odoo_.count * static_cast<int64_t>(columns);
  if (cells <= request_.limits.max_local_table_cells) return task.table;
  warnings_.push_back("The local copy " + request_.local_xlsx + " has a filter instead of the table \"" + task.table +
                      "\": its " + std::to_string(cells) + " cells are more than xlsync holds in memory to write a table (" +
                      std::to_string(request_.limits.max_local_table_cells) + ").");
  return {};
}

core::Result<void> ExportRun::StartLocalBook() {
  auto book = excel::XlsxFile::Create(request_.local_xlsx, /*constant_memory=*/local_table_.empty());
  if (!book) return std::move(book).error();
  local_book_ = std::move(*book);
  return {};
}

core::Result<ExportRun::Opened> ExportRun::Open(const std::string& locator) {
  auto parsed = msgraph::WorkbookLocator::Parse(locator);
  if (!parsed) return std::move(parsed).error();
  auto item = drives_.Resolve(*parsed);
  if (!item) return std::move(item).error();
  spdlog::info("workbook \"{}\" found (drive {}, item {})", item->name, item->drive_id, item->item_id);
  Opened opened{*item, std::make_unique<msgraph::Workbook>(graph_, clock_, sleeper_, *item)};
  XLSYNC_RETURN_IF_ERROR(opened.workbook->Open());
  return opened;
}

void ExportRun::Close(Opened& opened) {
  if (auto closed = opened.workbook->Close(); !closed) {
    spdlog::warn("closing the workbook session failed: {}", closed.error().ForUser());
  }
}

core::Result<void> ExportRun::CloseLocalBook() {
  if (!local_book_) return {};
  auto book = std::move(local_book_);
  return book->Close();
}

SourceMaker ExportRun::Sources(ExportTask task) {
  return [this, task = std::move(task)](int64_t after_id) -> std::unique_ptr<RecordSource> {
    // MakeRecordSource takes the converter and the related-fields plan: each source (a resume
    // falling back to the start, a burst value) gets its own copies of those PrepareOdoo made.
    odoo_.converter = converter_;
    odoo_.plan = plan_;
    return MakeTaskSource(odoo_, task, request_.odoo.url, after_id);
  };
}

SheetJob ExportRun::Job(msgraph::Workbook& workbook, const std::string& sheet, int64_t expected_rows, bool single) {
  const ExportTask& task = request_.task;
  SheetJob job;
  job.workbook = &workbook;
  job.sheet = sheet;
  job.sink_options = sink_options_;
  job.sink_options.expected_rows = expected_rows;
  job.rollover = task.rollover;
  job.rows_per_sheet = request_.limits.data_rows();
  job.local_table = excel::XlsxTable{local_table_, task.table_style};
  job.local_book = local_book_;
  if (!local_book_) job.local_xlsx = request_.local_xlsx;
  job.verify = request_.verify;
  // While a chunk is in flight the reader fills the queue and stops; the next chunk is gathered
  // from what it queued. A queue shorter than a chunk's pages makes the two sides take turns
  // (a 1M x 10 export took 98 s against 50 s of writing alone, BENCHMARKS.md).
  // Automatic pages hold about odoo::kPageBytes of answer, some 30 bytes a value.
  const size_t fields = std::max<size_t>(1, task.fields.size() + task.group_by.size());
  const size_t page_rows = task.page_size > 0 ? static_cast<size_t>(task.page_size)
                                              : std::min<size_t>(kAutoMaxPage, odoo::kPageBytes / (30 * fields));
  const size_t page_cells = std::max<size_t>(1, page_rows) * fields;
  const size_t chunk_pages = (sink_options_.budget.ceiling_cells + page_cells - 1) / page_cells;
  job.read_ahead_pages = std::clamp<size_t>(chunk_pages, 2, 16);
  // Checkpoints also tell the run's progress, so a single sheet reports them even when its task
  // could not resume from one (CanResume decides that when the run comes back).
  if (single) job.on_checkpoint = request_.on_checkpoint;
  if (single && CanResume(task)) job.resume = request_.resume;
  return job;
}

std::function<void(const PipelineProgress&)> ExportRun::Progress(
    const std::function<void(const ExportProgress&)>& on_progress) const {
  if (!on_progress) return nullptr;
  return [this, &on_progress, before = rows_](const PipelineProgress& progress) {
    on_progress({before + progress.rows_written, odoo_.count,
                 Seconds(std::chrono::steady_clock::now() - started_).count()});
  };
}

void ExportRun::Record(const SheetOutcome& outcome, const Opened& opened, const std::string& value) {
  if (sheets_.empty()) {
    sheet_created_ = outcome.sheet_created;
    resumed_after_ = outcome.start.rows;
    columns_ = outcome.columns;
    texts_cut_.assign(columns_.size(), 0);
  }
  rows_ += outcome.totals.rows;
  for (size_t i = 0; i < texts_cut_.size() && i < outcome.totals.texts_cut.size(); ++i) {
    texts_cut_[i] += outcome.totals.texts_cut[i];
  }
  for (const FilledSheet& sheet : outcome.sheets) {
    sheets_.push_back({value, opened.item.name, opened.item.web_url, sheet.name, sheet.rows});
  }
}

core::Result<void> ExportRun::ExportOne(const std::function<void(const ExportProgress&)>& on_progress,
                                        const std::atomic<bool>* stop) {
  const ExportTask& task = request_.task;
  auto opened = Open(task.workbook);
  if (!opened) return std::move(opened).error();
  if (!request_.local_xlsx.empty() && task.rollover) XLSYNC_RETURN_IF_ERROR(StartLocalBook());
  auto outcome = ExportSheet(Job(*opened->workbook, task.sheet, odoo_.count, true), Sources(task),
                             Progress(on_progress), stop);
  Close(*opened);
  if (!outcome) return std::move(outcome).error();
  Record(*outcome, *opened, "");
  return CloseLocalBook();
}

core::Result<void> ExportRun::ExportBurst(const std::vector<BurstTarget>& targets,
                                          const std::function<void(const ExportProgress&)>& on_progress,
                                          const std::atomic<bool>* stop) {
  const ExportTask& task = request_.task;
  if (!request_.local_xlsx.empty()) XLSYNC_RETURN_IF_ERROR(StartLocalBook());
  std::optional<Opened> opened;
  int sheets_in_workbook = 0;
  for (size_t i = 0; i < targets.size(); ++i) {
    const BurstTarget& target = targets[i];
    if (!opened || i == 0 || target.workbook != targets[i - 1].workbook) {
      if (opened) Close(*opened);
      auto next = Open(target.workbook);
      if (!next) return std::move(next).error();
      opened = std::move(*next);
      sheets_in_workbook = 0;
    }
    SheetJob job = Job(*opened->workbook, target.sheet, target.value.count, false);
    // Table names are unique per workbook: the sheets of one workbook number theirs.
    job.sink_options.table = TableNameForSheet(task.table, ++sheets_in_workbook);
    job.local_table.name = TableNameForSheet(local_table_, static_cast<int>(i) + 1);
    ExportTask slice = BurstSlice(task, target.value);
    auto outcome = ExportSheet(job, Sources(std::move(slice)), Progress(on_progress), stop);
    if (!outcome) {
      Close(*opened);
      return std::move(outcome).error();
    }
    Record(*outcome, *opened, target.value.display);
    spdlog::info("\"{}\": {} rows into \"{}\" sheet \"{}\"", target.value.display, outcome->totals.rows,
                 opened->item.name, target.sheet);
  }
  if (opened) Close(*opened);
  return CloseLocalBook();
}

ExportReport ExportRun::Report() const {
  const ExportTask& task = request_.task;
  ExportReport report;
  report.rows = rows_;
  report.rows_expected = odoo_.count;
  report.resumed_after = resumed_after_;
  report.verified = request_.verify && !task.allow_formulas;
  report.sheet_created = sheet_created_;
  report.sheet = sheets_.empty() ? task.sheet : sheets_.front().sheet;
  if (!sheets_.empty()) {
    report.workbook_name = sheets_.front().workbook_name;
    report.web_url = sheets_.front().web_url;
  }
  if (FillsSeveralSheets(task)) report.sheets = sheets_;
  report.warnings = odoo_.warnings;
  report.warnings.insert(report.warnings.end(), warnings_.begin(), warnings_.end());
  if (!task.burst_by.empty() && sheets_.empty()) {
    report.warnings.push_back("The filter matches no records, so no value of " + task.burst_by +
                              " made a sheet: nothing was written.");
  }
  if (std::string cut = CutTextsWarning(texts_cut_, columns_); !cut.empty()) report.warnings.push_back(cut);
  if (request_.verify && task.allow_formulas) {
    report.warnings.push_back("Formulas are allowed, so only the sheet's extent (" + std::to_string(report.rows) +
                              " rows) was checked, not the cells: Excel reads formulas back as their results.");
  }
  return report;
}

}  // namespace xlsync::sync
