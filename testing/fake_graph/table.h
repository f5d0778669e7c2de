#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "testing/fake_graph/a1_address.h"
#include "testing/fake_graph/sheet_cells.h"

namespace xlsync::fakes {

/// One column of a table: a stable id ("1", "2", ...) and the header text.
struct TableColumn {
  std::string id;
  std::string name;
};

/// One Excel table (msgraph.md §6.7) on one sheet: from (`top`, `left`), an optional header row,
/// `body_rows` data rows (always at least one, as in Excel) and an optional totals row. The
/// header cells mirror the column names; SyncHeader() keeps them text and unique.
struct Table {
  std::string id;         // "{...}"
  std::string legacy_id;  // "1", "2", ...
  std::string name;
  std::string sheet_id;
  int top = 0;
  int left = 0;
  int body_rows = 1;
  bool show_headers = true;
  bool show_totals = false;
  std::string style = "TableStyleMedium2";
  bool highlight_first_column = false;
  bool highlight_last_column = false;
  bool show_banded_rows = true;
  bool show_banded_columns = false;
  bool show_filter_button = true;
  std::vector<TableColumn> columns;
  int next_column_id = 1;

  int width() const { return static_cast<int>(columns.size()); }
  int right() const { return left + width() - 1; }
  int first_body_row() const { return top + (show_headers ? 1 : 0); }
  int last_body_row() const { return first_body_row() + body_rows - 1; }
  int bottom() const { return last_body_row() + (show_totals ? 1 : 0); }
  GridRange Range() const { return {top, left, bottom(), right(), false, false}; }
  GridRange HeaderRange() const { return {top, left, top, right(), false, false}; }
  GridRange BodyRange() const {
    return {first_body_row(), left, last_body_row(), right(), false, false};
  }
  GridRange TotalsRange() const { return {bottom(), left, bottom(), right(), false, false}; }

  /// The index of the column with that id or name (case-insensitive), or -1.
  int FindColumn(std::string_view id_or_name) const;
  /// Adds a column at `index` named `wanted` made unique ("" = "ColumnN").
  void InsertColumn(int index, const std::string& wanted);
  /// `wanted` made unique among the other columns' names, as Excel does: "Name" -> "Name2";
  /// blank -> "Column<index+1>" (then "Column<index+2>", ... while taken).
  std::string UniqueName(const std::string& wanted, int index) const;
  /// Reads the header cells back into the names (as text, blanks named, duplicates renamed) and
  /// rewrites any header cell that is not already that text. No-op when the header is hidden.
  void SyncHeader(SheetCells& cells);
  /// Writes the names into the header row.
  void WriteHeader(SheetCells& cells) const;
};

}  // namespace xlsync::fakes
