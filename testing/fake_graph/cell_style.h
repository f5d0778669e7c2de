#pragma once

#include <string>

namespace xlsync::fakes {

/// The formatting of one cell (msgraph.md §6.5, §6.8): number format, font, fill, wrap and
/// alignment, defaulting to what a blank Excel cell has (General, Calibri 11, black, no fill,
/// General/Bottom alignment). Sheets intern styles, like the cell XF records of an .xlsx.
struct CellStyle {
  std::string number_format = "General";
  bool bold = false;
  bool italic = false;
  std::string font_color = "#000000";
  double font_size = 11;
  std::string font_name = "Calibri";
  std::string fill_color;  // "" = no fill (reads back as "#FFFFFF")
  bool wrap_text = false;
  std::string horizontal_alignment = "General";
  std::string vertical_alignment = "Bottom";

  /// One string that differs whenever two styles differ (the interning key).
  std::string Key() const;
  bool operator==(const CellStyle& other) const = default;
};

}  // namespace xlsync::fakes
