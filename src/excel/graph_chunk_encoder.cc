#include "excel/graph_chunk_encoder.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "core/text.h"
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

core::Error RowTooLarge(size_t allowed) {
  return core::InvalidInput("One row needs more than " + core::GroupThousands(static_cast<int64_t>(allowed)) +
                            " bytes of JSON, too much for one request to Excel Online: leave the "
                            "longest text fields (notes, descriptions, HTML) out of the export.");
}

}  // namespace

GraphChunkEncoder::GraphChunkEncoder(std::vector<core::Column> columns, ChunkBudget budget,
                                     bool allow_formulas)
    : columns_(std::move(columns)), budget_(budget), allow_formulas_(allow_formulas) {
  columns_have_formats_ = std::any_of(columns_.begin(), columns_.end(), [](const core::Column& c) {
    return !c.number_format.empty();
  });
  // Most rows carry the columns' formats, so that row is built once; columns without a format
  // get "General" so that a format left by an earlier export does not linger.
  default_format_row_.push_back('[');
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (i > 0) default_format_row_.push_back(',');
    const std::string& format = columns_[i].number_format;
    AppendJsonString(default_format_row_, format.empty() ? kGeneralFormat : std::string_view(format));
  }
  default_format_row_.push_back(']');
}

void GraphChunkEncoder::AppendFormatRow(const core::Row& row, std::string& formats) const {
  if (!formats.empty()) formats.push_back(',');
  if (!HasOwnFormat(row)) {
    formats.append(default_format_row_);
    return;
  }
  formats.push_back('[');
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (i > 0) formats.push_back(',');
    const std::string& format = i < row.size() && !row[i].number_format.empty() ? row[i].number_format
                                                                                 : columns_[i].number_format;
    AppendJsonString(formats, format.empty() ? kGeneralFormat : std::string_view(format));
  }
  formats.push_back(']');
}

bool GraphChunkEncoder::HasOwnFormat(const core::Row& row) {
  return std::any_of(row.begin(), row.end(), [](const core::Cell& c) { return !c.number_format.empty(); });
}

size_t GraphChunkEncoder::RowsPerChunk() const {
  return std::max<size_t>(1, budget_.max_cells / std::max<size_t>(1, columns_.size()));
}

size_t GraphChunkEncoder::MaxRowsPerChunk() const {
  return std::max(RowsPerChunk(), budget_.ceiling_cells / std::max<size_t>(1, columns_.size()));
}

size_t GraphChunkEncoder::AnswerBytes(size_t values_bytes, size_t format_bytes, size_t cells) {
  constexpr size_t kGeneralBytes = 10;  // "General",
  constexpr size_t kTypeAndSeparators = 16;  // "Double", and the commas of the six arrays
  return 5 * values_bytes + (format_bytes > 0 ? format_bytes : kGeneralBytes * cells) + kTypeAndSeparators * cells;
}

void GraphChunkEncoder::set_answer_scale(double scale) {
  // Past these, the estimate (or the measure) is wrong, not the data: a 413 still shrinks chunks.
  answer_scale_ = std::clamp(scale, 0.5, 2.0);
}

// A string starting with "=" is a formula in `values` (msgraph.md §6.4); the URL is xlsync's own
// (percent-encoded, no quotes), so this is the one formula written even with formulas off.
void GraphChunkEncoder::AppendLink(const core::Cell& cell, std::string& body) const {
  body.append("\"=HYPERLINK(\\\"");
  AppendJsonEscaped(body, cell.text);
  body.append("\\\",");
  AppendJsonNumber(body, cell.number);
  body.append(")\"");
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
      case core::CellKind::kLink:
        AppendLink(cell, body);
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
  size_t limit = std::min({rows.size(), std::max<size_t>(1, max_rows), MaxRowsPerChunk()});
  if (max_rows_cap_ > 0) limit = std::min(limit, max_rows_cap_);
  // numberFormat goes with the values in the same PATCH (msgraph.md §6.6): one row of formats
  // per row, the columns' own unless a cell carries its own (an amount in another currency).
  bool with_formats = columns_have_formats_;
  std::string formats;
  const size_t per_row = columns_.size() * kBytesPerCellGuess + default_format_row_.size() + 2;
  body.reserve(std::min(limit * per_row, budget_.max_bytes) + kValuesHead.size() + kFormatsHead.size());
  body.append(kValuesHead);
  size_t count = 0;
  while (count < limit) {
    const size_t mark = body.size();
    const size_t formats_mark = formats.size();
    if (count > 0) body.push_back(',');
    AppendFormatRow(rows[count], formats);
    const bool row_with_formats = with_formats || HasOwnFormat(rows[count]);
    // The tail grows with every row (its numberFormat row), so the limit is checked with it.
    const size_t tail = (row_with_formats ? kFormatsHead.size() + formats.size() : 0) + 2;
    const size_t allowed =
        count == 0 ? std::max(budget_.max_bytes, budget_.hard_max_bytes) : budget_.max_bytes;
    auto outcome = AppendRow(rows[count], body, allowed > tail ? allowed - tail : 0);
    if (!outcome) {
      body.clear();
      return std::move(outcome).error();
    }
    const size_t total = body.size() + tail;
    const auto answer = static_cast<double>(
        AnswerBytes(body.size() + 2, row_with_formats ? formats.size() : 0, (count + 1) * columns_.size()));
    const bool answer_too_large =
        count > 0 && answer * answer_scale_ > static_cast<double>(budget_.max_answer_bytes);
    if (*outcome == RowOutcome::kOverLimit || total > allowed || answer_too_large) {
      if (count == 0) {
        body.clear();
        return RowTooLarge(allowed);
      }
      body.resize(mark);
      formats.resize(formats_mark);
      break;
    }
    with_formats = row_with_formats;
    ++count;
    if (total > budget_.max_bytes) break;  // a lone oversized first row travels alone
  }
  if (with_formats) {
    body.append(kFormatsHead);
    body.append(formats);
  }
  body.append("]}");
  return count;
}

}  // namespace xlsync::excel
