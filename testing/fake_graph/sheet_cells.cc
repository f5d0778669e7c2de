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

SheetCells::SheetCells() : styles_(1) {
  style_ids_.emplace(styles_[0].Key(), 0);
  plain_format_ids_.emplace("General", 0);
}

CellView SheetCells::Get(int row, int column) const {
  CellView view;
  view.style = &styles_[0];
  if (row < 0 || row >= stored_rows() || column < 0) return view;
  const PackedRow& packed_row = rows_[static_cast<std::size_t>(row)];
  if (static_cast<std::size_t>(column) >= packed_row.cells.size()) return view;
  const PackedCell& cell = packed_row.cells[static_cast<std::size_t>(column)];
  view.kind = cell.kind;
  view.formula = (cell.flags & kFormulaFlag) != 0;
  view.quote_prefix = (cell.flags & kQuotePrefixFlag) != 0;
  view.style = &styles_[cell.format];
  view.number_format = view.style->number_format;
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
  const std::uint16_t current = StyleIdAt(row, column);
  if (styles_[current].number_format == format) return true;
  if (current != 0) {
    CellStyle style = styles_[current];
    style.number_format = std::string(format);
    return SetStyle(row, column, style);
  }
  // Most cells carry nothing but a number format: find those styles without building a key.
  auto found = plain_format_ids_.find(std::string(format));
  if (found == plain_format_ids_.end()) {
    CellStyle style;
    style.number_format = std::string(format);
    const auto id = Intern(style);
    if (!id) return false;
    found = plain_format_ids_.emplace(std::string(format), *id).first;
  }
  AssignStyle(row, column, found->second);
  return true;
}

bool SheetCells::SetStyle(int row, int column, const CellStyle& style) {
  const auto id = Intern(style);
  if (!id) return false;
  AssignStyle(row, column, *id);
  return true;
}

bool SheetCells::Restyle(const GridRange& range,
                         const std::function<void(CellStyle&)>& change) {
  XLSYNC_CHECK(!range.unbounded());
  std::unordered_map<std::uint16_t, std::uint16_t> restyled;  // old style -> new style
  for (int row = range.first_row; row <= range.last_row; ++row) {
    for (int column = range.first_column; column <= range.last_column; ++column) {
      const std::uint16_t old_id = StyleIdAt(row, column);
      auto found = restyled.find(old_id);
      if (found == restyled.end()) {
        CellStyle style = styles_[old_id];
        change(style);
        const auto new_id = Intern(style);
        if (!new_id) return false;
        found = restyled.emplace(old_id, *new_id).first;
      }
      AssignStyle(row, column, found->second);
    }
  }
  return true;
}

bool SheetCells::IsBlank(const GridRange& range) const {
  const int last_row = std::min(range.last_row, stored_rows() - 1);
  for (int row = range.first_row; row <= last_row; ++row) {
    const auto& cells = rows_[static_cast<std::size_t>(row)].cells;
    const auto end = std::min(static_cast<std::size_t>(range.last_column) + 1, cells.size());
    for (auto column = static_cast<std::size_t>(range.first_column); column < end; ++column) {
      if (!IsBlank(cells[column])) return false;
    }
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

std::uint16_t SheetCells::StyleIdAt(int row, int column) const {
  if (row < 0 || row >= stored_rows() || column < 0) return 0;
  const auto& cells = rows_[static_cast<std::size_t>(row)].cells;
  return static_cast<std::size_t>(column) < cells.size()
             ? cells[static_cast<std::size_t>(column)].format
             : 0;
}

std::optional<std::uint16_t> SheetCells::Intern(const CellStyle& style) {
  std::string key = style.Key();
  if (const auto found = style_ids_.find(key); found != style_ids_.end()) return found->second;
  if (styles_.size() >= kFormatLimit) return std::nullopt;
  const auto id = static_cast<std::uint16_t>(styles_.size());
  styles_.push_back(style);
  style_ids_.emplace(std::move(key), id);
  return id;
}

void SheetCells::AssignStyle(int row, int column, std::uint16_t id) {
  if (id == 0 && StyleIdAt(row, column) == 0) return;  // blank cells must not grow the storage
  At(row, column).format = id;
  if (id == 0) {
    Trim(row);
    TrimRows();
  }
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
