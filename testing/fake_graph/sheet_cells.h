#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "testing/fake_graph/a1_address.h"

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
};

enum class ShiftDirection { kUp, kLeft };

/// The cells of one worksheet, stored compactly: one vector of 12-byte cells per row, texts in a
/// per-row arena, number formats interned per sheet. 1,000,000 rows x 30 numeric columns take
/// about 400 MB. Indexes are 0-based. Not thread-safe: callers hold the fake's state lock.
class SheetCells {
 public:
  SheetCells();

  CellView Get(int row, int column) const;
  void SetValue(int row, int column, const CellValue& value);
  /// False when the sheet already holds 65,535 distinct formats.
  bool SetFormat(int row, int column, std::string_view format);
  /// `contents` empties values (and formulas); `formats` resets formats and the quote prefix.
  void Clear(const GridRange& range, bool contents, bool formats);
  void Delete(const GridRange& range, ShiftDirection shift);
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
    std::uint16_t format = 0;           // index into formats_; 0 = General
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
  void ShiftUp(const GridRange& range);
  void ShiftLeft(const GridRange& range);
  void StoreText(PackedRow& row, PackedCell& cell, std::string_view text);
  void Forget(PackedRow& row, PackedCell& cell);
  void CopyCell(const PackedRow& from, std::size_t from_column, PackedRow& to,
                std::size_t to_column);
  void Compact(PackedRow& row);
  void Trim(int row);
  void TrimRows();

  std::vector<PackedRow> rows_;
  std::vector<std::string> formats_;
  std::unordered_map<std::string, std::uint16_t> format_ids_;
};

}  // namespace xlsync::fakes
