#include "excel/graph_chunk_encoder.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "excel/cell_text.h"
#include "excel/json_text.h"
#include "excel/number_format.h"
#include "excel/text_sanitizer.h"

namespace xlsync::excel {
namespace {

constexpr std::string_view kValuesHead = "{\"values\":[";
constexpr std::string_view kFormatsHead = "],\"numberFormat\":[";
// A guess of the JSON bytes of an average cell, only to size the first reservation.
constexpr size_t kBytesPerCellGuess = 16;

std::string GroupThousands(size_t value) {
  std::string digits = std::to_string(value);
  for (size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

core::Error RowTooLarge(size_t allowed) {
  return core::InvalidInput("One row needs more than " + GroupThousands(allowed) +
                            " bytes of JSON, too much for one request to Excel Online: leave the "
                            "longest text fields (notes, descriptions, HTML) out of the export.");
}

}  // namespace

GraphChunkEncoder::GraphChunkEncoder(std::vector<core::Column> columns, ChunkBudget budget,
                                     bool allow_formulas)
    : columns_(std::move(columns)), budget_(budget), allow_formulas_(allow_formulas) {
  const bool any_format = std::any_of(columns_.begin(), columns_.end(), [](const core::Column& c) {
    return !c.number_format.empty();
  });
  if (!any_format) return;
  // Every row carries the same formats, so the row is built once; columns without a format get
  // "General" so that a format left by an earlier export does not linger.
  number_format_row_.push_back('[');
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (i > 0) number_format_row_.push_back(',');
    const std::string& format = columns_[i].number_format;
    AppendJsonString(number_format_row_,
                     format.empty() ? kGeneralFormat : std::string_view(format));
  }
  number_format_row_.push_back(']');
}

size_t GraphChunkEncoder::RowsPerChunk() const {
  return std::max<size_t>(1, budget_.max_cells / std::max<size_t>(1, columns_.size()));
}

size_t GraphChunkEncoder::TailBytes(size_t rows) const {
  constexpr size_t kClose = 2;  // "]}"
  if (number_format_row_.empty()) return kClose;
  // ],"numberFormat":[ + one format row per row, comma-separated + ]}
  return kFormatsHead.size() + rows * number_format_row_.size() + (rows - 1) + kClose;
}

void GraphChunkEncoder::AppendTail(std::string& body, size_t rows) const {
  if (!number_format_row_.empty()) {
    body.append(kFormatsHead);
    for (size_t i = 0; i < rows; ++i) {
      if (i > 0) body.push_back(',');
      body.append(number_format_row_);
    }
  }
  body.append("]}");
}

void GraphChunkEncoder::AppendText(const std::string& text, std::string& body) const {
  body.push_back('"');
  const size_t start = body.size();
  body.push_back('\'');  // quote prefix, see GraphTextValue
  SanitizeRuns(text, kMaxCellCharacters,
               [&body](std::string_view run) { AppendJsonEscaped(body, run); });
  if (body.size() == start + 1) {
    body.resize(start);  // nothing left to show: an empty cell, never a lone apostrophe
  } else if (allow_formulas_ && body[start + 1] == '=') {
    body.erase(start, 1);
  }
  body.push_back('"');
}

core::Result<GraphChunkEncoder::RowOutcome> GraphChunkEncoder::AppendRow(const core::Row& row,
                                                                         std::string& body,
                                                                         size_t byte_limit) const {
  if (row.size() != columns_.size()) {
    return core::Internal("A row has " + std::to_string(row.size()) + " cells but the export has " +
                          std::to_string(columns_.size()) +
                          " columns: this is a bug in xlsync, please report it.");
  }
  body.push_back('[');
  for (size_t i = 0; i < row.size(); ++i) {
    if (i > 0) body.push_back(',');
    const core::Cell& cell = row[i];
    switch (cell.kind) {
      case core::CellKind::kEmpty:
        body.append("\"\"");
        break;
      case core::CellKind::kBoolean:
        body.append(cell.boolean ? "true" : "false");
        break;
      case core::CellKind::kNumber:
        if (!(std::fabs(cell.number) <= kLargestNumber)) {
          auto checked = CheckCellNumber(cell.number, columns_[i].label);
          if (!checked) return std::move(checked).error();
        }
        AppendJsonNumber(body, cell.number);
        break;
      case core::CellKind::kText:
        AppendText(cell.text, body);
        break;
    }
    // Stop early on a row that cannot fit: a row of long texts can reach gigabytes of JSON.
    if (body.size() > byte_limit) return RowOutcome::kOverLimit;
  }
  body.push_back(']');
  return RowOutcome::kDone;
}

core::Result<size_t> GraphChunkEncoder::Encode(std::span<const core::Row> rows, std::string& body,
                                               size_t max_rows) const {
  body.clear();
  if (rows.empty()) return size_t{0};
  if (columns_.empty()) {
    return core::InvalidInput("The export has no columns: choose at least one field to export.");
  }
  size_t limit = std::min({rows.size(), std::max<size_t>(1, max_rows), RowsPerChunk()});
  if (max_rows_cap_ > 0) limit = std::min(limit, max_rows_cap_);
  const size_t per_row = columns_.size() * kBytesPerCellGuess + number_format_row_.size() + 2;
  body.reserve(std::min(limit * per_row, budget_.max_bytes) + kValuesHead.size() + TailBytes(1));
  body.append(kValuesHead);
  size_t count = 0;
  while (count < limit) {
    const size_t mark = body.size();
    if (count > 0) body.push_back(',');
    // The tail grows with every row (its numberFormat row), so the limit is checked with it.
    const size_t tail = TailBytes(count + 1);
    const size_t allowed =
        count == 0 ? std::max(budget_.max_bytes, budget_.hard_max_bytes) : budget_.max_bytes;
    auto outcome = AppendRow(rows[count], body, allowed > tail ? allowed - tail : 0);
    if (!outcome) {
      body.clear();
      return std::move(outcome).error();
    }
    const size_t total = body.size() + tail;
    if (*outcome == RowOutcome::kOverLimit || total > allowed) {
      if (count == 0) {
        body.clear();
        return RowTooLarge(allowed);
      }
      body.resize(mark);
      break;
    }
    ++count;
    if (total > budget_.max_bytes) break;  // a lone oversized first row travels alone
  }
  AppendTail(body, count);
  return count;
}

}  // namespace xlsync::excel
