#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "testing/fake_graph/sheet_cells.h"

namespace xlsync::fakes {

/// What one entry of a PATCH `values` (or `formulas`) array does to its cell.
struct CellInput {
  CellValue value;
  /// The format Excel picks for typed input such as "12%" or "2024-03-15"; applied only to a
  /// cell whose format is General and whose format the same PATCH does not set.
  std::optional<std::string> implied_format;
  /// "" clears the value and resets the format to General (msgraph.md §6.4).
  bool reset_format = false;
};

/// Interprets PATCH input the way Excel interprets typing (msgraph.md §6.4, §6.5): "123" is a
/// number, "TRUE" a boolean, "=..", "+x", "-x" a formula (marked, never evaluated) unless the
/// cell is text-formatted, "'text" is quote-prefixed text. nullopt = JSON null = leave the cell.
/// Errors carry the Excel code "invalidArgument".
class CellInputParser {
 public:
  static core::Result<std::optional<CellInput>> Parse(const nlohmann::json& entry,
                                                      bool text_formatted, bool formulas_property);
  /// A number as Excel reads it from typed text ("1,234.5", "-3e2", "12%"), else nullopt.
  static std::optional<double> TypedNumber(std::string_view text, std::string* implied_format);
  /// A date typed as "2024-03-15" or "3/15/2024", as a 1900-system serial, else nullopt.
  static std::optional<double> TypedDate(std::string_view text, std::string* implied_format);
  /// Length in UTF-16 code units, the unit of Excel's 32,767-character cell limit.
  static std::size_t Utf16Length(std::string_view text);
};

inline constexpr double kMaxCellNumber = 9.99999999999999e307;
inline constexpr std::size_t kMaxCellText = 32'767;

}  // namespace xlsync::fakes
