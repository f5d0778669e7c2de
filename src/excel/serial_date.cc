#include "excel/serial_date.h"

#include <date/date.h>

#include <cstdio>
#include <string>

namespace xlsync::excel {
namespace {

std::string DateText(int year, unsigned month, unsigned day) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
  return buffer;
}

// Serial 0 is 1899-12-30: Excel counts 1900-02-29, a day that never was, so from 1900-03-01 on
// its serials are days since 1899-12-30 (msgraph.md §6.5).
constexpr date::sys_days kEpoch = date::sys_days{date::year{1899} / 12 / 30};

}  // namespace

core::Result<double> DateSerial(int year, unsigned month, unsigned day) {
  const bool too_early = year < 1900 || (year == 1900 && (month < 3 || (month == 3 && day < 1)));
  if (too_early) {
    return core::InvalidInput("The date " + DateText(year, month, day) +
                              " is before 1900-03-01, the earliest date Excel stores exactly: "
                              "correct the date or leave this field out of the export.");
  }
  if (year > 9999) {
    return core::InvalidInput("The date " + DateText(year, month, day) +
                              " is after 9999-12-31, the latest date Excel stores: correct the "
                              "date or leave this field out of the export.");
  }
  const date::year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
  if (!ymd.ok()) {
    return core::InvalidInput("The date " + DateText(year, month, day) +
                              " does not exist: correct the date in the source.");
  }
  return static_cast<double>((date::sys_days{ymd} - kEpoch).count());
}

core::Result<double> DateTimeSerial(int year, unsigned month, unsigned day, int hour, int minute,
                                    int second) {
  auto serial = DateSerial(year, month, day);
  if (!serial) return serial;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d:%02d", hour, minute, second);
    return core::InvalidInput("The time " + std::string(buffer) + " on " +
                              DateText(year, month, day) +
                              " is not a valid time of day: correct the time in the source.");
  }
  return *serial + (hour * 3600 + minute * 60 + second) / 86400.0;
}

}  // namespace xlsync::excel
