#include "testing/fake_graph/a1_address.h"

#include <algorithm>
#include <cctype>

namespace xlsync::fakes {
namespace {

constexpr std::string_view kInvalidArgument = "invalidArgument";

/// One side of a range: a cell ("B7"), a column ("B") or a row ("7").
struct Reference {
  std::optional<int> row;
  std::optional<int> column;
};

core::Error BadAddress(std::string_view text, std::string_view why) {
  return core::InvalidInput(
      "The address '" + std::string(text) + "' is not valid: " + std::string(why) + ".",
      std::string(kInvalidArgument));
}

core::Result<Reference> ParseReference(std::string_view whole, std::string_view text) {
  size_t at = 0;
  if (at < text.size() && text[at] == '$') ++at;
  std::int64_t column = 0;
  size_t letters = 0;
  while (at < text.size() && std::isalpha(static_cast<unsigned char>(text[at]))) {
    if (++letters > 3) return BadAddress(whole, "the column is beyond XFD");
    column = column * 26 + (std::toupper(static_cast<unsigned char>(text[at])) - 'A' + 1);
    ++at;
  }
  if (letters > 0 && at < text.size() && text[at] == '$') ++at;
  std::int64_t row = 0;
  size_t digits = 0;
  while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) {
    if (++digits > 8) return BadAddress(whole, "the row is beyond 1048576");
    row = row * 10 + (text[at] - '0');
    ++at;
  }
  if (at != text.size() || (letters == 0 && digits == 0)) {
    return BadAddress(whole, "expected a cell such as A1, a column such as A or a row such as 1");
  }
  Reference reference;
  if (letters > 0) {
    if (column > kMaxColumns) return BadAddress(whole, "the column is beyond XFD");
    reference.column = static_cast<int>(column - 1);
  }
  if (digits > 0) {
    if (row < 1 || row > kMaxRows) return BadAddress(whole, "rows go from 1 to 1048576");
    reference.row = static_cast<int>(row - 1);
  }
  return reference;
}

/// Splits "'Q1 ''Sales'''!A1" into the unquoted sheet name and the range text.
core::Result<std::pair<std::optional<std::string>, std::string_view>> SplitSheet(
    std::string_view text) {
  if (!text.empty() && text.front() == '\'') {
    std::string name;
    for (size_t at = 1; at < text.size(); ++at) {
      if (text[at] != '\'') {
        name.push_back(text[at]);
      } else if (at + 1 < text.size() && text[at + 1] == '\'') {
        name.push_back('\'');
        ++at;
      } else if (at + 1 < text.size() && text[at + 1] == '!') {
        return std::pair{std::optional<std::string>(name), text.substr(at + 2)};
      } else {
        break;
      }
    }
    return BadAddress(text, "a quoted sheet name must be followed by '!'");
  }
  const auto bang = text.find('!');
  if (bang == std::string_view::npos) return std::pair{std::optional<std::string>(), text};
  if (bang == 0) return BadAddress(text, "the sheet name before '!' is empty");
  return std::pair{std::optional<std::string>(std::string(text.substr(0, bang))),
                   text.substr(bang + 1)};
}

core::Result<GridRange> ParseRange(std::string_view whole, std::string_view text) {
  if (text.empty()) return BadAddress(whole, "it is empty");
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) {
    auto cell = ParseReference(whole, text);
    if (!cell) return cell.error();
    if (!cell->row || !cell->column) return BadAddress(whole, "a single reference must be a cell");
    return GridRange{*cell->row, *cell->column, *cell->row, *cell->column, false, false};
  }
  auto first = ParseReference(whole, text.substr(0, colon));
  if (!first) return first.error();
  auto last = ParseReference(whole, text.substr(colon + 1));
  if (!last) return last.error();
  GridRange range;
  if (first->row && first->column && last->row && last->column) {
    range = {std::min(*first->row, *last->row),
             std::min(*first->column, *last->column),
             std::max(*first->row, *last->row),
             std::max(*first->column, *last->column),
             false,
             false};
  } else if (!first->row && !last->row && first->column && last->column) {
    range = {0,
             std::min(*first->column, *last->column),
             kMaxRows - 1,
             std::max(*first->column, *last->column),
             true,
             false};
  } else if (!first->column && !last->column && first->row && last->row) {
    range = {std::min(*first->row, *last->row),
             0,
             std::max(*first->row, *last->row),
             kMaxColumns - 1,
             false,
             true};
  } else {
    return BadAddress(whole, "both ends must be cells, columns or rows alike");
  }
  return range;
}

bool LooksLikeCellReference(std::string_view name) {
  size_t at = 0;
  while (at < name.size() && std::isalpha(static_cast<unsigned char>(name[at]))) ++at;
  if (at == 0 || at > 3 || at == name.size()) return false;
  return std::all_of(name.begin() + static_cast<std::ptrdiff_t>(at), name.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

bool LooksLikeR1C1(std::string_view name) {
  if (name.empty() || std::toupper(static_cast<unsigned char>(name[0])) != 'R') {
    return name.size() == 1 && std::toupper(static_cast<unsigned char>(name[0])) == 'C';
  }
  size_t at = 1;
  while (at < name.size() && std::isdigit(static_cast<unsigned char>(name[at]))) ++at;
  if (at == name.size()) return true;  // "R", "R12"
  if (std::toupper(static_cast<unsigned char>(name[at])) != 'C') return false;
  ++at;
  while (at < name.size() && std::isdigit(static_cast<unsigned char>(name[at]))) ++at;
  return at == name.size();
}

}  // namespace

core::Result<SheetAddress> ParseAddress(std::string_view text) {
  auto split = SplitSheet(text);
  if (!split) return split.error();
  auto range = ParseRange(text, split->second);
  if (!range) return range.error();
  return SheetAddress{std::move(split->first), *range};
}

std::string ColumnLetters(int column) {
  std::string letters;
  for (int n = column + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

std::string FormatRange(const GridRange& range) {
  if (range.whole_columns) {
    return ColumnLetters(range.first_column) + ":" + ColumnLetters(range.last_column);
  }
  if (range.whole_rows) {
    return std::to_string(range.first_row + 1) + ":" + std::to_string(range.last_row + 1);
  }
  std::string first = ColumnLetters(range.first_column) + std::to_string(range.first_row + 1);
  if (range.rows() == 1 && range.columns() == 1) return first;
  return first + ":" + ColumnLetters(range.last_column) + std::to_string(range.last_row + 1);
}

std::string QuoteSheetName(std::string_view name) {
  const bool plain =
      !name.empty() && !std::isdigit(static_cast<unsigned char>(name[0])) && name[0] != '.' &&
      std::all_of(name.begin(), name.end(),
                  [](char c) {
                    const auto byte = static_cast<unsigned char>(c);
                    return byte >= 0x80 || std::isalnum(byte) || c == '_' || c == '.';
                  }) &&
      !LooksLikeCellReference(name) && !LooksLikeR1C1(name);
  if (plain) return std::string(name);
  std::string quoted = "'";
  for (char c : name) {
    if (c == '\'') quoted.push_back('\'');
    quoted.push_back(c);
  }
  return quoted + "'";
}

std::string QualifiedAddress(std::string_view sheet_name, const GridRange& range) {
  return QuoteSheetName(sheet_name) + "!" + FormatRange(range);
}

}  // namespace xlsync::fakes
