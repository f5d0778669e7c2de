#include "testing/fake_graph/cell_input.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "core/text.h"

namespace xlsync::fakes {
namespace {

core::Error BadInput(std::string message) {
  return core::InvalidInput(std::move(message), "invalidArgument");
}

// Days from 1970-01-01 to a civil date (H. Hinnant's days_from_civil).
long DaysFromCivil(long year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<long>(day_of_era) - 719468;
}

bool ValidDate(long year, unsigned month, unsigned day) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

/// Reads 1..max_digits digits at `at`; advances `at`.
std::optional<long> Digits(std::string_view text, size_t& at, size_t min_digits,
                           size_t max_digits) {
  long value = 0;
  size_t count = 0;
  while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])) &&
         count < max_digits) {
    value = value * 10 + (text[at++] - '0');
    ++count;
  }
  if (count < min_digits) return std::nullopt;
  return value;
}

CellInput Text(std::string text, bool quote_prefix = false) {
  CellInput input;
  input.value.kind = ValueKind::kText;
  input.value.text = std::move(text);
  input.value.quote_prefix = quote_prefix;
  return input;
}

core::Result<std::optional<CellInput>> ParseText(const std::string& text, bool text_formatted,
                                                 bool formulas_property) {
  // A leading apostrophe is the quote prefix, not part of the value (msgraph.md §6.5).
  const size_t prefix = !text.empty() && text.front() == '\'' ? 1 : 0;
  if (CellInputParser::Utf16Length(text) - prefix > kMaxCellText) {
    return BadInput("The text is longer than the 32,767 characters a cell can hold.");
  }
  CellInput input;
  if (text.empty()) {
    input.reset_format = true;
    return std::optional(input);
  }
  if (text.front() == '\'') return std::optional(Text(text.substr(1), true));
  if (text_formatted) return std::optional(Text(text));
  if (formulas_property && text.front() == '=') {
    input = Text(text);
    input.value.formula = true;
    return std::optional(input);
  }
  if (core::EqualsIgnoreCase(text, "TRUE") || core::EqualsIgnoreCase(text, "FALSE")) {
    input.value.kind = ValueKind::kBoolean;
    input.value.boolean = core::EqualsIgnoreCase(text, "TRUE");
    return std::optional(input);
  }
  std::string implied;
  std::optional<double> number = CellInputParser::TypedNumber(text, &implied);
  if (!number) number = CellInputParser::TypedDate(text, &implied);
  if (number) {
    input.value.kind = ValueKind::kNumber;
    input.value.number = *number;
    if (!implied.empty()) input.implied_format = implied;
    return std::optional(input);
  }
  input = Text(text);
  // Office.js Range.values: text starting with =, + or - is interpreted as a formula (§6.4).
  input.value.formula = text.size() > 1 && (text[0] == '=' || text[0] == '+' || text[0] == '-');
  return std::optional(input);
}

}  // namespace

core::Result<std::optional<CellInput>> CellInputParser::Parse(const nlohmann::json& entry,
                                                              bool text_formatted,
                                                              bool formulas_property) {
  if (entry.is_null()) return std::optional<CellInput>();
  CellInput input;
  if (entry.is_boolean()) {
    input.value.kind = ValueKind::kBoolean;
    input.value.boolean = entry.get<bool>();
    return std::optional(input);
  }
  if (entry.is_number()) {
    const double number = entry.get<double>();
    if (!std::isfinite(number) || std::fabs(number) > kMaxCellNumber) {
      return BadInput(
          "The number is outside the range Excel can store (about ±9.99999999999999E+307).");
    }
    input.value.kind = ValueKind::kNumber;
    input.value.number = number;
    return std::optional(input);
  }
  if (entry.is_string())
    return ParseText(entry.get_ref<const std::string&>(), text_formatted, formulas_property);
  return BadInput("Each cell value must be a string, a number, a boolean or null.");
}

std::optional<double> CellInputParser::TypedNumber(std::string_view text,
                                                   std::string* implied_format) {
  text = core::Trim(text);
  std::string plain;
  size_t at = 0;
  if (at < text.size() && (text[at] == '+' || text[at] == '-')) plain.push_back(text[at++]);
  size_t integer_digits = 0, group = 0;
  bool grouped = false;
  for (; at < text.size(); ++at) {
    const char c = text[at];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      plain.push_back(c);
      ++integer_digits;
      ++group;
    } else if (c == ',' && integer_digits > 0 && (!grouped || group == 3)) {
      grouped = true;
      group = 0;
    } else {
      break;
    }
  }
  if (grouped && group != 3) return std::nullopt;
  size_t decimals = 0;
  if (at < text.size() && text[at] == '.') {
    plain.push_back(text[at++]);
    while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) {
      plain.push_back(text[at++]);
      ++decimals;
    }
  }
  if (integer_digits + decimals == 0) return std::nullopt;
  bool exponent = false;
  if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
    plain.push_back('e');
    ++at;
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) plain.push_back(text[at++]);
    const size_t before = plain.size();
    while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])))
      plain.push_back(text[at++]);
    if (plain.size() == before) return std::nullopt;
    exponent = true;
  }
  const bool percent = at < text.size() && text[at] == '%';
  if (percent) ++at;
  if (at != text.size()) return std::nullopt;
  double value = std::strtod(plain.c_str(), nullptr);
  if (percent) value /= 100;
  if (!std::isfinite(value) || std::fabs(value) > kMaxCellNumber) return std::nullopt;
  const std::string fraction = decimals > 0 ? ".00" : "";
  if (percent) {
    *implied_format = "0" + fraction + "%";
  } else if (exponent) {
    *implied_format = "0.00E+00";
  } else if (grouped) {
    *implied_format = "#,##0" + fraction;
  }
  return value;
}

std::optional<double> CellInputParser::TypedDate(std::string_view text,
                                                 std::string* implied_format) {
  text = core::Trim(text);
  size_t at = 0;
  long year = 0, month = 0, day = 0;
  std::string format;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    auto y = Digits(text, at, 4, 4);
    if (!y || text[at++] != '-') return std::nullopt;
    auto m = Digits(text, at, 2, 2);
    if (!m || text[at++] != '-') return std::nullopt;
    auto d = Digits(text, at, 2, 2);
    if (!d) return std::nullopt;
    year = *y, month = *m, day = *d;
    format = "yyyy-mm-dd";
  } else {
    auto m = Digits(text, at, 1, 2);
    if (!m || at >= text.size() || text[at++] != '/') return std::nullopt;
    auto d = Digits(text, at, 1, 2);
    if (!d || at >= text.size() || text[at++] != '/') return std::nullopt;
    auto y = Digits(text, at, 4, 4);
    if (!y) return std::nullopt;
    year = *y, month = *m, day = *d;
    format = "m/d/yyyy";
  }
  if (at != text.size()) return std::nullopt;
  if (!ValidDate(year, static_cast<unsigned>(month), static_cast<unsigned>(day)))
    return std::nullopt;
  long serial = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) -
                DaysFromCivil(1899, 12, 30);
  // Excel's phantom 1900-02-29 (serial 60) shifts every earlier date down by one (§6.5).
  if (serial < 61) --serial;
  *implied_format = format;
  return static_cast<double>(serial);
}

std::size_t CellInputParser::Utf16Length(std::string_view text) {
  std::size_t units = 0;
  for (unsigned char byte : text) {
    if ((byte & 0xC0) == 0x80) continue;  // continuation byte
    units += byte >= 0xF0 ? 2 : 1;        // 4-byte sequences need a surrogate pair
  }
  return units;
}

}  // namespace xlsync::fakes
