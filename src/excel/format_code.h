#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xlsync::excel {

/// One piece of an Excel number-format section: a code ("0", "#", "?", ".", ",", "%", "E+",
/// "yyyy", "mm", "d", "h", "ss", "AM/PM", "General"; date codes lower case) or literal text
/// shown as is (quoted text, "\x", the symbol of "[$€-x-euro1]", other characters).
struct FormatToken {
  bool code = false;
  std::string text;

  bool operator==(const FormatToken& other) const = default;
};

/// The sections of a format ("#,##0.00;[Red]-#,##0.00;0" -> three), split at ";" outside
/// quotes, brackets and escapes; always at least one (possibly empty).
std::vector<std::string_view> SplitFormatSections(std::string_view format);

/// The tokens of one section. Colours and conditions ("[Red]", "[>100]") and fill/padding
/// marks ("*-", "_)" -> a space) carry nothing to show and are dropped or simplified.
std::vector<FormatToken> TokenizeFormat(std::string_view section);

/// The text of an Excel date/time serial (1900 system, msgraph.md §6.5) under a section's date
/// tokens: "yyyy-mm-dd hh:mm:ss", "mmm yyyy", "d/m/yy h:mm AM/PM"... ("m" is minutes after an
/// hour or before seconds). nullopt for a serial outside 0..2958465 (9999-12-31), which Excel
/// shows as "#####".
std::optional<std::string> DateSerialText(double serial, const std::vector<FormatToken>& tokens);

}  // namespace xlsync::excel
