#include "sync/graph_sheet_sink.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "excel/a1.h"

namespace xlsync::sync {
namespace {

/// usedRange(valuesOnly) ends at the last row with a value (msgraph.md §6.4).
bool HasValue(const core::Row& row) {
  return std::any_of(row.begin(), row.end(), [](const core::Cell& cell) {
    return cell.kind != core::CellKind::kEmpty &&
           !(cell.kind == core::CellKind::kText && cell.text.empty());
  });
}

}  // namespace

GraphSheetSink::GraphSheetSink(msgraph::Workbook& workbook, std::string sheet_name,
                               GraphSinkOptions options)
    : workbook_(workbook), sheet_name_(std::move(sheet_name)), options_(std::move(options)) {}

core::Result<void> GraphSheetSink::Begin(const std::vector<core::Column>& columns) {
  columns_ = columns;
  auto sheet = workbook_.FindOrAddWorksheet(sheet_name_, &sheet_created_);
  if (!sheet) return std::move(sheet).error();
  sheet_ = *sheet;
  XLSYNC_RETURN_IF_ERROR(OpenTable(/*must_exist=*/false));
  XLSYNC_RETURN_IF_ERROR(PrepareColumns());
  XLSYNC_RETURN_IF_ERROR(WriteHeader());
  if (table_) {
    // Sized for Odoo's count before the data, so every chunk is a plain PATCH inside the table;
    // the rows actually written set its final size at Finish.
    const int64_t body = std::max<int64_t>(1, options_.expected_rows);
    XLSYNC_RETURN_IF_ERROR(table_->exists() ? table_->Resize(body) : table_->Create(Width(), body));
  }
  StartWriting(0, 1);
  return {};
}

core::Result<void> GraphSheetSink::Continue(const std::vector<core::Column>& columns, int64_t rows,
                                            int64_t last_nonempty_row) {
  columns_ = columns;
  auto sheet = workbook_.FindWorksheet(sheet_name_);
  if (!sheet) return std::move(sheet).error();
  if (!sheet->has_value()) {
    return core::NotFound("Sheet \"" + sheet_name_ +
                          "\" is gone, so the run cannot continue where it stopped.");
  }
  sheet_ = **sheet;
  // The rows in place are only ours if the header above them still is (someone may have
  // rewritten the sheet while the run was down).
  XLSYNC_RETURN_IF_ERROR(VerifyHeader());
  if (!options_.table.empty()) {
    XLSYNC_RETURN_IF_ERROR(OpenTable(/*must_exist=*/true));
    // The table grows by inserting at its last body row (Flush), which must hold no kept row.
    if (table_->last_row() < rows + 2) {
      return core::Conflict("The table \"" + options_.table + "\" has no free row below the " +
                                std::to_string(rows) + " rows kept, so the run starts over.",
                            "tableFull");
    }
  }
  StartWriting(rows, last_nonempty_row);
  continued_ = true;
  spdlog::info("continuing sheet \"{}\" after row {}", sheet_name_, rows + 1);
  return {};
}

void GraphSheetSink::StartWriting(int64_t rows, int64_t last_nonempty_row) {
  encoder_.emplace(columns_, options_.budget, options_.allow_formulas);
  const size_t first_rows = encoder_->RowsPerChunk();
  sizer_.emplace(first_rows, std::min(options_.budget.min_rows, first_rows), encoder_->MaxRowsPerChunk());
  next_row_ = rows + 2;
  rows_taken_ = rows;
  last_nonempty_row_ = last_nonempty_row;
  last_nonempty_acked_ = last_nonempty_row;
  read_back_ = excel::RowDigest();
  rows_read_back_ = 0;
  read_step_cap_ = std::numeric_limits<int64_t>::max();
}

core::Result<void> GraphSheetSink::Finish() {
  XLSYNC_RETURN_IF_ERROR(Flush(true));
  if (table_) {
    // A continued run may end above rows an earlier attempt wrote: the table sheds them too.
    XLSYNC_RETURN_IF_ERROR(table_->Resize(rows_taken_));
  } else if (continued_) {
    XLSYNC_RETURN_IF_ERROR(ClearTail());
  }
  FitWidths();
  return {};
}

core::Result<void> GraphSheetSink::Write(std::span<const core::Row> rows) {
  for (const auto& row : rows) {
    ++rows_taken_;
    if (HasValue(row)) last_nonempty_row_ = rows_taken_ + 1;
  }
  pending_.insert(pending_.end(), rows.begin(), rows.end());
  return Flush(false);
}

core::Result<void> GraphSheetSink::Flush(bool everything) {
  if (everything && table_ && !pending_.empty()) {
    // The run's last rows are all known: the table takes them in one go, with no free row left.
    const int64_t last = next_row_ + static_cast<int64_t>(pending_.size()) - 1;
    if (last > table_->last_row()) XLSYNC_RETURN_IF_ERROR(table_->Resize(last - 1));
  }
  size_t offset = 0;
  while (offset < pending_.size()) {
    // Until the run ends, a chunk waits for a full chunk's rows before it is encoded: the byte
    // budget can only cut it shorter, so the chunk comes out the same and no encoding is wasted.
    if (!everything && pending_.size() - offset < sizer_->rows()) break;
    const std::span<const core::Row> rest(pending_.data() + offset, pending_.size() - offset);
    auto encoded = encoder_->Encode(rest, body_, sizer_->rows());
    if (!encoded) return std::move(encoded).error();
    size_t count = *encoded;
    if (table_ && !everything) {
      auto fitted = FitChunkToTable(rest, count);
      if (!fitted) return std::move(fitted).error();
      count = *fitted;
    }
    auto sent = SendChunk(rest.first(count), body_);
    if (!sent) {
      if (!msgraph::IsPayloadTooLarge(sent.error()) || !sizer_->Shrink()) return sent;
      spdlog::warn("the service found a chunk of {} rows too large; trying {} rows", count,
                   sizer_->rows());
      continue;
    }
    sizer_->OnSuccess();
    offset += count;
  }
  pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(offset));
  return {};
}

