#include "testing/fake_graph/number_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text.h"

namespace xlsync::fakes {
namespace {

bool IsDateFormat(std::string_view format) {
  const std::string lower = core::ToLower(format);
  return lower.find('y') != std::string::npos || lower.find('d') != std::string::npos ||
         lower.find("h") != std::string::npos || lower.find("ss") != std::string::npos;
}

// Civil date from days since 1970-01-01 (H. Hinnant's civil_from_days).
void CivilFromDays(long days, long& year, unsigned& month, unsigned& day) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned month_index = (5 * day_of_year + 2) / 153;
  day = day_of_year - (153 * month_index + 2) / 5 + 1;
  month = month_index < 10 ? month_index + 3 : month_index - 9;
  year = static_cast<long>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0);
}

std::string Pad(long value, int width) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "%0*ld", width, value);
  return buffer;
}

std::string RenderDate(double serial, std::string_view format) {
  if (serial < 0) return NumberText::General(serial);
  long whole = static_cast<long>(std::floor(serial));
  long seconds = std::lround((serial - static_cast<double>(whole)) * 86400.0);
  if (seconds >= 86400) seconds -= 86400, ++whole;
  long year = 1899;
  unsigned month = 12, day = 31;
  if (whole >= 1) CivilFromDays(whole + (whole < 61 ? 1 : 0) - 25569, year, month, day);
  std::string out;
  bool after_hour = false;
  for (size_t at = 0; at < format.size();) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(format[at])));
    size_t run = 1;
    while (at + run < format.size() &&
           std::tolower(static_cast<unsigned char>(format[at + run])) == c) {
      ++run;
    }
    if (c == 'y') {
      out += run <= 2 ? Pad(year % 100, 2) : Pad(year, 4);
    } else if (c == 'm') {
      out += after_hour ? Pad(seconds / 60 % 60, 2) : Pad(month, run >= 2 ? 2 : 1);
    } else if (c == 'd') {
      out += Pad(day, run >= 2 ? 2 : 1);
    } else if (c == 'h') {
      out += Pad(seconds / 3600, run >= 2 ? 2 : 1);
      after_hour = true;
    } else if (c == 's') {
      out += Pad(seconds % 60, 2);
    } else {
      out.append(format.substr(at, run));
    }
    at += run;
  }
  return out;
}

std::string RenderFixed(double number, std::string_view format) {
  const bool percent = format.find('%') != std::string_view::npos;
  const bool grouped = format.find(',') != std::string_view::npos;
  const auto point = format.find('.');
  int decimals = 0;
  if (point != std::string_view::npos) {
    while (point + 1 + static_cast<size_t>(decimals) < format.size() &&
           (format[point + 1 + static_cast<size_t>(decimals)] == '0' ||
            format[point + 1 + static_cast<size_t>(decimals)] == '#')) {
      ++decimals;
    }
  }
  char buffer[400];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, percent ? number * 100 : number);
  const std::string_view plain = buffer;
  std::string digits;
  const size_t start = plain[0] == '-' ? 1 : 0;
  const size_t end = std::min(plain.find('.'), plain.size());
  for (size_t at = 0; at < plain.size(); ++at) {
    // A thousands separator before every third integer digit counted from the point.
    if (grouped && at > start && at < end && (end - at) % 3 == 0) digits.push_back(',');
    digits.push_back(plain[at]);
  }
  if (percent) digits.push_back('%');
  return digits;
}

}  // namespace

std::string NumberText::Render(const CellView& cell) {
  switch (cell.kind) {
    case ValueKind::kEmpty:
      return "";
    case ValueKind::kBoolean:
      return cell.boolean ? "TRUE" : "FALSE";
    case ValueKind::kText:
      return std::string(cell.text);
    case ValueKind::kNumber:
      break;
  }
  const std::string_view format = cell.number_format;
  if (format == "General" || format == "@") return General(cell.number);
  if (IsDateFormat(format)) return RenderDate(cell.number, format);
  if (format.find('0') != std::string_view::npos || format.find('#') != std::string_view::npos) {
    return RenderFixed(cell.number, format);
  }
  return General(cell.number);
}

std::string NumberText::General(double number) {
  char buffer[64];
  if (number == std::floor(number) && std::fabs(number) < 1e11) {
    std::snprintf(buffer, sizeof buffer, "%.0f", number);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.10G", number);
  }
  return buffer;
}

}  // namespace xlsync::fakes
