#include "testing/fake_graph/sheet_layout.h"

#include "testing/fake_graph/a1_address.h"

namespace xlsync::fakes {
namespace {

double SizeOf(const std::map<int, double>& sizes, int index, double fallback) {
  const auto found = sizes.find(index);
  return found == sizes.end() ? fallback : found->second;
}

void Shift(std::map<int, double>& sizes, int first, int count, int limit) {
  std::map<int, double> moved;
  for (const auto& [index, size] : sizes) {
    if (index < first) {
      moved.emplace(index, size);
    } else if (count > 0 && index + count < limit) {
      moved.emplace(index + count, size);
    } else if (count < 0 && index >= first - count) {
      moved.emplace(index + count, size);
    }
  }
  sizes = std::move(moved);
}

}  // namespace

double SheetLayout::ColumnWidth(int column) const {
  return SizeOf(column_widths, column, kDefaultColumnWidth);
}

double SheetLayout::RowHeight(int row) const { return SizeOf(row_heights, row, kDefaultRowHeight); }

void SheetLayout::SetColumnWidth(int column, double points) {
  if (points == kDefaultColumnWidth) {
    column_widths.erase(column);
  } else {
    column_widths[column] = points;
  }
}

void SheetLayout::SetRowHeight(int row, double points) {
  if (points == kDefaultRowHeight) {
    row_heights.erase(row);
  } else {
    row_heights[row] = points;
  }
}

void SheetLayout::ShiftColumns(int first, int count) {
  Shift(column_widths, first, count, kMaxColumns);
}

void SheetLayout::ShiftRows(int first, int count) { Shift(row_heights, first, count, kMaxRows); }

}  // namespace xlsync::fakes
