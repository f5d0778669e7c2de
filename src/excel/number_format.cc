#include "excel/number_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace xlsync::excel {

std::string DecimalFormat(int decimals, bool thousands_separator) {
  const int places = std::clamp(decimals, 0, kMaxDecimals);
  std::string format = thousands_separator ? "#,##0" : "0";
  if (places > 0) {
    format.push_back('.');
    format.append(static_cast<size_t>(places), '0');
  }
  return format;
}

core::Result<void> CheckCellNumber(double value, std::string_view column_label) {
  if (std::fabs(value) <= kLargestNumber) return {};
  const std::string column = "Column \"" + std::string(column_label) + "\"";
  if (!std::isfinite(value)) {
    return core::InvalidInput(column +
                              " holds a number that is not finite (NaN or infinity), "
                              "which Excel cannot store: correct the value in the source.");
  }
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return core::InvalidInput(column + " holds the number " + std::string(buffer, end) +
                            ", beyond the largest Excel stores (9.99999999999999E+307): correct "
                            "the value in the source.");
}

}  // namespace xlsync::excel
