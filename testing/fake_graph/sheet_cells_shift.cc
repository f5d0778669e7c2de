// SheetCells' insert and delete with shifting (msgraph.md §6.4 "Other range actions"): kept apart
// from sheet_cells.cc so each file stays small.
#include <algorithm>

#include "core/error.h"
#include "testing/fake_graph/sheet_cells.h"

namespace xlsync::fakes {
namespace {

bool AllColumns(const GridRange& range) {
  return range.whole_rows || (range.first_column == 0 && range.last_column == kMaxColumns - 1);
}

bool AllRows(const GridRange& range) {
  return range.whole_columns || (range.first_row == 0 && range.last_row == kMaxRows - 1);
}

}  // namespace

void SheetCells::Delete(const GridRange& range, ShiftDirection shift) {
  XLSYNC_CHECK(shift == ShiftDirection::kUp || shift == ShiftDirection::kLeft);
  // Deleting whole columns upwards (or whole rows leftwards) only brings blank cells in.
  if (shift == ShiftDirection::kUp ? AllRows(range) : AllColumns(range)) {
    return Clear(range, true, true);
  }
  if (shift == ShiftDirection::kLeft) return ShiftLeft(range);
  if (range.first_row >= stored_rows()) return;
  if (AllColumns(range)) {
    const auto first = rows_.begin() + range.first_row;
    rows_.erase(first, rows_.begin() + std::min(range.last_row + 1, stored_rows()));
    return TrimRows();
  }
  ShiftUp(range);
}

void SheetCells::ShiftUp(const GridRange& range) {
  const int height = range.rows();
  for (int row = range.first_row; row < stored_rows(); ++row) {
    const int source = row + height;
    PackedRow& target = rows_[static_cast<std::size_t>(row)];
    const std::size_t width =
        std::max(target.cells.size(),
                 source < stored_rows() ? rows_[static_cast<std::size_t>(source)].cells.size() : 0);
    const auto end = std::min(static_cast<std::size_t>(range.last_column) + 1, width);
    for (auto column = static_cast<std::size_t>(range.first_column); column < end; ++column) {
      if (source < stored_rows()) {
        CopyCell(rows_[static_cast<std::size_t>(source)], column, target, column);
      } else if (column < target.cells.size()) {
        Forget(target, target.cells[column]);
        target.cells[column] = PackedCell{};
      }
    }
    Trim(row);
  }
  TrimRows();
}

void SheetCells::ShiftLeft(const GridRange& range) {
  const int last_row = std::min(range.last_row, stored_rows() - 1);
  for (int row = range.first_row; row <= last_row; ++row) {
    PackedRow& packed_row = rows_[static_cast<std::size_t>(row)];
    const auto first = static_cast<std::size_t>(range.first_column);
    if (first >= packed_row.cells.size()) continue;
    const auto end =
        std::min(static_cast<std::size_t>(range.last_column) + 1, packed_row.cells.size());
    for (auto column = first; column < end; ++column) Forget(packed_row, packed_row.cells[column]);
    packed_row.cells.erase(packed_row.cells.begin() + static_cast<std::ptrdiff_t>(first),
                           packed_row.cells.begin() + static_cast<std::ptrdiff_t>(end));
    Trim(row);
  }
  TrimRows();
}

void SheetCells::Insert(const GridRange& range, ShiftDirection shift) {
  XLSYNC_CHECK(shift == ShiftDirection::kDown || shift == ShiftDirection::kRight);
  if (shift == ShiftDirection::kDown) return ShiftDown(range);
  ShiftRight(range);
}

bool SheetCells::WouldPushOffSheet(const GridRange& range, ShiftDirection shift) const {
  if (shift == ShiftDirection::kDown) {
    const int from = std::max(kMaxRows - range.rows(), range.first_row);
    return !IsBlank(GridRange{from, range.first_column, kMaxRows - 1, range.last_column});
  }
  if (shift == ShiftDirection::kRight) {
    const int from = std::max(kMaxColumns - range.columns(), range.first_column);
    return !IsBlank(GridRange{range.first_row, from, range.last_row, kMaxColumns - 1});
  }
  return false;
}

void SheetCells::ShiftDown(const GridRange& range) {
  const int height = range.rows();
  if (range.first_row >= stored_rows()) return;
  // Everything from the first row on leaves the grid: nothing is left to move.
  if (range.first_row + height >= kMaxRows) {
    return Clear(GridRange{range.first_row, range.first_column, kMaxRows - 1, range.last_column},
                 true, true);
  }
  if (AllColumns(range)) {
    rows_.insert(rows_.begin() + range.first_row, static_cast<std::size_t>(height), PackedRow{});
    if (stored_rows() > kMaxRows) rows_.resize(kMaxRows);
    return TrimRows();
  }
  const int old_rows = stored_rows();
  rows_.resize(static_cast<std::size_t>(std::min(old_rows + height, kMaxRows)));
  const auto first = static_cast<std::size_t>(range.first_column);
  for (int row = old_rows - 1; row >= range.first_row; --row) {
    PackedRow& source = rows_[static_cast<std::size_t>(row)];
    const int target_row = row + height;
    if (target_row < kMaxRows) {
      PackedRow& target = rows_[static_cast<std::size_t>(target_row)];
      const auto end = std::min(static_cast<std::size_t>(range.last_column) + 1,
                                std::max(source.cells.size(), target.cells.size()));
      for (auto column = first; column < end; ++column) CopyCell(source, column, target, column);
      Trim(target_row);
    }
    const auto end = std::min(static_cast<std::size_t>(range.last_column) + 1, source.cells.size());
    for (auto column = first; column < end; ++column) {
      Forget(source, source.cells[column]);
      source.cells[column] = PackedCell{};
    }
    Trim(row);
  }
  TrimRows();
}

void SheetCells::ShiftRight(const GridRange& range) {
  const auto width = static_cast<std::size_t>(range.columns());
  const int last_row = std::min(range.last_row, stored_rows() - 1);
  const auto first = static_cast<std::size_t>(range.first_column);
  for (int row = range.first_row; row <= last_row; ++row) {
    PackedRow& packed_row = rows_[static_cast<std::size_t>(row)];
    auto& cells = packed_row.cells;
    if (first >= cells.size()) continue;
    cells.insert(cells.begin() + static_cast<std::ptrdiff_t>(first), width, PackedCell{});
    if (cells.size() > static_cast<std::size_t>(kMaxColumns)) {
      for (auto column = static_cast<std::size_t>(kMaxColumns); column < cells.size(); ++column) {
        Forget(packed_row, cells[column]);
      }
      cells.resize(kMaxColumns);
    }
    Trim(row);
  }
  TrimRows();
}

}  // namespace xlsync::fakes
