#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "msgraph/workbook.h"

namespace xlsync::sync {

/// The named Excel table a table-mode run writes into (msgraph.md §6.7). Found by name on its
/// sheet and kept across runs (formulas and pivot tables point at the name), created over the own
/// columns on the first run, resized with one range insert or delete inside its body. It must
/// start at A1; its columns beyond xlsync's own are the user's. Not thread-safe.
class SheetTable {
 public:
  SheetTable(msgraph::Workbook& workbook, msgraph::Worksheet sheet, std::string name,
             std::string style);

  /// Looks for the table on the sheet: true when found. A Conflict when it is on another sheet
  /// or does not start at A1.
  core::Result<bool> Find();
  /// Adds the table over A1 to column `columns`, row 1 + max(1, body_rows) (the header is already
  /// written), then gives it its name and style.
  core::Result<void> Create(int columns, int64_t body_rows);
  /// Sets the body to max(1, body_rows) rows: one insert at the last body row (which must not
  /// hold written data: it moves down) or one delete of the surplus rows at the end.
  core::Result<void> Resize(int64_t body_rows);
  /// Adds a column named `name` at `index` (at the end when index == width()).
  core::Result<void> AddColumn(int index, const std::string& name,
                               const msgraph::AppliedCheck& applied);
  core::Result<void> DeleteColumn(int index, const msgraph::AppliedCheck& applied);
  /// Proves the table spans A1 to its last column and exactly 1 + max(1, rows) rows.
  core::Result<void> Verify(int64_t rows);

  bool exists() const { return table_.has_value(); }
  /// The sheet row of the last body row.
  int64_t last_row() const { return rows_; }
  /// Columns, the user's included.
  int width() const { return width_; }
  const std::string& name() const { return name_; }

 private:
  core::Result<void> ReadExtent();
  core::Error ElsewhereError(const msgraph::Table& table);
  msgraph::AppliedCheck RowsBecome(int64_t before, int64_t after, const std::string& what);

  msgraph::Workbook& workbook_;
  msgraph::Worksheet sheet_;
  std::string name_;
  std::string style_;
  std::optional<msgraph::Table> table_;
  int64_t rows_ = 0;  // header row included
  int width_ = 0;
};

}  // namespace xlsync::sync
