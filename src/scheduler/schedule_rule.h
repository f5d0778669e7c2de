#pragma once

#include <date/tz.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "scheduler/cron_expression.h"

namespace xlsync::scheduler {

/// When a task runs: a cron expression evaluated in an IANA time zone, or a fixed interval
/// (at least a minute) counted from the previous time. An immutable value: copy it freely,
/// use it from any thread.
class ScheduleRule {
 public:
  enum class Kind { kCron, kInterval };

  /// An empty `time_zone` means UTC.
  static core::Result<ScheduleRule> Cron(std::string_view expression, std::string_view time_zone);
  static core::Result<ScheduleRule> Every(std::chrono::seconds interval);
  /// `kind` is "cron" or "interval" (any case). An interval is seconds ("900") or a number
  /// with a unit s, m, h or d ("90s", "15m", "2h", "1d"); `time_zone` is ignored for it.
  static core::Result<ScheduleRule> Parse(std::string_view kind, std::string_view expression,
                                          std::string_view time_zone);

  /// The next time strictly after `after` (interval: after + interval); nullopt when a cron
  /// expression never matches again.
  std::optional<core::TimePoint> NextAfter(core::TimePoint after) const;
  /// Up to `count` next times, each after the one before.
  std::vector<core::TimePoint> Preview(core::TimePoint after, int count) const;
  /// "every weekday at 07:00 (Europe/Brussels)", "every 15 minutes".
  std::string Describe() const;

  Kind kind() const { return kind_; }
  /// The cron expression (cron only).
  const std::optional<CronExpression>& cron() const { return cron_; }
  /// The zone a cron expression is evaluated in (cron only, else null).
  const date::time_zone* zone() const { return zone_; }
  /// The interval (interval only, else zero).
  std::chrono::seconds interval() const { return interval_; }

 private:
  ScheduleRule() = default;

  Kind kind_ = Kind::kInterval;
  std::optional<CronExpression> cron_;
  const date::time_zone* zone_ = nullptr;
  std::chrono::seconds interval_{0};
};

}  // namespace xlsync::scheduler
