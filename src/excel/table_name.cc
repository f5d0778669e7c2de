#include "excel/table_name.h"

#include <cctype>
#include <charconv>
#include <tuple>
#include <string>

namespace xlsync::excel {
namespace {

bool IsLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// "A1", "xfd1048576" (A1 style) or "R1C1", "r2c3" (R1C1 style): names Excel reads as cells.
bool LooksLikeCell(std::string_view name) {
  size_t letters = 0;
  while (letters < name.size() && IsLetter(name[letters])) ++letters;
  const std::string_view digits = name.substr(letters);
  const bool all_digits = !digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos;
  if (letters >= 1 && letters <= 3 && all_digits) return true;
  if (name.size() < 4 || (name[0] != 'R' && name[0] != 'r')) return false;
  const size_t c = name.find_first_of("Cc", 1);
  if (c == std::string_view::npos || c == 1 || c + 1 == name.size()) return false;
  const std::string_view row = name.substr(1, c - 1);
  const std::string_view column = name.substr(c + 1);
  return row.find_first_not_of("0123456789") == std::string_view::npos &&
         column.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

core::Result<void> ValidateTableName(std::string_view name) {
  const std::string quoted = "\"" + std::string(name) + "\"";
  if (name.empty()) {
    return core::InvalidInput("The table name is empty: choose a name such as OdooOrders.");
  }
  if (name.size() > 255) {
    return core::InvalidInput("The table name has " + std::to_string(name.size()) +
                              " characters, more than the 255 Excel allows: choose a shorter name.");
  }
  if (!IsLetter(name.front()) && name.front() != '_' && name.front() != '\\') {
    return core::InvalidInput("The table name " + quoted + " must start with a letter or an underscore: "
                              "choose a name such as OdooOrders.");
  }
  for (const char c : name.substr(1)) {
    if (!IsLetter(c) && !IsDigit(c) && c != '_' && c != '.') {
      return core::InvalidInput("The table name " + quoted + " contains \"" + std::string(1, c) +
                                "\", but Excel table names hold only letters, digits, \".\" and \"_\": "
                                "choose a name without spaces or symbols.");
    }
  }
  if (name == "C" || name == "c" || name == "R" || name == "r" || LooksLikeCell(name)) {
    return core::InvalidInput("The table name " + quoted + " reads as a cell reference in Excel: "
                              "choose another name, such as Odoo" + std::string(name) + ".");
  }
  return {};
}

std::optional<TableStyle> ParseTableStyle(std::string_view style) {
  using Kind = TableStyle::Kind;
  const std::tuple<std::string_view, Kind, int> kinds[] = {
      {"TableStyleLight", Kind::kLight, 21}, {"TableStyleMedium", Kind::kMedium, 28}, {"TableStyleDark", Kind::kDark, 11}};
  for (const auto& [prefix, kind, last] : kinds) {
    if (!style.starts_with(prefix)) continue;
    const std::string_view digits = style.substr(prefix.size());
    int number = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (error == std::errc() && end == digits.data() + digits.size() && number >= 1 && number <= last) {
      return TableStyle{kind, number};
    }
  }
  return std::nullopt;
}

core::Result<void> ValidateTableStyle(std::string_view style) {
  if (ParseTableStyle(style)) return {};
  return core::InvalidInput("The table style \"" + std::string(style) + "\" is not one of Excel's: use "
                            "TableStyleLight1 to 21, TableStyleMedium1 to 28 or TableStyleDark1 to 11.");
}

}  // namespace xlsync::excel
