#include "excel/display_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <tuple>
#include <utility>
#include <vector>

#include "core/text.h"
#include "excel/format_code.h"

namespace xlsync::excel {
namespace {

using Token = FormatToken;

// |value| rounded half away from zero to `decimals` places, after Excel's rounding to 15
// significant digits (msgraph.md §6.5), so 1.005 shows as 1.01 and 2.5 as 3: integer digits
// (no leading zeros, "0" for none) and exactly `decimals` fraction digits.
std::pair<std::string, std::string> RoundedDecimal(double magnitude, int decimals) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.14e", magnitude);  // d.dddddddddddddde+XX
  const std::string text = buffer;
  const size_t e = text.find('e');
  const std::string digits = text.substr(0, 1) + text.substr(2, e - 2);
  const int point = std::atoi(text.c_str() + e + 1) + 1;  // digits before the decimal point
  std::string whole;
  std::string fraction;
  if (point <= 0) {
    whole = "0";
    fraction = std::string(static_cast<size_t>(-point), '0') + digits;
  } else if (static_cast<size_t>(point) >= digits.size()) {
    whole = digits + std::string(static_cast<size_t>(point) - digits.size(), '0');
  } else {
    whole = digits.substr(0, static_cast<size_t>(point));
    fraction = digits.substr(static_cast<size_t>(point));
  }
  const auto places = static_cast<size_t>(decimals);
  bool carry = fraction.size() > places && fraction[places] >= '5';
  fraction.resize(places, '0');
  for (size_t i = fraction.size(); carry && i-- > 0;) {
    carry = fraction[i] == '9';
    fraction[i] = carry ? '0' : static_cast<char>(fraction[i] + 1);
  }
  for (size_t i = whole.size(); carry && i-- > 0;) {
    carry = whole[i] == '9';
    whole[i] = carry ? '0' : static_cast<char>(whole[i] + 1);
  }
  if (carry) whole.insert(whole.begin(), '1');
  const size_t first = whole.find_first_not_of('0');
  whole = first == std::string::npos ? "0" : whole.substr(first);
  return {whole, fraction};
}

std::string Grouped(const std::string& digits) {
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

bool IsPlaceholder(const Token& token) {
  return token.code && (token.text == "0" || token.text == "#" || token.text == "?" ||
                        token.text == "." || token.text == "," || token.text == "E+" ||
                        token.text == "E-");
}

/// The digit layout of a numeric section ("#,##0.00": thousands, 1 integer digit, 2 decimals).
struct NumberLayout {
  int min_integer_digits = 0;
  int forced_decimals = 0;
  int optional_decimals = 0;
  int exponent_digits = -1;  // -1: not scientific
  bool thousands = false;
  int scale_thousands = 0;  // trailing commas divide by 1,000 each
  int percents = 0;
};

NumberLayout LayoutOf(const std::vector<Token>& tokens, size_t first, size_t last) {
  NumberLayout layout;
  bool after_point = false;
  for (size_t i = first; i <= last; ++i) {
    const std::string& code = tokens[i].text;
    if (!tokens[i].code) continue;
    if (code == ".") after_point = true;
    if (code == "E+" || code == "E-") layout.exponent_digits = 0;
    if (code == "0" && layout.exponent_digits >= 0) {
      ++layout.exponent_digits;
    } else if (code == "0" || code == "#" || code == "?") {
      int& count = after_point ? (code == "0" ? layout.forced_decimals : layout.optional_decimals)
                               : layout.min_integer_digits;
      if (after_point || code == "0") ++count;
    }
    if (code == "," && !after_point) {
      const bool digit_follows = i < last && tokens[i + 1].code && tokens[i + 1].text != ".";
      if (digit_follows) {
        layout.thousands = true;
      } else {
        ++layout.scale_thousands;
      }
    }
  }
  for (const Token& token : tokens) layout.percents += token.code && token.text == "%" ? 1 : 0;
  return layout;
}

std::string DigitsText(double magnitude, const NumberLayout& layout) {
  int exponent = 0;
  if (layout.exponent_digits >= 0 && magnitude != 0) {
    exponent = static_cast<int>(std::floor(std::log10(magnitude)));
    magnitude /= std::pow(10.0, exponent);
  }
  const int decimals = layout.forced_decimals + layout.optional_decimals;
  auto [whole, fraction] = RoundedDecimal(magnitude, decimals);
  if (layout.exponent_digits >= 0 && whole.size() > 1) {  // 9.99 rounded up to 10.0
    ++exponent;
    std::tie(whole, fraction) = RoundedDecimal(magnitude / 10, decimals);
  }
  while (fraction.size() > static_cast<size_t>(layout.forced_decimals) && fraction.back() == '0') {
    fraction.pop_back();
  }
  if (whole == "0" && layout.min_integer_digits == 0) whole.clear();
  if (whole.size() < static_cast<size_t>(layout.min_integer_digits)) {
    whole.insert(0, static_cast<size_t>(layout.min_integer_digits) - whole.size(), '0');
  }
  std::string text = layout.thousands ? Grouped(whole) : whole;
  if (decimals > 0) text += "." + fraction;
  if (layout.exponent_digits >= 0) {
    std::string power = std::to_string(std::abs(exponent));
    const auto width = static_cast<size_t>(std::max(layout.exponent_digits, 1));
    if (power.size() < width) power.insert(0, width - power.size(), '0');
    text += (exponent < 0 ? "E-" : "E+") + power;
  }
  return text;
}

std::string NumberText(double value, const std::vector<Token>& tokens, bool auto_sign) {
  size_t first = tokens.size();
  size_t last = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!IsPlaceholder(tokens[i])) continue;
    first = std::min(first, i);
    last = i;
  }
  std::string prefix;
  std::string suffix;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i >= first && i <= last) continue;
    (i < first ? prefix : suffix) += tokens[i].code ? (tokens[i].text == "%" ? "%" : "") : tokens[i].text;
  }
  if (first == tokens.size()) return prefix;  // a section of literals only ("-" or "n/a")
  const NumberLayout layout = LayoutOf(tokens, first, last);
  double magnitude = std::fabs(value) * std::pow(100.0, layout.percents) / std::pow(1000.0, layout.scale_thousands);
  const std::string digits = DigitsText(magnitude, layout);
  const bool shows_nonzero = digits.find_first_of("123456789") != std::string::npos;
  const std::string sign = auto_sign && value < 0 && shows_nonzero ? "-" : "";
  return sign + prefix + digits + suffix;
}

