#pragma once

#include <date/date.h>

#include <string>

#include "core/clock.h"

namespace xlsync::fakes {

/// A UTC instant written as a calendar date and time, for readable expectations.
inline core::TimePoint Utc(int year, unsigned month, unsigned day, int hour = 0, int minute = 0) {
  return date::sys_days{date::year{year} / date::month{month} / date::day{day}} + std::chrono::hours(hour) +
         std::chrono::minutes(minute);
}

/// "2025-03-30 01:00" in UTC, for readable failure output.
inline std::string UtcText(core::TimePoint when) {
  return date::format("%F %R", date::floor<std::chrono::minutes>(when));
}

}  // namespace xlsync::fakes
