#include "excel/cell_text.h"

#include <algorithm>

#include "excel/text_sanitizer.h"

namespace xlsync::excel {

TextFix SanitizeText(std::string_view text) {
  TextFix fix;
  fix.text.reserve(std::min(text.size(), kMaxCellCharacters * 4));
  const SanitizeOutcome outcome =
      SanitizeRuns(text, kMaxCellCharacters, [&](std::string_view run) { fix.text.append(run); });
  fix.truncated = outcome.truncated;
  fix.removed_control_characters = outcome.removed_control_characters;
  return fix;
}

std::string GraphTextValue(std::string_view sanitized_text, bool allow_formulas) {
  if (sanitized_text.empty()) return {};
  // Values are typed like user input (msgraph.md §6.4): "00123" would become 123, "=..." a
  // formula. A quote prefix (§6.5 option a) keeps the exact text and is cheaper than a separate
  // numberFormat "@" PATCH before every write.
  if (allow_formulas && sanitized_text.front() == '=') return std::string(sanitized_text);
  std::string value;
  value.reserve(sanitized_text.size() + 1);
  value.push_back('\'');
  value.append(sanitized_text);
  return value;
}

}  // namespace xlsync::excel
