#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace xlsync::excel {

/// Grid limits of an Excel sheet (msgraph.md §6.5): rows 1..1,048,576, columns A..XFD.
inline constexpr int kMaxRows = 1'048'576;
inline constexpr int kMaxColumns = 16'384;

/// The letters of a 0-based column: 0 -> "A", 25 -> "Z", 26 -> "AA", 16383 -> "XFD".
std::string ColumnName(int column);
/// The 0-based index of column letters (case-insensitive); InvalidInput past XFD or not letters.
core::Result<int> ColumnIndex(std::string_view letters);
/// "A1" for (1, 0): rows are 1-based, columns 0-based.
std::string CellAddress(int row, int column);
/// "A2:J2001"; a range of one cell is written as that cell ("A2").
std::string RangeAddress(int first_row, int first_column, int last_row, int last_column);

/// A rectangular range, as Graph reports it in `address` ("Orders!A1:C3"). `sheet` is empty
/// when the address has no sheet part; whole columns ("A:C") and rows ("2:5") span the grid.
struct RangeRef {
  std::string sheet;
  int first_row = 1;
  int first_column = 0;
  int last_row = 1;
  int last_column = 0;

  bool operator==(const RangeRef& other) const = default;
};

/// Parses "Orders!A1:C3", "'My Sheet'!B2", "A1", "$A$1:$C$3", "A:C", "2:5" (quoted sheet names
/// use '' for an apostrophe, as Excel and Graph write them).
core::Result<RangeRef> ParseRangeAddress(std::string_view address);

/// The sheet name as it must appear before "!" in an address: bare when it is a plain word,
/// otherwise quoted with '' escapes ("Q1 'Sales'" -> "'Q1 ''Sales'''").
std::string QuoteSheetName(std::string_view sheet);
/// "Orders!A1:J1" / "'My Sheet'!A1:J1": a sheet-qualified address (tables/add needs one, §6.7).
std::string SheetQualifiedAddress(std::string_view sheet, std::string_view address);

}  // namespace xlsync::excel
