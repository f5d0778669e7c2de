#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace xlsync::fakes {

inline constexpr int kMaxRows = 1'048'576;
inline constexpr int kMaxColumns = 16'384;  // A..XFD

/// A rectangle of cells, 0-based and inclusive. `whole_columns` marks "A:C" (every row of those
/// columns), `whole_rows` marks "1:3"; such unbounded ranges can be read and cleared, not written
/// (msgraph.md §6.4).
struct GridRange {
  int first_row = 0;
  int first_column = 0;
  int last_row = 0;
  int last_column = 0;
  bool whole_columns = false;
  bool whole_rows = false;

  int rows() const { return last_row - first_row + 1; }
  int columns() const { return last_column - first_column + 1; }
  std::int64_t cells() const { return static_cast<std::int64_t>(rows()) * columns(); }
  bool unbounded() const { return whole_columns || whole_rows; }
  bool operator==(const GridRange& other) const = default;
};

/// An address as a client sends it: an optional sheet qualifier plus the range.
struct SheetAddress {
  std::optional<std::string> sheet;
  GridRange range;
};

/// Parses "A1", "$A$1:c3", "A:C", "1:3", "Sheet1!A1:B2", "'Q1 ''Sales'''!A1". Failures carry
/// the Excel code "invalidArgument" in `upstream`, and name the grid limits when exceeded.
core::Result<SheetAddress> ParseAddress(std::string_view text);

/// 0 -> "A", 25 -> "Z", 26 -> "AA", 16383 -> "XFD".
std::string ColumnLetters(int column);
/// "A1", "A1:C3", "A:C" or "1:3".
std::string FormatRange(const GridRange& range);
/// The sheet name as Excel writes it before '!': quoted ('My Sheet', 'O''Brien') when needed.
std::string QuoteSheetName(std::string_view name);
/// "Sheet1!A1:C3", "'My Sheet'!A1".
std::string QualifiedAddress(std::string_view sheet_name, const GridRange& range);

}  // namespace xlsync::fakes