bool HasDateCode(const std::vector<Token>& tokens) {
  return std::any_of(tokens.begin(), tokens.end(), [](const Token& token) {
    return token.code && std::string_view("ymdhsA").find(token.text[0]) != std::string_view::npos;
  });
}

bool HasGeneral(const std::vector<Token>& tokens) {
  return std::any_of(tokens.begin(), tokens.end(),
                     [](const Token& token) { return token.code && token.text == "General"; });
}

std::string SectionText(double value, std::string_view format) {
  const std::vector<std::string_view> sections = SplitFormatSections(format);
  size_t pick = 0;
  if (value < 0 && sections.size() >= 2) pick = 1;
  if (value == 0 && sections.size() >= 3) pick = 2;
  const std::vector<Token> tokens = TokenizeFormat(sections[pick]);
  if (HasDateCode(tokens)) {
    if (auto date = DateSerialText(value, tokens)) return *date;
    return GeneralNumberText(value);
  }
  const bool auto_sign = pick == 0;
  if (tokens.empty() || HasGeneral(tokens)) {
    std::string text;
    for (const Token& token : tokens) {
      text += token.code ? GeneralNumberText(auto_sign ? value : std::fabs(value)) : token.text;
    }
    return tokens.empty() ? GeneralNumberText(value) : text;
  }
  return NumberText(value, tokens, auto_sign);
}

}  // namespace

std::string GeneralNumberText(double value) {
  if (!std::isfinite(value)) return "#NUM!";
  const double magnitude = std::fabs(value);
  if (magnitude < 1e11 && std::floor(magnitude) == magnitude) {
    return (value < 0 ? "-" : "") + RoundedDecimal(magnitude, 0).first;
  }
  if (magnitude >= 1e-9 && magnitude < 1e11) {
    // Ten significant digits in all, as many of them decimals as the integer part leaves.
    const int integer_digits = magnitude >= 1 ? static_cast<int>(std::floor(std::log10(magnitude))) + 1 : 0;
    const int leading_zeros = magnitude < 1 ? -static_cast<int>(std::floor(std::log10(magnitude))) - 1 : 0;
    NumberLayout layout;
    layout.min_integer_digits = 1;
    layout.optional_decimals = std::max(0, 10 - integer_digits) + leading_zeros;
    std::string text = DigitsText(magnitude, layout);
    if (text.back() == '.') text.pop_back();
    return (value < 0 && text != "0" ? "-" : "") + text;
  }
  NumberLayout scientific;
  scientific.min_integer_digits = 1;
  scientific.optional_decimals = 5;
  scientific.exponent_digits = 2;
  std::string text = DigitsText(magnitude, scientific);
  if (const size_t dot = text.find(".E"); dot != std::string::npos) text.erase(dot, 1);
  return (value < 0 ? "-" : "") + text;
}

std::string DisplayText(const core::Cell& cell, std::string_view column_format) {
  const std::string_view format = cell.number_format.empty() ? column_format : std::string_view(cell.number_format);
  switch (cell.kind) {
    case core::CellKind::kEmpty:
      return {};
    case core::CellKind::kBoolean:
      return cell.boolean ? "TRUE" : "FALSE";
    case core::CellKind::kText:
      return cell.text;
    case core::CellKind::kNumber:
    case core::CellKind::kLink:
      break;
  }
  if (format.empty() || core::EqualsIgnoreCase(format, "General") || format == "@") {
    return GeneralNumberText(cell.number);
  }
  if (!std::isfinite(cell.number)) return "#NUM!";
  return SectionText(cell.number, format);
}

}  // namespace xlsync::excel
