#include "testing/fake_graph/tables.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/text.h"

namespace xlsync::fakes {
namespace {

constexpr std::string_view kInvalidArgument = "invalidArgument";

core::Error BadName(std::string_view name, std::string_view why) {
  return core::InvalidInput(
      "The table name '" + std::string(name) + "' is not valid: " + std::string(why) + ".",
      std::string(kInvalidArgument));
}

bool IsLetter(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || std::isalpha(byte);  // any non-ASCII character counts as a letter
}

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

/// "A1" .. "XFD1048576": letters naming a column within XFD, then a row within the grid.
bool IsA1Reference(std::string_view name) {
  size_t at = 0;
  long column = 0;
  while (at < name.size() && std::isalpha(static_cast<unsigned char>(name[at])) && at < 4) {
    column = column * 26 + (std::toupper(static_cast<unsigned char>(name[at])) - 'A' + 1);
    ++at;
  }
  if (at == 0 || at > 3 || at == name.size() || column > kMaxColumns) return false;
  long row = 0;
  for (size_t digit = at; digit < name.size(); ++digit) {
    if (!IsDigit(name[digit]) || (row = row * 10 + (name[digit] - '0')) > kMaxRows) return false;
  }
  return row >= 1;
}

/// "R", "C", "R1", "C2", "RC", "R1C1", "R2C", "RC3" in any case.
bool IsR1C1Reference(std::string_view name) {
  size_t at = 0;
  bool any = false;
  if (at < name.size() && std::toupper(static_cast<unsigned char>(name[at])) == 'R') {
    any = true;
    for (++at; at < name.size() && IsDigit(name[at]);) ++at;
  }
  if (at < name.size() && std::toupper(static_cast<unsigned char>(name[at])) == 'C') {
    any = true;
    for (++at; at < name.size() && IsDigit(name[at]);) ++at;
  }
  return any && at == name.size();
}

std::string TableId(int number) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "{%08X-A7C1-4E2B-9D3F-%012X}",
                static_cast<unsigned>(0x3F6A0000u + static_cast<unsigned>(number)),
                static_cast<unsigned>(number));
  return buffer;
}

}  // namespace

Table* Tables::Find(std::string_view id_or_name) {
  for (auto& table : tables_) {
    if (core::EqualsIgnoreCase(table.id, id_or_name) || table.legacy_id == id_or_name ||
        core::EqualsIgnoreCase(table.name, id_or_name)) {
      return &table;
    }
  }
  return nullptr;
}

std::vector<Table*> Tables::OnSheet(std::string_view sheet_id) {
  std::vector<Table*> found;
  for (auto& table : tables_) {
    if (table.sheet_id == sheet_id) found.push_back(&table);
  }
  return found;
}

std::vector<const Table*> Tables::OnSheet(std::string_view sheet_id) const {
  std::vector<const Table*> found;
  for (const auto& table : tables_) {
    if (table.sheet_id == sheet_id) found.push_back(&table);
  }
  return found;
}

const Table* Tables::Overlapping(std::string_view sheet_id, const GridRange& range,
                                 std::string_view except_id) const {
  for (const auto& table : tables_) {
    if (table.sheet_id != sheet_id || table.id == except_id) continue;
    const GridRange other = table.Range();
    if (other.first_row <= range.last_row && range.first_row <= other.last_row &&
        other.first_column <= range.last_column && range.first_column <= other.last_column) {
      return &table;
    }
  }
  return nullptr;
}

Table& Tables::Add(Table table) {
  const int number = next_number_++;
  table.id = TableId(number);
  table.legacy_id = std::to_string(number);
  if (table.name.empty()) {
    for (int n = 1;; ++n) {
      table.name = "Table" + std::to_string(n);
      if (!Find(table.name)) break;
    }
  }
  tables_.push_back(std::move(table));
  return tables_.back();
}

void Tables::Remove(std::string_view id) {
  const std::string key(id);  // `id` may view a table that erase_if moves
  std::erase_if(tables_, [&](const Table& table) { return table.id == key; });
}

void Tables::RemoveOnSheet(std::string_view sheet_id) {
  const std::string key(sheet_id);
  std::erase_if(tables_, [&](const Table& table) { return table.sheet_id == key; });
}

void Tables::Clear() {
  tables_.clear();
  next_number_ = 1;
}

void Tables::SyncHeaders(std::string_view sheet_id, const GridRange& touched, SheetCells& cells) {
  for (Table* table : OnSheet(sheet_id)) {
    const GridRange header = table->HeaderRange();
    if (table->show_headers && touched.first_row <= header.first_row &&
        header.first_row <= touched.last_row && touched.first_column <= header.last_column &&
        header.first_column <= touched.last_column) {
      table->SyncHeader(cells);
    }
  }
}

core::Result<void> Tables::CheckName(std::string_view name, std::string_view except_id) const {
  if (name.empty()) return BadName(name, "it is empty");
  if (name.size() > 255) return BadName(name, "it is longer than 255 characters");
  if (!IsLetter(name[0]) && name[0] != '_' && name[0] != '\\') {
    return BadName(name, "it must start with a letter, an underscore or a backslash");
  }
  for (char c : name.substr(1)) {
    if (!IsLetter(c) && !IsDigit(c) && c != '.' && c != '_') {
      return BadName(name, "use only letters, digits, periods and underscores");
    }
  }
  if (IsA1Reference(name) || IsR1C1Reference(name)) {
    return BadName(name, "it looks like a cell reference");
  }
  for (const auto& table : tables_) {
    if (table.id != except_id && core::EqualsIgnoreCase(table.name, name)) {
      return BadName(name, "another table of this workbook already has that name");
    }
  }
  return {};
}

core::Result<std::string> Tables::CheckStyle(std::string_view style) {
  struct Family {
    std::string_view name;
    int count;
  };
  constexpr Family kFamilies[] = {{"Light", 21}, {"Medium", 28}, {"Dark", 11}};
  constexpr std::string_view kPrefix = "TableStyle";
  if (core::StartsWithIgnoreCase(style, kPrefix)) {
    const std::string_view rest = style.substr(kPrefix.size());
    for (const Family& family : kFamilies) {
      if (!core::StartsWithIgnoreCase(rest, family.name)) continue;
      const std::string_view digits = rest.substr(family.name.size());
      if (digits.empty() || digits.size() > 2 || digits[0] == '0' ||
          !std::all_of(digits.begin(), digits.end(), IsDigit)) {
        break;
      }
      const int number = std::stoi(std::string(digits));  // one or two digits: cannot throw
      if (number > family.count) break;
      return std::string(kPrefix) + std::string(family.name) + std::string(digits);
    }
  }
  return core::InvalidInput("The table style '" + std::string(style) +
                                "' does not exist: use TableStyleLight1 to 21, "
                                "TableStyleMedium1 to 28 or TableStyleDark1 to 11.",
                            std::string(kInvalidArgument));
}

}  // namespace xlsync::fakes
