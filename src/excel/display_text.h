#pragma once

#include <string>
#include <string_view>

#include "core/cell.h"

namespace xlsync::excel {

/// The text Excel shows for `cell` under its number format (the cell's own format when it has
/// one, else `column_format`; "" = General), for previews on a terminal: dates and times from
/// serials, fixed decimals with thousands separators, percentages, currency symbols from
/// "[$€]" before or after the number, TRUE/FALSE, texts as they are. Numbers round half away
/// from zero at 15 significant digits, as Excel does. Formats it does not understand show the
/// number as General.
std::string DisplayText(const core::Cell& cell, std::string_view column_format);

/// A number as Excel's General format shows it: integers in full up to 11 digits, otherwise up
/// to 10 significant digits, scientific ("1.5E+20") beyond.
std::string GeneralNumberText(double value);

}  // namespace xlsync::excel
