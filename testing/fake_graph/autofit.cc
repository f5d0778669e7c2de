#include "testing/fake_graph/autofit.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/text.h"
#include "testing/fake_graph/cell_input.h"
#include "testing/fake_graph/hyperlink_formula.h"
#include "testing/fake_graph/number_text.h"

namespace xlsync::fakes {
namespace {

constexpr double kPointsPerPixel = 0.75;
constexpr double kPixelsPerCharacter = 7;  // the widest digit of Calibri 11
constexpr double kPaddingPixels = 5;
constexpr double kMaxColumnPoints = 1342.5;  // 255 characters
constexpr double kLinePixels = 20;           // 15 points
constexpr double kMaxRowPoints = 409.5;

/// Calls `visit(row, column, shown text, style)` for every cell of the range holding a value.
template <typename Visit>
void ForEachShown(const SheetCells& cells, const GridRange& range, Visit&& visit) {
  const int last_row = std::min(range.last_row, cells.stored_rows() - 1);
  for (int row = range.first_row; row <= last_row; ++row) {
    const int last_column = std::min(range.last_column, cells.stored_columns(row) - 1);
    for (int column = range.first_column; column <= last_column; ++column) {
      const CellView stored = cells.Get(row, column);
      if (stored.kind == ValueKind::kEmpty) continue;
      const DisplayedCell shown(stored);
      visit(row, column, NumberText::Render(shown.view()), *stored.style);
    }
  }
}

}  // namespace

double Autofit::ColumnPoints(std::string_view shown, const CellStyle& style) {
  std::size_t characters = 0;
  for (const auto& line : core::Split(shown, '\n')) {
    characters = std::max(characters, CellInputParser::Utf16Length(line));
  }
  const double scale = style.font_size / 11 * (style.bold ? 1.1 : 1.0);
  const double pixels =
      std::ceil(static_cast<double>(characters) * kPixelsPerCharacter * scale) + kPaddingPixels;
  return std::min(pixels * kPointsPerPixel, kMaxColumnPoints);
}

double Autofit::RowPoints(std::string_view shown, const CellStyle& style) {
  const auto lines =
      style.wrap_text ? 1 + std::count(shown.begin(), shown.end(), '\n') : std::ptrdiff_t{1};
  const double pixels = std::ceil(kLinePixels * style.font_size / 11 * static_cast<double>(lines));
  return std::min(pixels * kPointsPerPixel, kMaxRowPoints);
}

void Autofit::Columns(Worksheet& sheet, const GridRange& range) {
  std::map<int, double> widths;
  ForEachShown(sheet.cells, range,
               [&](int, int column, const std::string& shown, const CellStyle& style) {
                 double& width = widths[column];
                 width = std::max(width, ColumnPoints(shown, style));
               });
  for (const auto& [column, width] : widths) sheet.layout.SetColumnWidth(column, width);
}

void Autofit::Rows(Worksheet& sheet, const GridRange& range) {
  std::map<int, double> heights;
  ForEachShown(sheet.cells, range,
               [&](int row, int, const std::string& shown, const CellStyle& style) {
                 double& height = heights[row];
                 height = std::max(height, RowPoints(shown, style));
               });
  for (const auto& [row, height] : heights) sheet.layout.SetRowHeight(row, height);
}

}  // namespace xlsync::fakes
