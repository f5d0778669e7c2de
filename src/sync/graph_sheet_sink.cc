#include "sync/graph_sheet_sink.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "excel/a1.h"
#include "excel/cell_digest.h"

namespace xlsync::sync {

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

  encoder_.emplace(columns_, options_.budget, options_.allow_formulas);
  const size_t by_cells = std::max<size_t>(1, options_.budget.max_cells / std::max<size_t>(1, columns_.size()));
  sizer_.emplace(by_cells, std::min(options_.budget.min_rows, by_cells));
  next_row_ = 2;
  rows_taken_ = 0;
  last_nonempty_row_ = 1;
  return {};
}

core::Result<void> GraphSheetSink::Write(std::span<const core::Row> rows) {
  for (const auto& row : rows) {
    ++rows_taken_;
    const bool has_value = std::any_of(row.begin(), row.end(), [](const core::Cell& cell) {
      return cell.kind != core::CellKind::kEmpty && !(cell.kind == core::CellKind::kText && cell.text.empty());
    });
    if (has_value) last_nonempty_row_ = rows_taken_ + 1;
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
    auto sent = SendChunk(count, body_);
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

core::Result<void> GraphSheetSink::SendChunk(size_t rows, const std::string& body) {
  const int first = static_cast<int>(next_row_);
  const int last = first + static_cast<int>(rows) - 1;
  if (last > excel::kMaxRows) {
    return core::InvalidInput("The export has more rows than an Excel sheet holds (1,048,576): "
                              "narrow the filter or split the task.");
  }
  const auto address = excel::RangeAddress(first, 0, last, static_cast<int>(columns_.size()) - 1);
  XLSYNC_RETURN_IF_ERROR(workbook_.PatchRange(*sheet_, address, body));
  next_row_ += static_cast<int64_t>(rows);
  ++chunks_sent_;
  if (options_.on_acknowledged) options_.on_acknowledged(next_row_ - 2);
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
