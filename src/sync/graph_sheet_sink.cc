#include "sync/graph_sheet_sink.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "excel/a1.h"
#include "excel/cell_digest.h"

namespace xlsync::sync {
namespace {

/// usedRange(valuesOnly) ends at the last row with a value (msgraph.md §6.4).
bool HasValue(const core::Row& row) {
  return std::any_of(row.begin(), row.end(), [](const core::Cell& cell) {
    return cell.kind != core::CellKind::kEmpty && !(cell.kind == core::CellKind::kText && cell.text.empty());
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
  auto used = workbook_.UsedRange(*sheet_);
  if (!used) return std::move(used).error();
  if (used->has_value()) {
    spdlog::info("clearing {} of sheet \"{}\" before writing", **used, sheet_name_);
    XLSYNC_RETURN_IF_ERROR(workbook_.ClearRange(*sheet_, **used));
  }
  // The header goes through an encoder without number formats: labels are plain text.
  std::vector<core::Column> header_columns = columns_;
  core::Row header;
  for (auto& column : header_columns) {
    header.push_back(core::Cell::Text(column.label));
    column.number_format.clear();
  }
  excel::GraphChunkEncoder header_encoder(header_columns, options_.budget);
  std::string body;
  auto encoded = header_encoder.Encode(std::span(&header, 1), body, 1);
  if (!encoded) return std::move(encoded).error();
  XLSYNC_RETURN_IF_ERROR(workbook_.PatchRange(*sheet_, excel::RangeAddress(1, 0, 1, static_cast<int>(columns_.size()) - 1), body));

  StartWriting(0, 1);
  return {};
}

core::Result<void> GraphSheetSink::Continue(const std::vector<core::Column>& columns, int64_t rows,
                                            int64_t last_nonempty_row) {
  columns_ = columns;
  auto sheet = workbook_.FindWorksheet(sheet_name_);
  if (!sheet) return std::move(sheet).error();
  if (!sheet->has_value()) {
    return core::NotFound("Sheet \"" + sheet_name_ + "\" is gone, so the run cannot continue where it stopped.");
  }
  sheet_ = **sheet;
  // The rows in place are only ours if the header above them still is (someone may have
  // rewritten the sheet while the run was down).
  XLSYNC_RETURN_IF_ERROR(VerifyHeader());
  StartWriting(rows, last_nonempty_row);
  continued_ = true;
  spdlog::info("continuing sheet \"{}\" after row {}", sheet_name_, rows + 1);
  return {};
}

void GraphSheetSink::StartWriting(int64_t rows, int64_t last_nonempty_row) {
  encoder_.emplace(columns_, options_.budget, options_.allow_formulas);
  const size_t by_cells = std::max<size_t>(1, options_.budget.max_cells / std::max<size_t>(1, columns_.size()));
  sizer_.emplace(by_cells, std::min(options_.budget.min_rows, by_cells));
  next_row_ = rows + 2;
  rows_taken_ = rows;
  last_nonempty_row_ = last_nonempty_row;
  last_nonempty_acked_ = last_nonempty_row;
}

core::Result<void> GraphSheetSink::Finish() {
  XLSYNC_RETURN_IF_ERROR(Flush(true));
  return continued_ ? ClearTail() : core::Result<void>();
}

core::Result<void> GraphSheetSink::ClearTail() {
  // A continued run may end above rows an earlier attempt wrote (records deleted meanwhile):
  // those rows below the data are cleared so the sheet holds the source and nothing else.
  auto used = workbook_.UsedRange(*sheet_);
  if (!used) return std::move(used).error();
  if (!used->has_value()) return {};
  auto extent = excel::ParseRangeAddress(**used);
  if (!extent || extent->last_row < next_row_) return {};
  const int last_column = std::max(extent->last_column, static_cast<int>(columns_.size()) - 1);
  const auto tail = excel::RangeAddress(static_cast<int>(next_row_), 0, extent->last_row, last_column);
  spdlog::info("clearing {} below the data of sheet \"{}\"", tail, sheet_name_);
  return workbook_.ClearRange(*sheet_, tail);
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
  size_t offset = 0;
  while (offset < pending_.size()) {
    // Until the run ends, a chunk waits for a full chunk's rows before it is encoded: the byte
    // budget can only cut it shorter, so the chunk comes out the same and no encoding is wasted.
    if (!everything && pending_.size() - offset < sizer_->rows()) break;
    const std::span<const core::Row> rest(pending_.data() + offset, pending_.size() - offset);
    auto encoded = encoder_->Encode(rest, body_, sizer_->rows());
    if (!encoded) return std::move(encoded).error();
    const size_t count = *encoded;
    auto sent = SendChunk(rest.first(count), body_);
    if (!sent) {
      if (!msgraph::IsPayloadTooLarge(sent.error()) || !sizer_->Shrink()) return sent;
      spdlog::warn("the service found a chunk of {} rows too large; trying {} rows", count, sizer_->rows());
      continue;
    }
    sizer_->OnSuccess();
    offset += count;
  }
  pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(offset));
  return {};
}

core::Result<void> GraphSheetSink::SendChunk(std::span<const core::Row> rows, const std::string& body) {
  const int first = static_cast<int>(next_row_);
  const int last = first + static_cast<int>(rows.size()) - 1;
  if (last > excel::kMaxRows) {
    return core::InvalidInput("The export has more rows than an Excel sheet holds (1,048,576): "
                              "narrow the filter or split the task.");
  }
  const auto address = excel::RangeAddress(first, 0, last, static_cast<int>(columns_.size()) - 1);
  XLSYNC_RETURN_IF_ERROR(workbook_.PatchRange(*sheet_, address, body));
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

core::Result<void> GraphSheetSink::VerifyHeader() {
  auto header = workbook_.GetRange(*sheet_, excel::RangeAddress(1, 0, 1, static_cast<int>(columns_.size()) - 1));
  if (!header) return std::move(header).error();
  const auto& values = (*header)["values"];
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (!values.is_array() || values.empty() || values[0].size() <= i ||
        !values[0][i].is_string() || values[0][i].get<std::string>() != columns_[i].label) {
      return core::Conflict("The header row of sheet \"" + sheet_name_ + "\" was changed while "
                            "the export ran: run the export again.", "verifyHeader");
    }
  }
  return {};
}

core::Result<void> GraphSheetSink::Verify(int64_t rows, uint64_t digest) {
  XLSYNC_RETURN_IF_ERROR(VerifyHeader());
  auto used = workbook_.UsedRange(*sheet_);
  if (!used) return std::move(used).error();
  const std::string expected_used = "A1:" + LastColumn() + std::to_string(last_nonempty_row_);
  if (!used->has_value() || **used != expected_used) {
    return core::Conflict("Sheet \"" + sheet_name_ + "\" does not match the source: expected " +
                              std::to_string(rows) + " rows in " + expected_used + " but found " +
                              (used->has_value() ? **used : std::string("an empty sheet")) +
                              "; run the export again.", "verifyRowCount");
  }
  // With formulas allowed, Excel reads back their results, not the text written: only the
  // extent of the data can be proven then.
  if (options_.allow_formulas) return {};
  excel::RowDigest read_back;
  const int last_column = static_cast<int>(columns_.size()) - 1;
  for (int64_t first = 2; first <= rows + 1; first += static_cast<int64_t>(options_.verify_rows_per_read)) {
    const int64_t last = std::min<int64_t>(rows + 1, first + static_cast<int64_t>(options_.verify_rows_per_read) - 1);
    auto range = workbook_.GetRange(*sheet_, excel::RangeAddress(static_cast<int>(first), 0, static_cast<int>(last), last_column));
    if (!range) return std::move(range).error();
    for (const auto& row : (*range)["values"]) read_back.AddJsonRow(row);
  }
  if (read_back.rows() != static_cast<size_t>(rows) || read_back.value() != digest) {
    return core::Conflict("Sheet \"" + sheet_name_ + "\" does not match the source: the cells read "
                          "back differ from the rows written; run the export again.", "verifyChecksum");
  }
  return {};
}

void GraphSheetSink::Close() {
  if (auto closed = workbook_.Close(); !closed) {
    spdlog::warn("closing the workbook session failed: {}", closed.error().ForUser());
  }
}

}  // namespace xlsync::sync
