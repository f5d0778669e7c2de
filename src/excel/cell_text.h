#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace xlsync::excel {

/// Excel's cell text limit (msgraph.md §6.5), counted in UTF-16 code units as Excel does.
inline constexpr size_t kMaxCellCharacters = 32'767;

/// A text made fit for a cell, and what had to change.
struct TextFix {
  std::string text;
  bool truncated = false;
  bool removed_control_characters = false;
};

/// Removes the control characters Excel rejects (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F;
/// tab, LF and CR stay), replaces ill-formed UTF-8 by U+FFFD and cuts to 32,767 UTF-16 code
/// units without splitting a character.
TextFix SanitizeText(std::string_view text);

/// What goes into a Graph `values` cell for a sanitized text: every non-empty text gets a
/// leading apostrophe (Excel's quote prefix, not stored in the value) so Excel never re-types it
/// as a number, date, boolean or formula. With `allow_formulas`, a text starting with "=" is
/// sent as is. "" stays "" (an empty cell).
std::string GraphTextValue(std::string_view sanitized_text, bool allow_formulas);

}  // namespace xlsync::excel
