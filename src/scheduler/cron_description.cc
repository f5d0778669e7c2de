// CronExpression::Describe(): kept apart from parsing and matching because it is only wording.
// It names the common shapes and quotes the expression for everything else, so that it is never
// wrong, only sometimes terse.
#include <string>
#include <vector>

#include "scheduler/cron_expression.h"

namespace xlsync::scheduler {
namespace {

constexpr const char* kDayNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                     "Thursday", "Friday", "Saturday"};
constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};

std::vector<unsigned> Members(const CronField& field, unsigned low, unsigned high) {
  std::vector<unsigned> members;
  for (unsigned value = low; value <= high; ++value) {
    if (field.Has(value)) members.push_back(value);
  }
  return members;
}

std::string JoinEnglish(const std::vector<std::string>& items) {
  std::string joined;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) joined += i + 1 == items.size() ? " and " : ", ";
    joined += items[i];
  }
  return joined;
}

std::string Ordinal(unsigned day) {
  const unsigned tens = day % 100 / 10;
  const unsigned units = day % 10;
  const char* suffix = "th";
  if (tens != 1 && units == 1) suffix = "st";
  if (tens != 1 && units == 2) suffix = "nd";
  if (tens != 1 && units == 3) suffix = "rd";
  return std::to_string(day) + suffix;
}

std::string TwoDigits(unsigned value) { return (value < 10 ? "0" : "") + std::to_string(value); }

std::string WeekdayPhrase(const std::vector<unsigned>& days) {
  if (days == std::vector<unsigned>{1, 2, 3, 4, 5}) return "weekday";
  std::vector<std::string> names;
  for (unsigned day : days) {
    if (day != 0) names.push_back(kDayNames[day]);
  }
  if (!days.empty() && days.front() == 0) names.push_back(kDayNames[0]);  // Monday first
  return JoinEnglish(names);
}

// Every n minutes: the minutes are exactly 0, n, 2n, ... with n dividing the hour evenly.
std::optional<unsigned> EvenMinuteStep(const std::vector<unsigned>& minutes) {
  if (minutes.size() < 2 || minutes.front() != 0 || 60 % minutes.size() != 0) return std::nullopt;
  const unsigned step = 60 / static_cast<unsigned>(minutes.size());
  for (size_t i = 0; i < minutes.size(); ++i) {
    if (minutes[i] != i * step) return std::nullopt;
  }
  return step;
}

}  // namespace

std::optional<std::string> CronExpression::DescribeTimes() const {
  const std::vector<unsigned> minutes = Members(minute_, 0, 59);
  const std::vector<unsigned> hours = Members(hour_, 0, 23);
  if (minutes.size() != 1 || hours.size() > 6) return std::nullopt;
  std::vector<std::string> times;
  for (unsigned hour : hours) times.push_back(TwoDigits(hour) + ":" + TwoDigits(minutes.front()));
  return "at " + JoinEnglish(times);
}

// Which days, following the same Vixie rule as MatchesDay(): with OR, a field that allows every
// day makes every day match.
std::optional<std::string> CronExpression::DescribeDays(bool* monthly) const {
  bool dom_all = day_of_month_.IsFull(CronFieldKind::kDayOfMonth);
  bool dow_all = day_of_week_.IsFull(CronFieldKind::kDayOfWeek);
  if (!day_of_month_.star && !day_of_week_.star && (dom_all || dow_all)) dom_all = dow_all = true;
  const bool every_month = month_.IsFull(CronFieldKind::kMonth);
  *monthly = false;
  if (dom_all && dow_all && every_month) return "every day";
  if (dom_all && !dow_all && every_month) return "every " + WeekdayPhrase(Members(day_of_week_, 0, 6));
  if (dom_all || !dow_all) return std::nullopt;
  std::vector<std::string> days;
  for (unsigned day : Members(day_of_month_, 1, 31)) days.push_back(Ordinal(day));
  std::vector<std::string> months;
  for (unsigned month : Members(month_, 1, 12)) months.push_back(kMonthNames[month - 1]);
  *monthly = true;
  return "on the " + JoinEnglish(days) + " of " + (every_month ? "every month" : JoinEnglish(months));
}

std::string CronExpression::Describe() const {
  const std::string fallback = "at \"" + text_ + "\"";
  bool monthly = false;
  const std::optional<std::string> days = DescribeDays(&monthly);
  if (!days) return fallback;
  if (const auto times = DescribeTimes()) return monthly ? *times + " " + *days : *days + " " + *times;
  if (*days != "every day") return fallback;
  const std::vector<unsigned> minutes = Members(minute_, 0, 59);
  if (!hour_.IsFull(CronFieldKind::kHour)) return fallback;
  if (minutes.size() == 60) return "every minute";
  if (const auto step = EvenMinuteStep(minutes)) return "every " + std::to_string(*step) + " minutes";
  if (minutes.size() == 1) return "at minute " + std::to_string(minutes.front()) + " of every hour";
  return fallback;
}

}  // namespace xlsync::scheduler
