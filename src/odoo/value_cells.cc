#include "odoo/value_cells.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>

#include "excel/serial_date.h"
#include "odoo/html_text.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

bool IsEmpty(const json& value) { return value.is_null() || value == false; }

std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

core::Cell Nearest(const json& value) {
  if (IsEmpty(value)) return core::Cell::Empty();
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    return text.empty() ? core::Cell::Empty() : core::Cell::Text(text);
  }
  if (value.is_number()) return core::Cell::Number(value.get<double>());
  if (value.is_boolean()) return core::Cell::Boolean(value.get<bool>());
  return core::Cell::Text(Dump(value));
}

bool ReadInt(std::string_view text, int& number) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

std::optional<date::year_month_day> ParseDate(std::string_view text) {
  int year = 0, month = 0, day = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ReadInt(text.substr(0, 4), year) ||
      !ReadInt(text.substr(5, 2), month) || !ReadInt(text.substr(8, 2), day)) {
    return std::nullopt;
  }
  const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

core::Cell SerialOrText(const core::Result<double>& serial, const std::string& text) {
  return serial ? core::Cell::Number(*serial) : core::Cell::Text(text);
}

// The size of base64 content once decoded.
double DecodedSize(const std::string& base64) {
  const size_t padding = base64.ends_with("==") ? 2 : base64.ends_with('=') ? 1 : 0;
  return static_cast<double>(base64.size() / 4 * 3 - std::min(padding, base64.size() / 4 * 3));
}

bool IsSizeText(std::string_view text) {
  static constexpr std::array<std::string_view, 5> kUnits = {" bytes", " Kb", " Mb", " Gb", " Tb"};
  if (text.size() > 24 || text.empty() || !std::isdigit(static_cast<unsigned char>(text[0]))) {
    return false;
  }
  return std::any_of(kUnits.begin(), kUnits.end(),
                     [&](std::string_view unit) { return text.ends_with(unit); });
}

}  // namespace

core::Cell TextCell(const json& value) { return Nearest(value); }

core::Cell HtmlCell(const json& value) {
  if (!value.is_string()) return Nearest(value);
  const std::string text = HtmlToText(value.get_ref<const std::string&>());
  return text.empty() ? core::Cell::Empty() : core::Cell::Text(text);
}

core::Cell NumberCell(const json& value) { return Nearest(value); }

core::Cell BooleanCell(const json& value) {
  if (value.is_boolean()) return core::Cell::Boolean(value.get<bool>());
  return Nearest(value);
}

core::Cell DateCell(const json& value) {
  if (!value.is_string()) return Nearest(value);
  const auto& text = value.get_ref<const std::string&>();
  const auto ymd = ParseDate(text);
  if (!ymd) return Nearest(value);
  return SerialOrText(
      excel::DateSerial(static_cast<int>(ymd->year()), static_cast<unsigned>(ymd->month()),
                        static_cast<unsigned>(ymd->day())),
      text);
}

core::Cell DatetimeCell(const json& value, const date::time_zone* zone) {
  if (!value.is_string()) return Nearest(value);
  const auto& text = value.get_ref<const std::string&>();
  const auto utc = ParseOdooDatetime(text);
  if (!utc) return Nearest(value);
  // Odoo stores and sends UTC (§9.2); the sheet shows the task's wall-clock time, so the offset
  // is the one in force at that instant (DST-correct), not today's.
  const date::local_seconds local =
      zone ? zone->to_local(*utc) : date::local_seconds{utc->time_since_epoch()};
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> time{local - day};
  return SerialOrText(
      excel::DateTimeSerial(
          static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day()), static_cast<int>(time.hours().count()),
          static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count())),
      text);
}

core::Cell SelectionCell(const json& value, const Field& field) {
  if (IsEmpty(value) || !(value.is_string() || value.is_number())) return Nearest(value);
  const std::string key = SelectionKey(value);
  for (const auto& [option, label] : field.selection) {
    if (option == key) return core::Cell::Text(label);
  }
  return key.empty() ? core::Cell::Empty() : core::Cell::Text(key);
}

core::Cell Many2oneCell(const json& value) {
  if (value.is_array() && value.size() >= 2) {
    if (value[1].is_string()) return core::Cell::Text(value[1].get<std::string>());
    return Nearest(value[0]);
  }
  return Nearest(value);
}

std::optional<int64_t> Many2oneId(const json& value) {
  if (value.is_array() && !value.empty() && value[0].is_number_integer()) {
    return value[0].get<int64_t>();
  }
  if (value.is_number_integer() && value.get<int64_t>() > 0) return value.get<int64_t>();
  return std::nullopt;
}

core::Cell Many2oneReferenceCell(const json& value) {
  if (value == 0) return core::Cell::Empty();
  return Nearest(value);
}

core::Cell JsonCell(const json& value) {
  if (IsEmpty(value) || value.is_string()) return Nearest(value);
  if (value.is_array() && value.empty()) return core::Cell::Empty();
  return core::Cell::Text(Dump(value));
}

core::Cell BinaryPlaceholderCell(const json& value) {
  if (IsEmpty(value)) return core::Cell::Empty();
  if (!value.is_string()) return core::Cell::Text("[file]");
  const auto& text = value.get_ref<const std::string&>();
  if (text.empty()) return core::Cell::Empty();
  return core::Cell::Text("[file: " + (IsSizeText(text) ? text : HumanSize(DecodedSize(text))) +
                          "]");
}

std::vector<int64_t> X2manyIds(const json& value) {
  std::vector<int64_t> ids;
  if (!value.is_array()) return ids;
  for (const json& id : value) {
    if (id.is_number_integer()) ids.push_back(id.get<int64_t>());
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::optional<date::sys_seconds> ParseOdooDatetime(std::string_view text) {
  const auto ymd = ParseDate(text.substr(0, std::min<size_t>(text.size(), 10)));
  if (!ymd) return std::nullopt;
  const date::sys_days day{*ymd};
  if (text.size() == 10) return date::sys_seconds{day};
  int hour = 0, minute = 0, second = 0;
  if (text.size() < 19 || (text[10] != ' ' && text[10] != 'T') || text[13] != ':' ||
      text[16] != ':' || !ReadInt(text.substr(11, 2), hour) ||
      !ReadInt(text.substr(14, 2), minute) || !ReadInt(text.substr(17, 2), second) || hour > 23 ||
      minute > 59 || second > 59) {
    return std::nullopt;
  }
  if (text.size() > 19 && text[19] != '.') return std::nullopt;  // microseconds are dropped
  return date::sys_seconds{day} + std::chrono::hours(hour) + std::chrono::minutes(minute) +
         std::chrono::seconds(second);
}

std::string HumanSize(double bytes) {
  static constexpr std::array<const char*, 5> kUnits = {"bytes", "Kb", "Mb", "Gb", "Tb"};
  size_t unit = 0;
  while (bytes >= 1024 && unit + 1 < kUnits.size()) {
    bytes /= 1024;
    ++unit;
  }
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%0.2f %s", bytes, kUnits[unit]);
  return buffer;
}

}  // namespace xlsync::odoo
