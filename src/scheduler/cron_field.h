#pragma once

#include <cstdint>
#include <string_view>

#include "core/result.h"

namespace xlsync::scheduler {

/// The five fields of a cron expression, in the order they are written.
enum class CronFieldKind { kMinute, kHour, kDayOfMonth, kMonth, kDayOfWeek };

/// One parsed cron field: the set of values it allows (bit n = value n; day of week 7 is folded
/// onto 0, Sunday) and whether it was written starting with '*', which decides the Vixie rule
/// for combining day of month and day of week. A value: copy it freely.
struct CronField {
  std::uint64_t bits = 0;
  bool star = false;

  bool Has(unsigned value) const { return value < 64 && ((bits >> value) & 1U) != 0; }
  /// True when every value of the field's range is allowed.
  bool IsFull(CronFieldKind kind) const;
};

/// Parses one field ("*", "5", "1-5", "1,15", "*/15", "10-50/10", "5/15", "MON-FRI", "JAN").
/// `schedule` is the whole expression as the user wrote it, quoted in error messages.
core::Result<CronField> ParseCronField(std::string_view text, CronFieldKind kind,
                                       std::string_view schedule);

}  // namespace xlsync::scheduler
