#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace xlsync::excel {

/// Any text made a valid sheet name (msgraph.md §6.3): \ / ? * [ ] :, tabs and line breaks
/// replaced by "_", other control characters dropped, ill-formed UTF-8 repaired, apostrophes at
/// either end dropped, cut to 31 characters without splitting one, "History" -> "History_",
/// nothing left -> "(empty)".
std::string CleanSheetName(std::string_view text);

/// "<base> (n)" within 31 characters, the base cut as needed: "Orders (2)".
std::string NumberedSheetName(std::string_view base, int n);

/// Hands out sheet names that are valid and unique within one workbook, compared without case
/// as Excel does: "Acme", then "Acme (2)", "Acme (3)"... for the same cleaned text. Not
/// thread-safe.
class SheetNamer {
 public:
  SheetNamer() = default;
  /// `taken`: names already used in the workbook by this run.
  explicit SheetNamer(const std::vector<std::string>& taken);

  /// A cleaned, unique name for `text`, remembered as taken.
  std::string Take(std::string_view text);

 private:
  bool IsTaken(std::string_view name) const;

  std::vector<std::string> taken_;  // lower case
};

}  // namespace xlsync::excel
