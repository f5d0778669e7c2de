#pragma once

#include <optional>
#include <string_view>

#include "core/result.h"

namespace xlsync::excel {

/// Checks Excel's table-name rules (msgraph.md §6.7): starts with a letter, "_" or "\"; then
/// letters, digits, "." and "_" only; at most 255 characters; not a cell reference (A1, R1C1)
/// nor C, c, R or r. Uniqueness within the workbook is the caller's check. InvalidInput naming
/// the broken rule.
core::Result<void> ValidateTableName(std::string_view name);

/// One of Excel's built-in table styles: TableStyleLight1..21, TableStyleMedium1..28 or
/// TableStyleDark1..11.
struct TableStyle {
  enum class Kind { kLight, kMedium, kDark };
  Kind kind = Kind::kMedium;
  int number = 2;
};

/// The built-in style named `style`, or nullopt for any other text.
std::optional<TableStyle> ParseTableStyle(std::string_view style);

/// InvalidInput listing the built-in styles unless ParseTableStyle knows `style`.
core::Result<void> ValidateTableStyle(std::string_view style);

}  // namespace xlsync::excel
