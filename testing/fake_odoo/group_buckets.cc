// Date buckets of _read_group (odoo-api.md §9.1), as Odoo 17+ computes them in SQL and labels
// them with babel: date_trunc in the context's time zone, weeks shifted to the language's
// first day, READ_GROUP_DISPLAY_FORMAT labels ("dd MMM yyyy", "MMMM yyyy", "QQQ yyyy",
// "yyyy") and f"W{week} {year:04}" for weeks.
#include "testing/fake_odoo/group_buckets.h"

#include <date/date.h>
#include <date/tz.h>

#include <array>
#include <cstdio>

namespace xlsync::fakes {
namespace {

constexpr std::array<const char*, 12> kMonthsEn = {"January", "February", "March",     "April",   "May",      "June",
                                                   "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 12> kShortMonthsEn = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 12> kMonthsFr = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                                   "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
constexpr std::array<const char*, 12> kShortMonthsFr = {"janv.", "févr.", "mars", "avr.", "mai",  "juin",
                                                        "juil.", "août",  "sept.", "oct.", "nov.", "déc."};

std::optional<date::sys_seconds> ParseRaw(std::string_view raw, bool datetime) {
  int year = 0;
  unsigned month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  const std::string text(raw);
  const bool parsed = datetime
      ? text.size() == 19 && std::sscanf(text.c_str(), "%4d-%2u-%2u %2d:%2d:%2d", &year, &month, &day, &hour,
                                         &minute, &second) == 6
      : text.size() == 10 && std::sscanf(text.c_str(), "%4d-%2u-%2u", &year, &month, &day) == 3;
  const date::year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
  if (!parsed || !ymd.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  return date::sys_days{ymd} + std::chrono::hours{hour} + std::chrono::minutes{minute} + std::chrono::seconds{second};
}

// pytz.all_timezones_set membership: unknown zones are ignored (UTC), as _read_group does.
const date::time_zone* ZoneOf(const std::string& tz) {
  if (tz.empty()) return nullptr;
  try {
    return date::locate_zone(tz);
  } catch (const std::exception&) {
    return nullptr;
  }
}

date::local_days LocalDay(date::sys_seconds instant, const date::time_zone* zone) {
  if (!zone) return date::local_days{date::floor<date::days>(instant).time_since_epoch()};
  return date::floor<date::days>(zone->to_local(instant));
}

// res.lang week_start: en_US starts weeks on Sunday (7), fr_FR on Monday (1).
unsigned FirstWeekday(const std::string& lang) { return lang == "fr_FR" ? 1u : 0u; }

date::local_days Start(date::local_days day, std::string_view granularity, unsigned first_weekday) {
  const date::year_month_day ymd{day};
  if (granularity == "day") return day;
  if (granularity == "week") {
    const unsigned weekday = date::weekday{day}.c_encoding();
    return day - date::days{(weekday + 7 - first_weekday) % 7};
  }
  if (granularity == "month") return date::local_days{ymd.year() / ymd.month() / 1};
  if (granularity == "quarter") {
    const unsigned first_month = (static_cast<unsigned>(ymd.month()) - 1) / 3 * 3 + 1;
    return date::local_days{ymd.year() / date::month{first_month} / 1};
  }
  return date::local_days{ymd.year() / 1 / 1};
}

date::local_days End(date::local_days start, std::string_view granularity) {
  const date::year_month_day ymd{start};
  if (granularity == "day") return start + date::days{1};
  if (granularity == "week") return start + date::days{7};
  if (granularity == "month") return date::local_days{ymd + date::months{1}};
  if (granularity == "quarter") return date::local_days{ymd + date::months{3}};
  return date::local_days{ymd + date::years{1}};
}

// Odoo's date_utils.weeknumber: ISO weeks for ISO locales (fr_FR); otherwise week 1 holds
// January 1st and starts on the locale's first day (en_US: Sunday).
std::pair<int, unsigned> WeekNumber(date::local_days day, unsigned first_weekday) {
  if (first_weekday == 1) {
    const date::local_days thursday = day + date::days{3} - date::days{(date::weekday{day}.c_encoding() + 6) % 7};
    const date::year iso_year = date::year_month_day{thursday}.year();
    const auto week = (thursday - date::local_days{iso_year / 1 / 1}).count() / 7 + 1;
    return {static_cast<int>(iso_year), static_cast<unsigned>(week)};
  }
  auto on_or_before = [first_weekday](date::local_days d) {
    return d - date::days{(date::weekday{d}.c_encoding() + 7 - first_weekday) % 7};
  };
  const date::year year = date::year_month_day{day}.year();
  if (day >= on_or_before(date::local_days{(year + date::years{1}) / 1 / 1})) {
    return {static_cast<int>(year) + 1, 1u};
  }
  const auto days = (day - on_or_before(date::local_days{year / 1 / 1})).count();
  return {static_cast<int>(year), static_cast<unsigned>(days / 7 + 1)};
}

std::string Label(date::local_days start, std::string_view granularity, const std::string& lang) {
  const date::year_month_day ymd{start};
  const bool french = lang == "fr_FR";
  const int year = static_cast<int>(ymd.year());
  const unsigned month = static_cast<unsigned>(ymd.month());
  char buffer[64];
  if (granularity == "day") {
    std::snprintf(buffer, sizeof(buffer), "%02u %s %04d", static_cast<unsigned>(ymd.day()),
                  (french ? kShortMonthsFr : kShortMonthsEn)[month - 1], year);
  } else if (granularity == "week") {
    const auto [week_year, week] = WeekNumber(start, FirstWeekday(lang));
    std::snprintf(buffer, sizeof(buffer), "W%u %04d", week, week_year);
  } else if (granularity == "month") {
    std::snprintf(buffer, sizeof(buffer), "%s %04d", (french ? kMonthsFr : kMonthsEn)[month - 1], year);
  } else if (granularity == "quarter") {
    std::snprintf(buffer, sizeof(buffer), "%s%u %04d", french ? "T" : "Q", (month - 1) / 3 + 1, year);
  } else {
    std::snprintf(buffer, sizeof(buffer), "%04d", year);
  }
  return buffer;
}

// Datetime bounds are the local midnights localized back to UTC (pytz localize: a midnight
// that happens twice is taken in standard time, the later instant).
std::string Bound(date::local_days day, bool datetime, const date::time_zone* zone) {
  if (!datetime) return date::format("%F", day);
  const date::sys_seconds instant = zone ? zone->to_sys(date::local_seconds{day}, date::choose::latest)
                                         : date::sys_seconds{day.time_since_epoch()};
  return date::format("%F %T", instant);
}

}  // namespace

bool IsTimeGranularity(std::string_view granularity) {
  return granularity == "day" || granularity == "week" || granularity == "month" || granularity == "quarter" ||
         granularity == "year";
}

std::optional<DateBucket> BucketOf(std::string_view raw, bool datetime, std::string_view granularity,
                                   const std::string& tz, const std::string& lang) {
  if (!IsTimeGranularity(granularity)) return std::nullopt;
  const auto instant = ParseRaw(raw, datetime);
  if (!instant) return std::nullopt;
  // Only datetimes move with the time zone; a date is the same day everywhere.
  const date::time_zone* zone = datetime ? ZoneOf(tz) : nullptr;
  const date::local_days start = Start(LocalDay(*instant, zone), granularity, FirstWeekday(lang));
  const date::local_days end = End(start, granularity);
  return DateBucket{Label(start, granularity, lang), Bound(start, datetime, zone), Bound(end, datetime, zone)};
}

}  // namespace xlsync::fakes
