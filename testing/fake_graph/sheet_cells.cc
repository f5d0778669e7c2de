#include "testing/fake_graph/sheet_cells.h"

#include <algorithm>
#include <climits>
#include <cstring>

#include "core/error.h"

namespace xlsync::fakes {
namespace {

constexpr std::uint8_t kFormulaFlag = 1;
constexpr std::uint8_t kQuotePrefixFlag = 2;
constexpr std::size_t kFormatLimit = 65'535;
// A row's text arena is rebuilt once at least this many dead bytes make up half of it.
constexpr std::uint32_t kCompactAfter = 4096;

}  // namespace

SheetCells::SheetCells() : formats_{"General"} { format_ids_.emplace("General", 0); }

CellView SheetCells::Get(int row, int column) const {
  CellView view;
  if (row < 0 || row >= stored_rows() || column < 0) return view;
  const PackedRow& packed_row = rows_[static_cast<std::size_t>(row)];
  if (static_cast<std::size_t>(column) >= packed_row.cells.size()) return view;
  const PackedCell& cell = packed_row.cells[static_cast<std::size_t>(column)];
  view.kind = cell.kind;
  view.formula = (cell.flags & kFormulaFlag) != 0;
  view.quote_prefix = (cell.flags & kQuotePrefixFlag) != 0;
  view.number_format = formats_[cell.format];
  switch (cell.kind) {
    case ValueKind::kNumber:
      std::memcpy(&view.number, cell.payload, sizeof view.number);
      break;
    case ValueKind::kBoolean:
      view.boolean = cell.payload[0] != 0;
      break;
    case ValueKind::kText:
      view.text = std::string_view(packed_row.text.data() + cell.payload[0], cell.payload[1]);
      break;
    case ValueKind::kEmpty:
      break;
  }
  return view;
}

void SheetCells::SetValue(int row, int column, const CellValue& value) {
  if (value.kind == ValueKind::kEmpty && Get(row, column).kind == ValueKind::kEmpty &&
      !Get(row, column).formula) {
    return;  // Nothing to clear, and blank cells must not grow the storage.
  }
  PackedCell& cell = At(row, column);
  PackedRow& packed_row = rows_[static_cast<std::size_t>(row)];
  Forget(packed_row, cell);
  cell.kind = value.kind;
  cell.flags = static_cast<std::uint8_t>((value.formula ? kFormulaFlag : 0) |
                                         (value.quote_prefix ? kQuotePrefixFlag : 0));
  switch (value.kind) {
    case ValueKind::kNumber:
      std::memcpy(cell.payload, &value.number, sizeof value.number);
      break;
    case ValueKind::kBoolean:
      cell.payload[0] = value.boolean ? 1 : 0;
      break;
    case ValueKind::kText:
      StoreText(packed_row, cell, value.text);
      break;
    case ValueKind::kEmpty:
      break;
  }
  if (packed_row.garbage > kCompactAfter && packed_row.garbage * 2 > packed_row.text.size()) {
    Compact(packed_row);
  }
  if (value.kind == ValueKind::kEmpty) {
    Trim(row);
    TrimRows();
  }
}

bool SheetCells::SetFormat(int row, int column, std::string_view format) {
  if (format.empty()) format = "General";
  auto found = format_ids_.find(std::string(format));
  if (found == format_ids_.end()) {
    if (formats_.size() >= kFormatLimit) return false;
    found =
        format_ids_.emplace(std::string(format), static_cast<std::uint16_t>(formats_.size())).first;
    formats_.emplace_back(format);
  }
  if (found->second == 0 && Get(row, column).number_format == "General") return true;
  At(row, column).format = found->second;
  if (found->second == 0) {
    Trim(row);
    TrimRows();
  }
  return true;
}

void SheetCells::Clear(const GridRange& range, bool contents, bool formats) {
  const int last_row = std::min(range.last_row, stored_rows() - 1);
  for (int row = range.first_row; row <= last_row; ++row) {
    PackedRow& packed_row = rows_[static_cast<std::size_t>(row)];
    const auto end =
        std::min(static_cast<std::size_t>(range.last_column) + 1, packed_row.cells.size());
    for (auto column = static_cast<std::size_t>(range.first_column); column < end; ++column) {
      PackedCell& cell = packed_row.cells[column];
      if (contents) {
        Forget(packed_row, cell);
        cell.kind = ValueKind::kEmpty;
        cell.flags = static_cast<std::uint8_t>(cell.flags & ~kFormulaFlag);
      }
      if (formats) {
        cell.format = 0;
        cell.flags = static_cast<std::uint8_t>(cell.flags & ~kQuotePrefixFlag);
      }
    }
    if (packed_row.garbage > kCompactAfter && packed_row.garbage * 2 > packed_row.text.size()) {
      Compact(packed_row);
    }
    Trim(row);
  }
  TrimRows();
}

void SheetCells::Delete(const GridRange& range, ShiftDirection shift) {
  const bool all_columns =
      range.whole_rows || (range.first_column == 0 && range.last_column == kMaxColumns - 1);
  const bool all_rows =
      range.whole_columns || (range.first_row == 0 && range.last_row == kMaxRows - 1);
  // Deleting whole columns upwards (or whole rows leftwards) only brings blank cells in.
  if (shift == ShiftDirection::kUp ? all_rows : all_columns) return Clear(range, true, true);
  if (shift == ShiftDirection::kLeft) return ShiftLeft(range);
  if (range.first_row >= stored_rows()) return;
  if (all_columns) {
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

std::optional<GridRange> SheetCells::UsedRange(bool values_only) const {
  int first_row = -1, last_row = -1, first_column = INT_MAX, last_column = -1;
  for (int row = 0; row < stored_rows(); ++row) {
    const auto& cells = rows_[static_cast<std::size_t>(row)].cells;
    auto used = [&](const PackedCell& cell) {
      return values_only ? cell.kind != ValueKind::kEmpty : !IsBlank(cell);
    };
    const auto first = std::find_if(cells.begin(), cells.end(), used);
    if (first == cells.end()) continue;
    const auto last = std::find_if(cells.rbegin(), cells.rend(), used);
    if (first_row < 0) first_row = row;
    last_row = row;
    first_column = std::min(first_column, static_cast<int>(first - cells.begin()));
    last_column = std::max(last_column, static_cast<int>(cells.rend() - last) - 1);
  }
  if (first_row < 0) return std::nullopt;
  return GridRange{first_row, first_column, last_row, last_column, false, false};
}

int SheetCells::stored_columns(int row) const {
  if (row < 0 || row >= stored_rows()) return 0;
  return static_cast<int>(rows_[static_cast<std::size_t>(row)].cells.size());
}

std::size_t SheetCells::ApproximateBytes() const {
  std::size_t bytes = rows_.capacity() * sizeof(PackedRow);
  for (const auto& row : rows_) {
    bytes += row.cells.capacity() * sizeof(PackedCell) + row.text.capacity();
  }
  return bytes;
}

SheetCells::PackedCell& SheetCells::At(int row, int column) {
  XLSYNC_CHECK(row >= 0 && row < kMaxRows && column >= 0 && column < kMaxColumns);
  if (row >= stored_rows()) rows_.resize(static_cast<std::size_t>(row) + 1);
  auto& cells = rows_[static_cast<std::size_t>(row)].cells;
  if (static_cast<std::size_t>(column) >= cells.size())
    cells.resize(static_cast<std::size_t>(column) + 1);
  return cells[static_cast<std::size_t>(column)];
}

void SheetCells::StoreText(PackedRow& row, PackedCell& cell, std::string_view text) {
  XLSYNC_CHECK(row.text.size() + text.size() < UINT32_MAX);
  cell.payload[0] = static_cast<std::uint32_t>(row.text.size());
  cell.payload[1] = static_cast<std::uint32_t>(text.size());
  row.text.append(text);
}

void SheetCells::Forget(PackedRow& row, PackedCell& cell) {
  if (cell.kind == ValueKind::kText) row.garbage += cell.payload[1];
  cell.payload[0] = cell.payload[1] = 0;
}

void SheetCells::CopyCell(const PackedRow& from, std::size_t from_column, PackedRow& to,
                          std::size_t to_column) {
  const bool absent = from_column >= from.cells.size();
  if (absent && to_column >= to.cells.size()) return;
  if (to_column >= to.cells.size()) to.cells.resize(to_column + 1);
  PackedCell& target = to.cells[to_column];
  Forget(to, target);
  if (absent) {
    target = PackedCell{};
    return;
  }
  const PackedCell& source = from.cells[from_column];
  target = source;
  if (source.kind == ValueKind::kText) {
    StoreText(to, target,
              std::string_view(from.text.data() + source.payload[0], source.payload[1]));
  }
}

void SheetCells::Compact(PackedRow& row) {
  std::string text;
  text.reserve(row.text.size() - row.garbage);
  for (auto& cell : row.cells) {
    if (cell.kind != ValueKind::kText) continue;
    const std::uint32_t offset = static_cast<std::uint32_t>(text.size());
    text.append(row.text, cell.payload[0], cell.payload[1]);
    cell.payload[0] = offset;
  }
  row.text = std::move(text);
  row.garbage = 0;
}

void SheetCells::Trim(int row) {
  PackedRow& packed_row = rows_[static_cast<std::size_t>(row)];
  while (!packed_row.cells.empty() && IsBlank(packed_row.cells.back())) packed_row.cells.pop_back();
  if (packed_row.cells.empty()) packed_row = PackedRow{};  // Gives the row's memory back.
}

void SheetCells::TrimRows() {
  while (!rows_.empty() && rows_.back().cells.empty()) rows_.pop_back();
}

}  // namespace xlsync::fakes
