#pragma once

#include <string>

#include "core/clock.h"

namespace xlsync::fakes {

/// The time formats the fake answers with, all in UTC.
class TimeText {
 public:
  /// "2024-05-02T10:11:12Z" (driveItem timestamps, operation bodies).
  static std::string Iso(core::TimePoint time);
  /// "2024-05-02T10:11:12" (Graph error innerError.date, msgraph.md §3.2).
  static std::string GraphDate(core::TimePoint time);
  /// "2024-07-15 11:14:02Z" (identity-platform error timestamp, msgraph.md §2.4).
  static std::string Aad(core::TimePoint time);
};

}  // namespace xlsync::fakes
