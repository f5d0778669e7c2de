#include "excel/sheet_namer.h"

#include <algorithm>

#include "core/text.h"
#include "excel/cell_text.h"
#include "excel/sheet_name.h"
#include "excel/text_sanitizer.h"

namespace xlsync::excel {
namespace {

constexpr std::string_view kForbidden = "\\/?*[]:";

// `text` (well-formed UTF-8) cut to at most `units` UTF-16 code units between characters.
std::string CutToUnits(std::string_view text, size_t units) {
  std::string out;
  SanitizeRuns(text, units, [&out](std::string_view run) { out.append(run); });
  return out;
}

std::string TrimApostrophes(std::string name) {
  while (!name.empty() && name.front() == '\'') name.erase(name.begin());
  while (!name.empty() && name.back() == '\'') name.pop_back();
  return name;
}

}  // namespace

std::string CleanSheetName(std::string_view text) {
  std::string name;
  // Repair the UTF-8 first (tabs and line breaks survive it), then replace what sheet names
  // may not hold, so that every character still counts as one.
  for (const char c : SanitizeText(text).text) {
    const bool bad = kForbidden.find(c) != std::string_view::npos || static_cast<unsigned char>(c) < 0x20;
    name.push_back(bad ? '_' : c);
  }
  name = TrimApostrophes(std::string(core::Trim(name)));
  name = TrimApostrophes(CutToUnits(name, kMaxSheetNameCharacters));
  name = std::string(core::Trim(name));
  if (name.empty()) return "(empty)";
  if (core::EqualsIgnoreCase(name, "History")) name += "_";
  return name;
}

std::string NumberedSheetName(std::string_view base, int n) {
  const std::string suffix = " (" + std::to_string(n) + ")";
  std::string cut = CutToUnits(CleanSheetName(base), kMaxSheetNameCharacters - suffix.size());
  cut = TrimApostrophes(std::string(core::Trim(cut)));
  return cut + suffix;
}

SheetNamer::SheetNamer(const std::vector<std::string>& taken) {
  for (const auto& name : taken) taken_.push_back(core::ToLower(name));
}

std::string SheetNamer::Take(std::string_view text) {
  const std::string base = CleanSheetName(text);
  std::string name = base;
  for (int n = 2; IsTaken(name); ++n) name = NumberedSheetName(base, n);
  taken_.push_back(core::ToLower(name));
  return name;
}

bool SheetNamer::IsTaken(std::string_view name) const {
  const std::string lower = core::ToLower(name);
  return std::find(taken_.begin(), taken_.end(), lower) != taken_.end();
}

}  // namespace xlsync::excel
