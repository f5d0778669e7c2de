#include "scheduler/schedule_rule.h"

#include <charconv>
#include <stdexcept>

#include "core/text.h"

namespace xlsync::scheduler {
namespace {

constexpr std::chrono::seconds kShortestInterval{60};
// A year: longer intervals are almost certainly a typo, and the bound keeps the arithmetic safe.
constexpr std::chrono::seconds kLongestInterval{366LL * 24 * 3600};

std::string Count(long long count, const char* unit) {
  return std::to_string(count) + " " + unit + (count == 1 ? "" : "s");
}

std::string EveryUnit(long long count, const char* unit) {
  return count == 1 ? std::string("every ") + unit : "every " + Count(count, unit);
}

std::string DescribeInterval(std::chrono::seconds interval) {
  const long long seconds = interval.count();
  if (seconds % 86400 == 0) return EveryUnit(seconds / 86400, "day");
  if (seconds % 3600 == 0) return EveryUnit(seconds / 3600, "hour");
  if (seconds % 60 == 0) return EveryUnit(seconds / 60, "minute");
  return EveryUnit(seconds, "second");
}

core::Result<std::chrono::seconds> ParseInterval(std::string_view text) {
  const std::string_view trimmed = core::Trim(text);
  const auto not_understood = [&] {
    return core::InvalidInput("The interval \"" + std::string(trimmed) +
                              "\" is not understood: write a number of seconds, or a number "
                              "followed by s, m, h or d, e.g. \"15m\".");
  };
  if (trimmed.empty()) return not_understood();
  long long unit = 1;
  std::string_view digits = trimmed;
  switch (trimmed.back()) {
    case 's': case 'S': unit = 1; digits.remove_suffix(1); break;
    case 'm': case 'M': unit = 60; digits.remove_suffix(1); break;
    case 'h': case 'H': unit = 3600; digits.remove_suffix(1); break;
    case 'd': case 'D': unit = 86400; digits.remove_suffix(1); break;
    default: break;
  }
  digits = core::Trim(digits);
  long long count = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
  if (digits.empty() || end != digits.data() + digits.size() || count < 0) return not_understood();
  if (ec != std::errc() || count > kLongestInterval.count() / unit) {
    return core::InvalidInput("The interval \"" + std::string(trimmed) +
                              "\" is too long: use at most 366 days, or a cron schedule.");
  }
  return std::chrono::seconds(count * unit);
}

}  // namespace

core::Result<ScheduleRule> ScheduleRule::Cron(std::string_view expression, std::string_view time_zone) {
  auto cron = CronExpression::Parse(expression);
  if (!cron) return std::move(cron).error();
  const std::string zone_name(time_zone.empty() ? std::string_view("UTC") : core::Trim(time_zone));
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(zone_name);
  } catch (const std::exception& e) {
    core::Error error = core::InvalidInput("The time zone \"" + zone_name +
                                           "\" is unknown: use an IANA name such as Europe/Brussels or UTC.");
    error.detail = e.what();
    return error;
  }
  ScheduleRule rule;
  rule.kind_ = Kind::kCron;
  rule.cron_ = std::move(*cron);
  rule.zone_ = zone;
  return rule;
}

core::Result<ScheduleRule> ScheduleRule::Every(std::chrono::seconds interval) {
  if (interval < kShortestInterval) {
    return core::InvalidInput("The interval of " + Count(interval.count(), "second") +
                              " is too short: schedules run at most once a minute, so use 60 seconds or more.");
  }
  if (interval > kLongestInterval) {
    return core::InvalidInput("The interval of " + Count(interval.count(), "second") +
                              " is too long: use at most 366 days, or a cron schedule.");
  }
  ScheduleRule rule;
  rule.kind_ = Kind::kInterval;
  rule.interval_ = interval;
  return rule;
}

core::Result<ScheduleRule> ScheduleRule::Parse(std::string_view kind, std::string_view expression,
                                               std::string_view time_zone) {
  if (core::EqualsIgnoreCase(core::Trim(kind), "cron")) return Cron(expression, time_zone);
  if (core::EqualsIgnoreCase(core::Trim(kind), "interval")) {
    auto interval = ParseInterval(expression);
    if (!interval) return std::move(interval).error();
    return Every(*interval);
  }
  return core::InvalidInput("The schedule kind \"" + std::string(kind) +
                            "\" is unknown: use \"cron\" or \"interval\".");
}

std::optional<core::TimePoint> ScheduleRule::NextAfter(core::TimePoint after) const {
  if (kind_ == Kind::kInterval) return after + interval_;
  return cron_->NextAfter(after, zone_);
}

std::vector<core::TimePoint> ScheduleRule::Preview(core::TimePoint after, int count) const {
  std::vector<core::TimePoint> times;
  std::optional<core::TimePoint> next = after;
  while (static_cast<int>(times.size()) < count && (next = NextAfter(*next))) times.push_back(*next);
  return times;
}

std::string ScheduleRule::Describe() const {
  if (kind_ == Kind::kInterval) return DescribeInterval(interval_);
  return cron_->Describe() + " (" + std::string(zone_->name()) + ")";
}

}  // namespace xlsync::scheduler
