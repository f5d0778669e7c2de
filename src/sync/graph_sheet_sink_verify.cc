// GraphSheetSink: reading the data back to prove the sheet equals the source, partly while the
// writer waits for rows (Idle) and the rest after the run (Verify).
#include "sync/graph_sheet_sink.h"

#include <algorithm>

#include "excel/a1.h"

namespace xlsync::sync {

int64_t GraphSheetSink::RowsPerRead() const {
  const size_t columns = std::max<size_t>(1, static_cast<size_t>(Width()));
  size_t rows = std::max<size_t>(1, options_.verify_cells_per_read / columns);
  if (cells_sent_ > 0 && value_bytes_sent_ > 0) {
    // Excel reads values back in about the bytes they were written in (msgraph.md §6.5: 5 MB
    // answers at most), so fewer requests fit long texts than numbers.
    const double bytes_per_row = static_cast<double>(value_bytes_sent_) / static_cast<double>(cells_sent_) *
                                 static_cast<double>(columns);
    const auto fit = static_cast<size_t>(static_cast<double>(options_.budget.max_answer_bytes) / bytes_per_row);
    rows = std::clamp<size_t>(fit, 1, rows);
  }
  return static_cast<int64_t>(rows);
}

core::Result<void> GraphSheetSink::ReadBack(int64_t rows) {
  const int last_column = Width() - 1;
  while (rows_read_back_ < rows) {
    const int64_t step = std::min(RowsPerRead(), read_step_cap_);
    const int64_t first = rows_read_back_ + 2;
    const int64_t last = std::min<int64_t>(rows + 1, first + step - 1);
    auto range = workbook_.GetRangeText(
        *sheet_,
        excel::RangeAddress(static_cast<int>(first), 0, static_cast<int>(last), last_column));
    if (!range && msgraph::IsPayloadTooLarge(range.error()) && step > 1) {
      // Excel's answer would pass 5 MB (msgraph.md §6.5): this and later pages get half the rows.
      read_step_cap_ = step / 2;
      continue;
    }
    if (!range) return std::move(range).error();
    if (!read_back_.AddRangeValues(*range)) {
      return core::Unavailable("Excel answered a read of sheet \"" + sheet_name_ +
                                   "\" in an unexpected form: try again in a few minutes.",
                               "rangeValues");
    }
    rows_read_back_ = last - 1;
  }
  return {};
}

core::Result<bool> GraphSheetSink::Idle() {
  // Reading back while the writer waits for Odoo makes the proof almost free when the reader
  // sets the pace (issue 7). Only acknowledged rows are read: no later request of the run moves
  // or rewrites them (a table grows by inserting at its last body row, which is written only at
  // the end: FitChunkToTable). Only full pages, so there are no more GETs than Verify would make.
  if (!sheet_ || !encoder_ || options_.allow_formulas) return false;
  const int64_t acknowledged = next_row_ - 2;
  const int64_t page = std::min(RowsPerRead(), read_step_cap_);
  if (acknowledged - rows_read_back_ < page) return false;
  XLSYNC_RETURN_IF_ERROR(ReadBack(rows_read_back_ + page));
  return true;
}

core::Result<void> GraphSheetSink::Verify(int64_t rows, uint64_t digest) {
  XLSYNC_RETURN_IF_ERROR(VerifyHeader());
  XLSYNC_RETURN_IF_ERROR(VerifyExtent(rows));
  // With formulas allowed, Excel reads back their results, not the text written: only the
  // extent of the data can be proven then.
  if (options_.allow_formulas) return {};
  // The pages Idle() read are in read_back_ already, in sheet order: only the rest is read now.
  XLSYNC_RETURN_IF_ERROR(ReadBack(rows));
  if (read_back_.rows() != static_cast<size_t>(rows) || read_back_.value() != digest) {
    return core::Conflict("Sheet \"" + sheet_name_ +
                              "\" does not match the source: the cells read "
                              "back differ from the rows written; run the export again.",
                          "verifyChecksum");
  }
  return {};
}

}  // namespace xlsync::sync
