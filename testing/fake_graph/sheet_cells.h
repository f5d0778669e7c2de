#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "testing/fake_graph/a1_address.h"
#include "testing/fake_graph/cell_style.h"

namespace xlsync::fakes {

enum class ValueKind : std::uint8_t { kEmpty, kNumber, kBoolean, kText };

/// One cell's value as a write sets it. A formula keeps its text in `text` (never evaluated).
struct CellValue {
  ValueKind kind = ValueKind::kEmpty;
  double number = 0;
  bool boolean = false;
  std::string text;
  bool formula = false;
  bool quote_prefix = false;
};

/// One cell as read back: views into the sheet, valid until the sheet next changes.
struct CellView {
  ValueKind kind = ValueKind::kEmpty;
  double number = 0;
  bool boolean = false;
  std::string_view text;
  bool formula = false;
  bool quote_prefix = false;
  std::string_view number_format = "General";
  const CellStyle* style = nullptr;  // never null from SheetCells::Get
};

/// Where the cells next to a deleted range move (kUp, kLeft) or where the cells of an inserted
/// range go (kDown, kRight).
enum class ShiftDirection { kUp, kLeft, kDown, kRight };

/// The cells of one worksheet, stored compactly: one vector of 12-byte cells per row, texts in a
/// per-row arena, styles (number format, font, fill, alignment) interned per sheet. 1,000,000
/// rows x 30 numeric columns take about 400 MB. Indexes are 0-based. Not thread-safe: callers
/// hold the fake's state lock.
class SheetCells {
 public:
  SheetCells();

  CellView Get(int row, int column) const;
  void SetValue(int row, int column, const CellValue& value);
  /// Sets the number format, keeping the rest of the cell's style. False when the sheet already
  /// holds 65,535 distinct styles.
  bool SetFormat(int row, int column, std::string_view format);
  /// Replaces the cell's whole style; false at the 65,535-style limit.
  bool SetStyle(int row, int column, const CellStyle& style);
  /// Passes the style of every cell of a bounded range through `change` (msgraph.md §6.8);
  /// false, with part of the range restyled, once the sheet holds 65,535 distinct styles.
  bool Restyle(const GridRange& range, const std::function<void(CellStyle&)>& change);
  /// `contents` empties values (and formulas); `formats` resets styles and the quote prefix.
  void Clear(const GridRange& range, bool contents, bool formats);
  /// Deletes the range's cells, moving the cells below up (kUp) or to the right left (kLeft).
  void Delete(const GridRange& range, ShiftDirection shift);
  /// Inserts blank cells at the range, moving the cells there and below down (kDown) or there and
  /// to the right right (kRight); cells pushed past the grid are lost (check WouldPushOffSheet).
  void Insert(const GridRange& range, ShiftDirection shift);
  /// True when Insert(range, shift) would push a non-blank cell off the grid.
  bool WouldPushOffSheet(const GridRange& range, ShiftDirection shift) const;
  /// True when no cell of the range holds a value, a formula or a style.
  bool IsBlank(const GridRange& range) const;
  /// The smallest range holding every value (and, unless `values_only`, every formatted cell);
  /// nullopt on a blank sheet.
  std::optional<GridRange> UsedRange(bool values_only) const;

  /// Rows stored (1 + the last row that holds anything); cells beyond read as blank.
  int stored_rows() const { return static_cast<int>(rows_.size()); }
  int stored_columns(int row) const;
  std::size_t ApproximateBytes() const;

 private:
  struct PackedCell {
    std::uint32_t payload[2] = {0, 0};  // a double's bits, or {offset, length} in the row arena
    std::uint16_t format = 0;           // index into styles_; 0 = the default style
    ValueKind kind = ValueKind::kEmpty;
    std::uint8_t flags = 0;
  };
  struct PackedRow {
    std::vector<PackedCell> cells;
    std::string text;  // arena for this row's texts
    std::uint32_t garbage = 0;
  };

  static bool IsBlank(const PackedCell& cell) {
    return cell.kind == ValueKind::kEmpty && cell.format == 0 && cell.flags == 0;
  }
  PackedCell& At(int row, int column);
  std::uint16_t StyleIdAt(int row, int column) const;
  std::optional<std::uint16_t> Intern(const CellStyle& style);
  void AssignStyle(int row, int column, std::uint16_t id);
  void ShiftUp(const GridRange& range);
  void ShiftLeft(const GridRange& range);
  void ShiftDown(const GridRange& range);
  void ShiftRight(const GridRange& range);
  void StoreText(PackedRow& row, PackedCell& cell, std::string_view text);
  void Forget(PackedRow& row, PackedCell& cell);
  void CopyCell(const PackedRow& from, std::size_t from_column, PackedRow& to,
                std::size_t to_column);
  void Compact(PackedRow& row);
  void Trim(int row);
  void TrimRows();

  std::vector<PackedRow> rows_;
  std::vector<CellStyle> styles_;                                   // 0 = the default style
  std::unordered_map<std::string, std::uint16_t> style_ids_;        // CellStyle::Key() -> index
  std::unordered_map<std::string, std::uint16_t> plain_format_ids_;  // default + number format
};

}  // namespace xlsync::fakes
