#include "excel/format_code.h"

#include <date/date.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/text.h"

namespace xlsync::excel {
namespace {

constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
constexpr const char* kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
// Serial of 9999-12-31, the last date Excel shows (msgraph.md §6.5).
constexpr double kLastSerial = 2958465;

// Bytes of the UTF-8 character at `i` (1 for ASCII and stray bytes), 0 past the end.
size_t CharLength(std::string_view text, size_t i) {
  if (i >= text.size()) return 0;
  const auto lead = static_cast<unsigned char>(text[i]);
  size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  return std::min(length, text.size() - i);
}

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool IsDateLetter(char c) { return std::string_view("ymdhs").find(c) != std::string_view::npos; }

std::string Padded(long long value, size_t width) {
  std::string text = std::to_string(value);
  if (text.size() < width) text.insert(0, width - text.size(), '0');
  return text;
}

/// The date letter of the nearest date code before (step -1) or after (step +1) token `k`.
char NeighbourDateCode(const std::vector<FormatToken>& tokens, size_t k, int step) {
  for (auto i = static_cast<long>(k) + step; i >= 0 && i < static_cast<long>(tokens.size()); i += step) {
    const FormatToken& token = tokens[static_cast<size_t>(i)];
    if (token.code && IsDateLetter(token.text[0])) return token.text[0];
  }
  return '\0';
}

/// The calendar parts of a serial, with Excel's fictitious 1900-02-29 (serial 60).
struct DateParts {
  int year = 1900;
  unsigned month = 1;
  unsigned day = 1;
  unsigned weekday = 0;  // 0 = Sunday
  long long hour = 0;
  long long minute = 0;
  long long second = 0;
};

DateParts PartsOf(double serial) {
  const long long total = std::llround(serial * 86'400.0);
  const long long days = total / 86'400;
  DateParts parts;
  parts.hour = total % 86'400 / 3'600;
  parts.minute = total % 3'600 / 60;
  parts.second = total % 60;
  // Serials before 61 count from 1899-12-31, because Excel believes 1900 was a leap year.
  const date::sys_days base = date::sys_days{date::year{1899} / 12 / (days < 61 ? 31 : 30)};
  const date::sys_days when = base + date::days{days == 60 ? 59 : days};
  const date::year_month_day ymd{when};
  parts.year = static_cast<int>(ymd.year());
  parts.month = static_cast<unsigned>(ymd.month());
  parts.day = days == 60 ? 29 : static_cast<unsigned>(ymd.day());
  parts.weekday = date::weekday{when}.c_encoding();
  return parts;
}

std::string MonthText(unsigned month, size_t letters) {
  const std::string name = kMonths[month - 1];
  if (letters >= 5) return name.substr(0, 1);
  if (letters == 4) return name;
  if (letters == 3) return name.substr(0, 3);
  return Padded(month, letters);
}

std::string DateCodeText(const std::vector<FormatToken>& tokens, size_t k, const DateParts& parts, bool twelve_hours) {
  const std::string& code = tokens[k].text;
  const size_t n = code.size();
  switch (code[0]) {
    case 'y':
      return n <= 2 ? Padded(parts.year % 100, 2) : Padded(parts.year, 4);
    case 'm':
      if (n <= 2 && (NeighbourDateCode(tokens, k, -1) == 'h' || NeighbourDateCode(tokens, k, +1) == 's')) {
        return Padded(parts.minute, n);
      }
      return MonthText(parts.month, n);
    case 'd':
      if (n >= 3) return n == 3 ? std::string(kWeekdays[parts.weekday]).substr(0, 3) : kWeekdays[parts.weekday];
      return Padded(parts.day, n);
    case 'h': {
      const long long hour = twelve_hours ? (parts.hour % 12 == 0 ? 12 : parts.hour % 12) : parts.hour;
      return Padded(hour, std::min<size_t>(n, 2));
    }
    case 's':
      return Padded(parts.second, std::min<size_t>(n, 2));
    default:
      break;
  }
  if (code == "AM/PM") return parts.hour < 12 ? "AM" : "PM";
  if (code == "A/P") return parts.hour < 12 ? "A" : "P";
  return code;
}

}  // namespace

std::vector<std::string_view> SplitFormatSections(std::string_view format) {
  std::vector<std::string_view> sections;
  size_t start = 0;
  char closing = '\0';  // inside "..." or [...] until this character
  for (size_t i = 0; i < format.size(); ++i) {
    const char c = format[i];
    if (closing != '\0') {
      if (c == closing) closing = '\0';
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '"' || c == '[') {
      closing = c == '"' ? '"' : ']';
    } else if (c == ';') {
      sections.push_back(format.substr(start, i - start));
      start = i + 1;
    }
  }
  sections.push_back(format.substr(start));
  return sections;
}

std::vector<FormatToken> TokenizeFormat(std::string_view s) {
  std::vector<FormatToken> tokens;
  const auto literal = [&tokens](std::string_view text) {
    if (text.empty()) return;
    if (!tokens.empty() && !tokens.back().code) {
      tokens.back().text += text;
    } else {
      tokens.push_back({false, std::string(text)});
    }
  };
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    const std::string_view rest = s.substr(i);
    if (c == '"' || c == '[') {
      const size_t end = std::min(s.find(c == '"' ? '"' : ']', i + 1), s.size());
      const std::string_view inner = s.substr(i + 1, end - i - 1);
      if (c == '"') literal(inner);
      if (c == '[' && !inner.empty() && inner[0] == '$') literal(inner.substr(1, inner.find('-') - 1));
      i = end + 1;
    } else if (c == '\\' || c == '_' || c == '*') {
      const size_t length = CharLength(s, i + 1);
      if (c == '\\') literal(s.substr(i + 1, length));
      if (c == '_') literal(" ");
      i += 1 + length;
    } else if (core::StartsWithIgnoreCase(rest, "AM/PM") || core::StartsWithIgnoreCase(rest, "A/P") ||
               core::StartsWithIgnoreCase(rest, "General")) {
      const size_t length = Lower(c) == 'g' ? 7 : rest.size() >= 5 && rest[2] == '/' ? 5 : 3;
      tokens.push_back({true, Lower(c) == 'g' ? "General" : length == 5 ? "AM/PM" : "A/P"});
      i += length;
    } else if ((c == 'E' || c == 'e') && i + 1 < s.size() && (s[i + 1] == '+' || s[i + 1] == '-')) {
      tokens.push_back({true, std::string("E") + s[i + 1]});
      i += 2;
    } else if (std::string_view("0#?.,%").find(c) != std::string_view::npos) {
      tokens.push_back({true, std::string(1, c)});
      ++i;
    } else if (IsDateLetter(Lower(c))) {
      size_t end = i;
      while (end < s.size() && Lower(s[end]) == Lower(c)) ++end;
      tokens.push_back({true, std::string(end - i, Lower(c))});
      i = end;
    } else {
      const size_t length = std::max<size_t>(1, CharLength(s, i));
      literal(s.substr(i, length));
      i += length;
    }
  }
  return tokens;
}

std::optional<std::string> DateSerialText(double serial, const std::vector<FormatToken>& tokens) {
  if (!(serial >= 0 && serial < kLastSerial + 1)) return std::nullopt;
  const DateParts parts = PartsOf(serial);
  const bool twelve_hours = std::any_of(tokens.begin(), tokens.end(), [](const FormatToken& token) {
    return token.code && (token.text == "AM/PM" || token.text == "A/P");
  });
  std::string text;
  for (size_t k = 0; k < tokens.size(); ++k) {
    text += tokens[k].code ? DateCodeText(tokens, k, parts, twelve_hours) : tokens[k].text;
  }
  return text;
}

}  // namespace xlsync::excel