core::Result<size_t> GraphSheetSink::FitChunkToTable(std::span<const core::Row> rest,
                                                     size_t count) {
  // The table grows by inserting rows at its last body row (SheetTable::Resize), which moves that
  // row down; so until the run ends that row is never written. A chunk ending on it is cut one row
  // short (the row waits for the next chunk or the end); a chunk going past it first grows the
  // table to its own end plus one free row. Rows arrive beyond the table only when records were
  // created after Odoo counted them.
  const int64_t last = next_row_ + static_cast<int64_t>(count) - 1;
  if (last < table_->last_row()) return count;
  if (last == table_->last_row() && count > 1) return encoder_->Encode(rest, body_, count - 1);
  XLSYNC_RETURN_IF_ERROR(table_->Resize(last));
  return count;
}

core::Result<void> GraphSheetSink::SendChunk(std::span<const core::Row> rows,
                                             const std::string& body) {
  const int first = static_cast<int>(next_row_);
  const int last = first + static_cast<int>(rows.size()) - 1;
  if (last > excel::kMaxRows) {
    return core::InvalidInput(
        "The export has more rows than an Excel sheet holds (1,048,576): "
        "narrow the filter or split the task.");
  }
  const auto address = excel::RangeAddress(first, 0, last, static_cast<int>(columns_.size()) - 1);
  auto answer = workbook_.PatchRange(*sheet_, address, body);
  if (!answer) return std::move(answer).error();
  // A number format cannot contain an unescaped quote, so this is where the values end.
  const size_t formats = body.rfind("],\"numberFormat\":[");
  const size_t values = formats == std::string::npos ? body.size() : formats;
  const size_t cells = rows.size() * columns_.size();
  value_bytes_sent_ += values;
  cells_sent_ += cells;
  // The estimate errs high (a date's text is longer than its serial, but most cells' is not):
  // what Excel really answered lets the next chunks come closer to its 5 MB limit.
  const size_t estimate = excel::GraphChunkEncoder::AnswerBytes(values, body.size() - values, cells);
  encoder_->set_answer_scale(static_cast<double>(*answer) / static_cast<double>(std::max<size_t>(1, estimate)));
  for (size_t i = 0; i < rows.size(); ++i) {
    if (HasValue(rows[i])) last_nonempty_acked_ = next_row_ + static_cast<int64_t>(i);
  }
  next_row_ += static_cast<int64_t>(rows.size());
  ++chunks_sent_;
  if (options_.on_acknowledged) options_.on_acknowledged(next_row_ - 2, last_nonempty_acked_);
  return {};
}

std::string GraphSheetSink::LastColumn() const {
  return excel::ColumnName(static_cast<int>(columns_.size()) - 1);
}

void GraphSheetSink::Close() {
  if (auto closed = workbook_.Close(); !closed) {
    spdlog::warn("closing the workbook session failed: {}", closed.error().ForUser());
  }
}

}  // namespace xlsync::sync
