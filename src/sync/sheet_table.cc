#include "sync/sheet_table.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/text.h"
#include "excel/a1.h"

namespace xlsync::sync {
namespace {

core::Error ChangedWhileRunning(const std::string& name) {
  return core::Conflict(
      "The table \"" + name + "\" changed while the export ran: run the export again.",
      "tableChanged");
}

}  // namespace

SheetTable::SheetTable(msgraph::Workbook& workbook, msgraph::Worksheet sheet, std::string name,
                       std::string style)
    : workbook_(workbook),
      sheet_(std::move(sheet)),
      name_(std::move(name)),
      style_(std::move(style)) {}

core::Result<bool> SheetTable::Find() {
  auto here = workbook_.ListTables(sheet_);
  if (!here) return std::move(here).error();
  for (const auto& table : *here) {
    if (!core::EqualsIgnoreCase(table.name, name_)) continue;
    table_ = table;
    XLSYNC_RETURN_IF_ERROR(ReadExtent());
    return true;
  }
  // Table names are unique in the workbook (§6.7): one elsewhere would make the new one's name
  // clash, and writing around it would leave the user's references on the old data.
  auto all = workbook_.ListTables();
  if (!all) return std::move(all).error();
  for (const auto& table : *all) {
    if (core::EqualsIgnoreCase(table.name, name_)) return ElsewhereError(table);
  }
  return false;
}

core::Error SheetTable::ElsewhereError(const msgraph::Table& table) {
  auto extent = workbook_.TableRange(table.id);
  if (!extent) return std::move(extent).error();
  auto where = excel::ParseRangeAddress(extent->address);
  const std::string sheet = where ? where->sheet : std::string("another sheet");
  return core::Conflict("The table \"" + name_ + "\" is on the sheet \"" + sheet + "\" (" +
                            extent->address + "), not on \"" + sheet_.name +
                            "\": set the task's sheet to \"" + sheet +
                            "\" or choose another table name.",
                        "tableElsewhere");
}

core::Result<void> SheetTable::ReadExtent() {
  auto extent = workbook_.TableRange(table_->id);
  if (!extent) return std::move(extent).error();
  auto range = excel::ParseRangeAddress(extent->address);
  if (!range) return std::move(range).error();
  if (range->first_row != 1 || range->first_column != 0) {
    return core::Conflict("The table \"" + name_ + "\" on the sheet \"" + sheet_.name +
                              "\" starts at " +
                              excel::CellAddress(range->first_row, range->first_column) +
                              ", not at A1: move it to A1 or choose another table name.",
                          "tableNotAtA1");
  }
  rows_ = range->last_row;
  width_ = range->last_column + 1;
  return {};
}

core::Result<void> SheetTable::Create(int columns, int64_t body_rows) {
  const int64_t rows = 1 + std::max<int64_t>(1, body_rows);
  const std::string address = excel::RangeAddress(1, 0, static_cast<int>(rows), columns - 1);
  auto added = workbook_.AddTable(sheet_, excel::SheetQualifiedAddress(sheet_.name, address),
                                  /*has_headers=*/true);
  if (!added) return std::move(added).error();
  spdlog::info("added table {} over {} on sheet \"{}\"", added->id, address, sheet_.name);
  table_ = *added;
  rows_ = rows;
  width_ = columns;
  auto named = workbook_.UpdateTable(added->id, name_, style_);
  if (!named) return std::move(named).error();
  table_ = *named;
  return {};
}

msgraph::AppliedCheck SheetTable::RowsBecome(int64_t before, int64_t after,
                                             const std::string& what) {
  return [this, before, after, what]() -> core::Result<bool> {
    auto extent = workbook_.TableRange(table_->id);
    if (!extent) return std::move(extent).error();
    if (extent->row_count == after) return true;
    if (extent->row_count == before) return false;
    spdlog::warn("{}: the table has {} rows, expected {} or {}", what, extent->row_count, before,
                 after);
    return ChangedWhileRunning(name_);
  };
}

core::Result<void> SheetTable::Resize(int64_t body_rows) {
  const int64_t rows = 1 + std::max<int64_t>(1, body_rows);
  if (rows == rows_) return {};
  const int last_column = width_ - 1;
  if (rows > rows_) {
    // Rows inserted inside the body grow the table (a PATCH below it would not, §6.7); inserted
    // at the last body row they leave every row above in place.
    const auto address =
        excel::RangeAddress(static_cast<int>(rows_), 0, static_cast<int>(rows - 1), last_column);
    XLSYNC_RETURN_IF_ERROR(workbook_.InsertRange(sheet_, address, msgraph::InsertShift::kDown,
                                                 RowsBecome(rows_, rows, "growing " + name_)));
  } else {
    const auto address =
        excel::RangeAddress(static_cast<int>(rows + 1), 0, static_cast<int>(rows_), last_column);
    XLSYNC_RETURN_IF_ERROR(workbook_.DeleteRange(sheet_, address, msgraph::DeleteShift::kUp,
                                                 RowsBecome(rows_, rows, "shrinking " + name_)));
  }
  spdlog::info("table \"{}\" now has {} body rows", name_, rows - 1);
  rows_ = rows;
  return {};
}

core::Result<void> SheetTable::AddColumn(int index, const std::string& name,
                                         const msgraph::AppliedCheck& applied) {
  const std::optional<int> at = index < width_ ? std::optional<int>(index) : std::nullopt;
  XLSYNC_RETURN_IF_ERROR(workbook_.AddTableColumn(table_->id, at, name, applied));
  ++width_;
  return {};
}

core::Result<void> SheetTable::DeleteColumn(int index, const msgraph::AppliedCheck& applied) {
  auto columns = workbook_.ListTableColumns(table_->id);
  if (!columns) return std::move(columns).error();
  const auto column = std::find_if(columns->begin(), columns->end(),
                                   [&](const msgraph::TableColumn& c) { return c.index == index; });
  if (column == columns->end()) return ChangedWhileRunning(name_);
  XLSYNC_RETURN_IF_ERROR(workbook_.DeleteTableColumn(table_->id, column->id, applied));
  --width_;
  return {};
}

core::Result<void> SheetTable::Verify(int64_t rows) {
  auto extent = workbook_.TableRange(table_->id);
  if (!extent) return std::move(extent).error();
  const int64_t expected_rows = 1 + std::max<int64_t>(1, rows);
  const std::string expected =
      excel::RangeAddress(1, 0, static_cast<int>(expected_rows), width_ - 1);
  auto range = excel::ParseRangeAddress(extent->address);
  if (!range || excel::RangeAddress(range->first_row, range->first_column, range->last_row,
                                    range->last_column) != expected) {
    return core::Conflict("The table \"" + name_ + "\" spans " + extent->address +
                              " but the export wrote " + std::to_string(rows) + " rows in " +
                              expected + ": run the export again.",
                          "verifyTable");
  }
  return {};
}

}  // namespace xlsync::sync
