#include "excel/a1.h"

#include <algorithm>
#include <utility>

namespace xlsync::excel {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

core::Error BadAddress(std::string_view address) {
  return core::InvalidInput("\"" + std::string(address) +
                            "\" is not a range address Excel understands (such as Sheet1!A1:C3): "
                            "check the address.");
}

// One side of "A1:C3": a cell, a whole column ("A") or a whole row ("2"); 0 = absent part.
struct Endpoint {
  int row = 0;
  int column = -1;
};

bool ParseEndpoint(std::string_view text, Endpoint& out) {
  size_t i = 0;
  if (i < text.size() && text[i] == '$') ++i;
  const size_t letters_begin = i;
  while (i < text.size() && IsAsciiLetter(text[i])) ++i;
  const std::string_view letters = text.substr(letters_begin, i - letters_begin);
  if (!letters.empty()) {
    auto index = ColumnIndex(letters);
    if (!index) return false;
    out.column = *index;
    if (i < text.size() && text[i] == '$') ++i;
  }
  const size_t digits_begin = i;
  long row = 0;
  while (i < text.size() && IsAsciiDigit(text[i])) {
    row = row * 10 + (text[i] - '0');
    if (row > kMaxRows) return false;
    ++i;
  }
  if (i != text.size()) return false;
  if (i > digits_begin) {
    if (row < 1) return false;
    out.row = static_cast<int>(row);
  }
  return out.row != 0 || out.column >= 0;
}

// Reads "'It''s'!" style quoting (Excel doubles an apostrophe inside a quoted sheet name).
bool ParseQuotedSheet(std::string_view address, std::string& sheet, size_t& rest) {
  for (size_t i = 1; i < address.size(); ++i) {
    if (address[i] != '\'') {
      sheet.push_back(address[i]);
    } else if (i + 1 < address.size() && address[i + 1] == '\'') {
      sheet.push_back('\'');
      ++i;
    } else {
      rest = i + 1;
      return !sheet.empty() && rest < address.size() && address[rest] == '!';
    }
  }
  return false;
}

bool LooksLikeReference(std::string_view name) {
  // "AB12" is a cell and "R1C1", "R", "C5" are R1C1 references: Excel wants those quoted.
  size_t i = 0;
  while (i < name.size() && IsAsciiLetter(name[i])) ++i;
  if (i >= 1 && i <= 3 && i < name.size() &&
      std::all_of(name.begin() + i, name.end(), IsAsciiDigit)) {
    return true;
  }
  auto digits = [&](size_t& at) {
    while (at < name.size() && IsAsciiDigit(name[at])) ++at;
  };
  size_t j = 0;
  if (j < name.size() && (name[j] == 'R' || name[j] == 'r')) {
    ++j;
    digits(j);
  }
  if (j < name.size() && (name[j] == 'C' || name[j] == 'c')) {
    ++j;
    digits(j);
  }
  return j == name.size();
}

}  // namespace

std::string ColumnName(int column) {
  XLSYNC_CHECK(column >= 0);
  // Bijective base 26: A..Z, AA..ZZ, AAA..XFD.
  std::string name;
  for (int n = column + 1; n > 0; n = (n - 1) / 26) {
    name.push_back(static_cast<char>('A' + (n - 1) % 26));
  }
  std::reverse(name.begin(), name.end());
  return name;
}

core::Result<int> ColumnIndex(std::string_view letters) {
  if (letters.empty() || letters.size() > 3 ||
      !std::all_of(letters.begin(), letters.end(), IsAsciiLetter)) {
    return core::InvalidInput("\"" + std::string(letters) +
                              "\" is not an Excel column: use letters from A to XFD.");
  }
  int value = 0;
  for (char c : letters) {
    const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    value = value * 26 + (upper - 'A' + 1);
  }
  if (value > kMaxColumns) {
    return core::InvalidInput(
        "Column \"" + std::string(letters) +
        "\" is beyond XFD, the last Excel column: use a column from A to XFD.");
  }
  return value - 1;
}

std::string CellAddress(int row, int column) {
  XLSYNC_CHECK(row >= 1);
  return ColumnName(column) + std::to_string(row);
}

std::string RangeAddress(int first_row, int first_column, int last_row, int last_column) {
  std::string first = CellAddress(first_row, first_column);
  if (first_row == last_row && first_column == last_column) return first;
  return first + ":" + CellAddress(last_row, last_column);
}

core::Result<RangeRef> ParseRangeAddress(std::string_view address) {
  RangeRef range;
  size_t rest = 0;
  if (!address.empty() && address.front() == '\'') {
    if (!ParseQuotedSheet(address, range.sheet, rest)) return BadAddress(address);
    ++rest;
  } else if (const size_t bang = address.rfind('!'); bang != std::string_view::npos) {
    if (bang == 0) return BadAddress(address);
    range.sheet = std::string(address.substr(0, bang));
    rest = bang + 1;
  }
  const std::string_view reference = address.substr(rest);
  const size_t colon = reference.find(':');
  Endpoint first;
  Endpoint last;
  if (!ParseEndpoint(reference.substr(0, colon), first)) return BadAddress(address);
  if (colon == std::string_view::npos) {
    last = first;
    if (first.row == 0 || first.column < 0) return BadAddress(address);
  } else if (!ParseEndpoint(reference.substr(colon + 1), last)) {
    return BadAddress(address);
  }
  const bool first_has_row = first.row != 0;
  const bool first_has_column = first.column >= 0;
  if (first_has_row != (last.row != 0) || first_has_column != (last.column >= 0)) {
    return BadAddress(address);
  }
  // A whole-column range ("A:C") spans every row; a whole-row range ("2:5") every column.
  range.first_row = first_has_row ? std::min(first.row, last.row) : 1;
  range.last_row = first_has_row ? std::max(first.row, last.row) : kMaxRows;
  range.first_column = first_has_column ? std::min(first.column, last.column) : 0;
  range.last_column = first_has_column ? std::max(first.column, last.column) : kMaxColumns - 1;
  return range;
}

std::string QuoteSheetName(std::string_view sheet) {
  const bool plain =
      !sheet.empty() && (IsAsciiLetter(sheet.front()) || sheet.front() == '_') &&
      std::all_of(
          sheet.begin(), sheet.end(),
          [](char c) { return IsAsciiLetter(c) || IsAsciiDigit(c) || c == '_' || c == '.'; }) &&
      !LooksLikeReference(sheet);
  if (plain) return std::string(sheet);
  std::string quoted = "'";
  for (char c : sheet) {
    quoted.push_back(c);
    if (c == '\'') quoted.push_back('\'');
  }
  quoted.push_back('\'');
  return quoted;
}

std::string SheetQualifiedAddress(std::string_view sheet, std::string_view address) {
  return QuoteSheetName(sheet) + "!" + std::string(address);
}

}  // namespace xlsync::excel
