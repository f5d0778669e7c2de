#pragma once

#include "core/result.h"

namespace xlsync::excel {

/// The Excel serial (1900 date system, msgraph.md §6.5) of a date: days since 1899-12-30, so
/// 25569 = 1970-01-01 and 45366 = 2024-03-15. Exact from 1900-03-01 (serial 61), after Excel's
/// fictitious 1900-02-29; InvalidInput before that, after 9999-12-31, or for a day that does not
/// exist.
core::Result<double> DateSerial(int year, unsigned month, unsigned day);

/// DateSerial plus the fraction of the day: 2024-03-15 12:00:00 = 45366.5. Hours 0–23,
/// minutes and seconds 0–59.
core::Result<double> DateTimeSerial(int year, unsigned month, unsigned day, int hour, int minute,
                                    int second);

}  // namespace xlsync::excel
