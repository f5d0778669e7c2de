#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace xlsync::excel {

/// Excel number-format codes we write (locale-independent, msgraph.md §6.5).
inline constexpr std::string_view kDateFormat = "yyyy-mm-dd";
inline constexpr std::string_view kDateTimeFormat = "yyyy-mm-dd hh:mm:ss";
inline constexpr std::string_view kIntegerFormat = "0";
inline constexpr std::string_view kGeneralFormat = "General";
/// The most decimals Excel shows in a number format.
inline constexpr int kMaxDecimals = 30;

/// The largest magnitude Excel stores in a cell (msgraph.md §6.5).
inline constexpr double kLargestNumber = 9.99999999999999e307;

/// A fixed-decimals format: (2, false) "0.00"; (2, true) "#,##0.00"; (0, false) "0";
/// (0, true) "#,##0". Decimals are clamped to 0..30.
std::string DecimalFormat(int decimals, bool thousands_separator);

/// Whether Excel can store `value` in a cell: InvalidInput naming the column for NaN, infinity
/// or a magnitude above kLargestNumber.
core::Result<void> CheckCellNumber(double value, std::string_view column_label);

}  // namespace xlsync::excel
