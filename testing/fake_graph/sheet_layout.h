#pragma once

#include <map>

namespace xlsync::fakes {

/// Column widths and row heights of one sheet in points (msgraph.md §6.8); a column or row not
/// in the maps has Excel's default: 48 pt (8.43 characters of Calibri 11) and 15 pt.
struct SheetLayout {
  static constexpr double kDefaultColumnWidth = 48;
  static constexpr double kDefaultRowHeight = 15;

  std::map<int, double> column_widths;
  std::map<int, double> row_heights;

  double ColumnWidth(int column) const;
  double RowHeight(int row) const;
  void SetColumnWidth(int column, double points);
  void SetRowHeight(int row, double points);
  /// Whole columns (rows) inserted at `first` (count > 0) or deleted from it (count < 0): the
  /// sizes of the columns (rows) after them move along.
  void ShiftColumns(int first, int count);
  void ShiftRows(int first, int count);
};

}  // namespace xlsync::fakes
