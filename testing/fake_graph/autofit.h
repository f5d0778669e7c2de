#pragma once

#include <string_view>

#include "testing/fake_graph/workbook.h"

namespace xlsync::fakes {

/// Excel's AutoFit as the fake approximates it (msgraph.md §6.8, README.md): a column becomes as
/// wide as its longest shown text at 7 pixels per character of Calibri 11 (scaled by the font
/// size, +10% when bold) plus 5 pixels of padding, 0.75 points per pixel, at most 255 characters
/// (1342.5 points); a row becomes 15 points per line of its tallest cell, scaled by the font
/// size (a wrapped text counts its lines). Columns and rows without any value keep their size.
class Autofit {
 public:
  static void Columns(Worksheet& sheet, const GridRange& range);
  static void Rows(Worksheet& sheet, const GridRange& range);
  static double ColumnPoints(std::string_view shown, const CellStyle& style);
  static double RowPoints(std::string_view shown, const CellStyle& style);
};

}  // namespace xlsync::fakes
