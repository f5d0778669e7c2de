#include "scheduler/cron_expression.h"

#include <array>
#include <utility>
#include <vector>

#include "core/text.h"

namespace xlsync::scheduler {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kMacros = {{
    {"@hourly", "0 * * * *"},
    {"@daily", "0 0 * * *"},
    {"@midnight", "0 0 * * *"},
    {"@weekly", "0 0 * * 0"},
    {"@monthly", "0 0 1 * *"},
    {"@yearly", "0 0 1 1 *"},
    {"@annually", "0 0 1 1 *"},
}};

// About five years of local days: far enough for Feb 29 (next leap year), bounded so that an
// expression that can never match ("0 0 30 2 *") ends instead of looping.
constexpr date::days kSearchHorizon{5 * 366 + 2};

// A candidate minute can only map to an instant after `after` if it is at most this much before
// `after`'s local time: the largest jump between two offsets of a zone (DST) is under 3 hours.
constexpr std::chrono::hours kOffsetSlack{3};

std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
    size_t end = at;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t') ++end;
    if (end > at) words.push_back(text.substr(at, end - at));
    at = end;
  }
  return words;
}

std::string Join(const std::vector<std::string_view>& words) {
  std::string joined;
  for (std::string_view word : words) {
    if (!joined.empty()) joined += ' ';
    joined += word;
  }
  return joined;
}

std::optional<std::string_view> MacroExpansion(std::string_view word) {
  for (const auto& [name, expansion] : kMacros) {
    if (core::EqualsIgnoreCase(word, name)) return expansion;
  }
  return std::nullopt;
}

std::optional<core::TimePoint> Earlier(std::optional<core::TimePoint> a, core::TimePoint b) {
  return a && *a < b ? *a : b;
}

}  // namespace

core::Result<CronExpression> CronExpression::Parse(std::string_view text) {
  std::vector<std::string_view> words = Words(text);
  CronExpression cron;
  cron.text_ = Join(words);
  const std::string quoted = "\"" + cron.text_ + "\"";
  if (words.empty()) {
    return core::InvalidInput(
        "The schedule is empty: write five fields (minute hour day month weekday), e.g. \"0 7 * * 1-5\".");
  }
  if (words.size() == 1 && words[0].front() == '@') {
    const auto expansion = MacroExpansion(words[0]);
    if (!expansion) {
      return core::InvalidInput("The schedule " + quoted +
                                " is not a known shorthand: use @hourly, @daily, @midnight, @weekly, "
                                "@monthly, @yearly or @annually, or five fields such as \"0 7 * * 1-5\".");
    }
    words = Words(*expansion);
  }
  if (words.size() != 5) {
    return core::InvalidInput("The schedule " + quoted + " has " + std::to_string(words.size()) +
                              (words.size() == 1 ? " field" : " fields") +
                              ": write five (minute hour day month weekday), e.g. \"0 7 * * 1-5\".");
  }
  CronField* const fields[] = {&cron.minute_, &cron.hour_, &cron.day_of_month_, &cron.month_,
                               &cron.day_of_week_};
  for (size_t i = 0; i < 5; ++i) {
    auto field = ParseCronField(words[i], static_cast<CronFieldKind>(i), cron.text_);
    if (!field) return std::move(field).error();
    *fields[i] = *field;
  }
  return cron;
}

bool CronExpression::MatchesDay(date::local_days day) const {
  const date::year_month_day ymd{day};
  const bool dom = day_of_month_.Has(static_cast<unsigned>(ymd.day()));
  const bool dow = day_of_week_.Has(date::weekday{day}.c_encoding());
  // Vixie cron: either field starting with '*' makes the two combine with AND, else with OR.
  if (day_of_month_.star || day_of_week_.star) return dom && dow;
  return dom || dow;
}

std::optional<core::TimePoint> CronExpression::NextAfter(core::TimePoint after,
                                                         const date::time_zone* zone) const {
  XLSYNC_CHECK(zone != nullptr);
  const auto after_local = zone->to_local(after);
  // Start a day early: a zone whose clocks jump back across midnight can map a minute of the
  // previous local day to an instant after `after`.
  date::local_days day = date::floor<date::days>(after_local) - date::days{1};
  const date::local_days last = day + kSearchHorizon;
  while (day <= last) {
    const date::year_month_day ymd{day};
    if (!month_.Has(static_cast<unsigned>(ymd.month()))) {
      day = date::local_days{(date::year_month{ymd.year(), ymd.month()} + date::months{1}) / 1};
      continue;
    }
    if (MatchesDay(day)) {
      if (auto found = FirstInDay(day, after, zone)) return found;
    }
    day += date::days{1};
  }
  return std::nullopt;
}

// Minutes are visited in local order. The first one whose primary instant (the only one, the
// first of a repeated time, or the end of a gap) is after `after` ends the day: every later
// minute maps later. Second passes of a repeated hour (every-hour expressions only) can come
// before it in real time, so the earliest of those seen is kept.
std::optional<core::TimePoint> CronExpression::FirstInDay(date::local_days day, core::TimePoint after,
                                                          const date::time_zone* zone) const {
  const bool every_hour = hour_.IsFull(CronFieldKind::kHour);
  const auto earliest_local = zone->to_local(after) - kOffsetSlack;
  std::optional<core::TimePoint> best;
  for (unsigned hour = 0; hour < 24; ++hour) {
    if (!hour_.Has(hour) || day + std::chrono::hours(hour + 1) <= earliest_local) continue;
    for (unsigned minute = 0; minute < 60; ++minute) {
      if (!minute_.Has(minute)) continue;
      const date::local_seconds local = day + std::chrono::hours(hour) + std::chrono::minutes(minute);
      if (local <= earliest_local) continue;
      const date::local_info info = zone->get_info(local);
      core::TimePoint primary;
      if (info.result == date::local_info::unique) {
        primary = date::sys_seconds{local.time_since_epoch() - info.first.offset};
      } else if (info.result == date::local_info::nonexistent) {
        if (every_hour) continue;
        primary = info.first.end;
      } else {
        primary = date::sys_seconds{local.time_since_epoch() - info.first.offset};
        const core::TimePoint second = date::sys_seconds{local.time_since_epoch() - info.second.offset};
        if (every_hour && primary <= after && second > after) best = Earlier(best, second);
      }
      if (primary > after) return Earlier(best, primary);
    }
  }
  return best;
}

}  // namespace xlsync::scheduler
