// GraphSheetSink: the sheet before the data (own columns, header, table) and the checks after it.
#include <spdlog/spdlog.h>

#include <algorithm>

#include "excel/a1.h"
#include "sync/graph_sheet_sink.h"

namespace xlsync::sync {
namespace {

std::string CellText(const nlohmann::json& cell) {
  if (cell.is_string()) return cell.get<std::string>();
  if (cell.is_null()) return "";
  if (cell.is_boolean()) return cell.get<bool>() ? "TRUE" : "FALSE";
  return cell.dump();
}

bool IsBlank(const nlohmann::json& cell) {
  return cell.is_null() || (cell.is_string() && cell.get<std::string>().empty());
}

}  // namespace

core::Result<void> GraphSheetSink::OpenTable(bool must_exist) {
  if (options_.table.empty()) return {};
  table_.emplace(workbook_, *sheet_, options_.table, options_.table_style);
  auto found = table_->Find();
  if (!found) return std::move(found).error();
  if (!*found && must_exist) {
    return core::NotFound("The table \"" + options_.table + "\" is gone from sheet \"" +
                              sheet_name_ + "\", so the run cannot continue where it stopped.",
                          "tableNotFound");
  }
  return {};
}

core::Result<void> GraphSheetSink::PrepareColumns() {
  auto used = workbook_.UsedRange(*sheet_);
  if (!used) return std::move(used).error();
  int last_column = -1;
  int64_t last_row = 1;
  if (used->has_value()) {
    auto extent = excel::ParseRangeAddress(**used);
    if (!extent) return std::move(extent).error();
    last_column = extent->last_column;
    last_row = extent->last_row;
  }
  const bool in_table = table_ && table_->exists();
  if (in_table) last_column = std::max(last_column, table_->width() - 1);
  if (last_column < 0) return {};  // a blank sheet
  auto header = ReadHeader(last_column + 1);
  if (!header) return std::move(header).error();
  const SheetLayout layout(*std::move(header), columns_);
  if (!layout.ours() && !in_table) {
    spdlog::info("sheet \"{}\" holds no column of this task: clearing {} before writing",
                 sheet_name_, **used);
    return workbook_.ClearRange(*sheet_, **used);
  }
  XLSYNC_RETURN_IF_ERROR(ApplyLayout(layout, last_row));
  // Only the own columns' old rows are cleared: the user's columns keep their contents. A table's
  // own rows end with its body; what lies below it is the user's.
  const int64_t clear_to = in_table ? table_->last_row() : last_row;
  if (clear_to < 2) return {};
  const auto old_rows = excel::RangeAddress(2, 0, static_cast<int>(clear_to), Width() - 1);
  spdlog::info("clearing {} of sheet \"{}\" before writing", old_rows, sheet_name_);
  return workbook_.ClearRange(*sheet_, old_rows);
}

core::Result<void> GraphSheetSink::ApplyLayout(const SheetLayout& layout, int64_t last_row) {
  std::vector<std::string> header = layout.header();
  for (const ColumnEdit& edit : layout.edits()) {
    const bool remove = edit.kind == ColumnEdit::Kind::kRemove;
    // Inside the table a column goes through the table (a range shift would cut across it, §6.7).
    const bool in_table = table_ && table_->exists() &&
                          (remove ? edit.index < table_->width() : edit.index <= table_->width());
    const std::string& label = columns_[edit.column].label;
    std::vector<std::string> after = HeaderAfter(header, edit, in_table && !remove ? label : "");
    const auto applied = HeaderBecomes(header, after);
    // The whole column down to the last used row, so the user's cells to its right move as rows.
    const auto cells = excel::RangeAddress(1, edit.index, static_cast<int>(last_row), edit.index);
    if (remove) {
      spdlog::info("sheet \"{}\": deleting column {} (\"{}\"), which the task no longer exports",
                   sheet_name_, excel::ColumnName(edit.index),
                   header[static_cast<size_t>(edit.index)]);
      XLSYNC_RETURN_IF_ERROR(
          in_table ? table_->DeleteColumn(edit.index, applied)
                   : workbook_.DeleteRange(*sheet_, cells, msgraph::DeleteShift::kLeft, applied));
    } else {
      spdlog::info(
          "sheet \"{}\": inserting column {} for \"{}\"; the columns to its right move right",
          sheet_name_, excel::ColumnName(edit.index), label);
      XLSYNC_RETURN_IF_ERROR(
          in_table ? table_->AddColumn(edit.index, label, applied)
                   : workbook_.InsertRange(*sheet_, cells, msgraph::InsertShift::kRight, applied));
    }
    header = std::move(after);
  }
  return {};
}

msgraph::AppliedCheck GraphSheetSink::HeaderBecomes(std::vector<std::string> before,
                                                    std::vector<std::string> after) {
  // A column insert or delete shifts the whole header row: reading it tells whether it happened.
  return [this, before = std::move(before), after = std::move(after)]() -> core::Result<bool> {
    const size_t width = std::max(before.size(), after.size());
    auto now = ReadHeader(static_cast<int>(width));
    if (!now) return std::move(now).error();
    const auto padded = [width](std::vector<std::string> row) {
      row.resize(width);
      return row;
    };
    if (*now == padded(after)) return true;
    if (*now == padded(before)) return false;
    return core::Conflict(
        "The header row of sheet \"" + sheet_name_ +
            "\" changed while xlsync was moving its columns: run the export again.",
        "headerChanged");
  };
}

core::Result<std::vector<std::string>> GraphSheetSink::ReadHeader(int columns) {
  auto range = workbook_.GetRange(*sheet_, excel::RangeAddress(1, 0, 1, columns - 1));
  if (!range) return std::move(range).error();
  std::vector<std::string> cells(static_cast<size_t>(columns));
  const auto values = range->find("values");
  if (values != range->end() && values->is_array() && !values->empty() && (*values)[0].is_array()) {
    const auto& row = (*values)[0];
    for (size_t i = 0; i < cells.size() && i < row.size(); ++i) cells[i] = CellText(row[i]);
  }
  return cells;
}

core::Result<void> GraphSheetSink::WriteHeader() {
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
  const auto address = excel::RangeAddress(1, 0, 1, Width() - 1);
  XLSYNC_RETURN_IF_ERROR(workbook_.PatchRange(*sheet_, address, body));
  // A bold header is cosmetic: a failure is told in the log, the data still goes in.
  if (auto bold = workbook_.SetBold(*sheet_, address); !bold) {
    spdlog::warn("the header of sheet \"{}\" could not be made bold: {}", sheet_name_,
                 bold.error().ForUser());
  }
  spdlog::debug(
      "the header row of sheet \"{}\" is not frozen: Microsoft Graph cannot freeze panes "
      "(msgraph.md §6.8)",
      sheet_name_);
  return {};
}

core::Result<void> GraphSheetSink::ClearTail() {
  // A continued run may end above rows an earlier attempt wrote (records deleted meanwhile):
  // those rows of the own columns are cleared so they hold the source and nothing else.
  auto used = workbook_.UsedRange(*sheet_);
  if (!used) return std::move(used).error();
  if (!used->has_value()) return {};
  auto extent = excel::ParseRangeAddress(**used);
  if (!extent || extent->last_row < next_row_) return {};
  const auto tail =
      excel::RangeAddress(static_cast<int>(next_row_), 0, extent->last_row, Width() - 1);
  spdlog::info("clearing {} below the data of sheet \"{}\"", tail, sheet_name_);
  return workbook_.ClearRange(*sheet_, tail);
}

void GraphSheetSink::FitWidths() {
  // One call over the own columns at the end, when their content is final (§6.8). Cosmetic.
  const std::string columns = "A:" + LastColumn();
  if (auto fitted = workbook_.AutofitColumns(*sheet_, columns); !fitted) {
    spdlog::warn("the column widths of sheet \"{}\" could not be fitted: {}", sheet_name_,
                 fitted.error().ForUser());
  }
}

core::Result<void> GraphSheetSink::VerifyHeader() {
  auto header = ReadHeader(Width());
  if (!header) return std::move(header).error();
  for (size_t i = 0; i < columns_.size(); ++i) {
    if ((*header)[i] != columns_[i].label) {
      return core::Conflict("The header row of sheet \"" + sheet_name_ +
                                "\" was changed while "
                                "the export ran: run the export again.",
                            "verifyHeader");
    }
  }
  return {};
}

core::Result<void> GraphSheetSink::VerifyExtent(int64_t rows) {
  if (table_) return table_->Verify(rows);
  // The used range may reach further right and lower than the data: those are the user's columns.
  auto used = workbook_.UsedRange(*sheet_);
  if (!used) return std::move(used).error();
  std::optional<excel::RangeRef> extent;
  if (used->has_value()) {
    if (auto parsed = excel::ParseRangeAddress(**used)) extent = *parsed;
  }
  if (!extent || extent->first_row != 1 || extent->first_column != 0 ||
      extent->last_row < last_nonempty_row_ || extent->last_column < Width() - 1) {
    const std::string expected_used = "A1:" + LastColumn() + std::to_string(last_nonempty_row_);
    return core::Conflict("Sheet \"" + sheet_name_ + "\" does not match the source: expected " +
                              std::to_string(rows) + " rows in " + expected_used + " but found " +
                              (used->has_value() ? **used : std::string("an empty sheet")) +
                              "; run the export again.",
                          "verifyRowCount");
  }
  if (extent->last_row <= rows + 1) return {};
  return VerifyNothingBelow(rows, extent->last_row);
}

core::Result<void> GraphSheetSink::VerifyNothingBelow(int64_t rows, int64_t last_row) {
  const int64_t step = RowsPerRead();
  for (int64_t first = rows + 2; first <= last_row; first += step) {
    const int64_t last = std::min(last_row, first + step - 1);
    auto range = workbook_.GetRange(
        *sheet_,
        excel::RangeAddress(static_cast<int>(first), 0, static_cast<int>(last), Width() - 1));
    if (!range) return std::move(range).error();
    const auto values = range->find("values");
    if (values == range->end() || !values->is_array()) continue;
    for (const auto& row : *values) {
      if (!row.is_array() || std::all_of(row.begin(), row.end(), IsBlank)) continue;
      return core::Conflict("Sheet \"" + sheet_name_ +
                                "\" does not match the source: columns A to " + LastColumn() +
                                " still hold values below the " + std::to_string(rows) +
                                " rows written; run the export again.",
                            "verifyRowCount");
    }
  }
  return {};
}

}  // namespace xlsync::sync
