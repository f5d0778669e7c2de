#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"

namespace xlsync::cli {

/// Prints "xlsync: <sentence>" on stderr and returns the exit code the error deserves: 2 when
/// the command line, a file or a name is wrong (nothing was contacted), else 1.
int ReportError(const core::Error& error);

/// Rows as columns padded to the widest cell, the first row being the header.
void PrintTable(const std::vector<std::vector<std::string>>& rows);

/// "2026-11-24 07:00" in the local time zone.
std::string FormatLocalTime(core::TimePoint at);
/// "1.5 s", "3 min 20 s".
std::string FormatSeconds(double seconds);

}  // namespace xlsync::cli
