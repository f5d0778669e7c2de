#include "sync/rollover_sink.h"

#include <algorithm>

#include "excel/sheet_namer.h"

namespace xlsync::sync {

RolloverSink::RolloverSink(std::string sheet, SheetSinkFactory factory, int64_t rows_per_sheet)
    : sheet_(std::move(sheet)), factory_(std::move(factory)), rows_per_sheet_(std::max<int64_t>(1, rows_per_sheet)) {}

core::Result<void> RolloverSink::OpenSheet() {
  const int number = static_cast<int>(sheets_.size()) + 1;
  std::string name = number == 1 ? sheet_ : excel::NumberedSheetName(sheet_, number);
  std::unique_ptr<SheetSink> sink = factory_(name);
  if (!sink) {
    return core::Internal("The sheet \"" + name + "\" could not be prepared: this is a bug in xlsync, please "
                          "report it.");
  }
  XLSYNC_RETURN_IF_ERROR(sink->Begin(columns_));
  sinks_.push_back(std::move(sink));
  sheets_.push_back({std::move(name), 0, excel::RowDigest()});
  return {};
}

core::Result<void> RolloverSink::Begin(const std::vector<core::Column>& columns) {
  columns_ = columns;
  return OpenSheet();
}

core::Result<void> RolloverSink::Continue(const std::vector<core::Column>&, int64_t, int64_t) {
  return core::InvalidInput("A run that continues on further sheets cannot pick up where it stopped: run it again "
                            "from the start.");
}

core::Result<void> RolloverSink::Write(std::span<const core::Row> rows) {
  while (!rows.empty()) {
    if (sheets_.empty()) return core::Internal("Rows came before the sheet was begun: this is a bug in xlsync.");
    if (sheets_.back().rows == rows_per_sheet_) {
      // The sheet is full: everything held back goes out before the next sheet starts.
      XLSYNC_RETURN_IF_ERROR(sinks_.back()->Finish());
      XLSYNC_RETURN_IF_ERROR(OpenSheet());
    }
    RolloverSheet& sheet = sheets_.back();
    const auto room = static_cast<size_t>(rows_per_sheet_ - sheet.rows);
    const std::span<const core::Row> part = rows.first(std::min(room, rows.size()));
    XLSYNC_RETURN_IF_ERROR(sinks_.back()->Write(part));
    for (const core::Row& row : part) {
      sheet.digest.AddRow(row);
      all_.AddRow(row);
    }
    sheet.rows += static_cast<int64_t>(part.size());
    rows = rows.subspan(part.size());
  }
  return {};
}

core::Result<void> RolloverSink::KeepAlive() {
  if (sinks_.empty()) return {};
  return sinks_.back()->KeepAlive();
}

core::Result<bool> RolloverSink::Idle() {
  // A full sheet's sink may still have rows to read back; one step at a time, like any sink.
  for (auto& sink : sinks_) {
    auto idle = sink->Idle();
    if (!idle || *idle) return idle;
  }
  return false;
}

core::Result<void> RolloverSink::Finish() {
  if (sinks_.empty()) return {};
  return sinks_.back()->Finish();
}

core::Result<void> RolloverSink::Verify(int64_t rows, uint64_t digest) {
  if (static_cast<int64_t>(all_.rows()) != rows || all_.value() != digest) {
    return core::Internal("The sheets were given " + std::to_string(all_.rows()) + " rows but the run read " +
                          std::to_string(rows) + ": this is a bug in xlsync, please report it.");
  }
  for (size_t i = 0; i < sinks_.size(); ++i) {
    XLSYNC_RETURN_IF_ERROR(sinks_[i]->Verify(sheets_[i].rows, sheets_[i].digest.value()));
  }
  return {};
}

void RolloverSink::Close() {
  for (auto& sink : sinks_) sink->Close();
}

}  // namespace xlsync::sync
