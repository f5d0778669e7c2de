#include "sync/xlsx_book_sink.h"

namespace xlsync::sync {

XlsxBookSink::XlsxBookSink(std::shared_ptr<excel::XlsxFile> book, std::string sheet_name, excel::XlsxTable table)
    : book_(std::move(book)), sheet_name_(std::move(sheet_name)), table_(std::move(table)) {}

core::Result<void> XlsxBookSink::Begin(const std::vector<core::Column>& columns) {
  return book_->AddSheet(sheet_name_, columns, table_);
}

core::Result<void> XlsxBookSink::Continue(const std::vector<core::Column>&, int64_t, int64_t) {
  return core::InvalidInput("A local .xlsx copy cannot continue an interrupted run: start the run over.");
}

core::Result<void> XlsxBookSink::Write(std::span<const core::Row> rows) { return book_->AppendRows(rows); }

}  // namespace xlsync::sync
