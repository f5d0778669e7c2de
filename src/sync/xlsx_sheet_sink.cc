#include "sync/xlsx_sheet_sink.h"

namespace xlsync::sync {

XlsxSheetSink::XlsxSheetSink(std::string path, std::string sheet_name, excel::XlsxTable table)
    : path_(std::move(path)), sheet_name_(std::move(sheet_name)), table_(std::move(table)) {}

core::Result<void> XlsxSheetSink::Begin(const std::vector<core::Column>& columns) {
  auto file = excel::XlsxFile::Create(path_, /*constant_memory=*/table_.name.empty());
  if (!file) return std::move(file).error();
  file_ = std::move(*file);
  return file_->AddSheet(sheet_name_, columns, table_);
}

core::Result<void> XlsxSheetSink::Continue(const std::vector<core::Column>&, int64_t, int64_t) {
  return core::InvalidInput("A local .xlsx copy cannot continue an interrupted run: start the run over.");
}

core::Result<void> XlsxSheetSink::Write(std::span<const core::Row> rows) {
  return file_->AppendRows(rows);
}

core::Result<void> XlsxSheetSink::Finish() { return file_->Close(); }

}  // namespace xlsync::sync
