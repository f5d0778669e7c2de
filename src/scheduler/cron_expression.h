#pragma once

#include <date/tz.h>

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "scheduler/cron_field.h"

namespace xlsync::scheduler {

/// A five-field cron expression (minute hour day-of-month month day-of-week), or one of the
/// macros @hourly @daily @midnight @weekly @monthly @yearly @annually. Day of month and day of
/// week follow Vixie cron: when both are written without a leading '*', a day matches if EITHER
/// matches; otherwise both must. An immutable value: copy it freely, use it from any thread.
///
/// NextAfter() evaluates the expression in the local time of a zone, with these DST rules:
/// - A local time skipped by a spring-forward gap fires once, at the first instant after the gap
///   (02:30 on the last Sunday of March in Brussels fires at 03:00 local), like systemd and
///   cronie do for daily jobs; several matching minutes inside one gap still fire once.
/// - A local time that occurs twice (fall back) fires once, at its first occurrence.
/// - Exception, as in Vixie cron: an expression whose hour field allows every hour follows real
///   time instead: its minutes inside a gap do not exist and are skipped, and its minutes inside
///   a repeated hour fire in both passes (so "*/15 * * * *" never pauses for an hour).
class CronExpression {
 public:
  static core::Result<CronExpression> Parse(std::string_view text);

  /// The first matching minute strictly after `after`, in the local time of `zone` (not null);
  /// nullopt when nothing matches within about five years (e.g. "0 0 30 2 *").
  std::optional<core::TimePoint> NextAfter(core::TimePoint after, const date::time_zone* zone) const;

  /// Plain English ("every weekday at 07:00", "every 15 minutes"); expressions too complex to
  /// say simply are quoted as written: at "*/5 9-17 * * 1-5".
  std::string Describe() const;

  /// The expression as written, with runs of blanks collapsed to one space.
  const std::string& text() const { return text_; }

 private:
  CronExpression() = default;
  bool MatchesDay(date::local_days day) const;
  std::optional<core::TimePoint> FirstInDay(date::local_days day, core::TimePoint after,
                                            const date::time_zone* zone) const;
  std::optional<std::string> DescribeDays(bool* monthly) const;
  std::optional<std::string> DescribeTimes() const;

  std::string text_;
  CronField minute_;
  CronField hour_;
  CronField day_of_month_;
  CronField month_;
  CronField day_of_week_;
};

}  // namespace xlsync::scheduler
