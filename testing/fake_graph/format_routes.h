#pragma once

#include <span>
#include <string>
#include <string_view>

#include "testing/fake_graph/workbook_routes.h"

namespace xlsync::fakes {

/// .../range(..)/format (columnWidth, rowHeight, wrapText, horizontalAlignment,
/// verticalAlignment), .../format/font (bold, italic, color, size, name), .../format/fill (color),
/// .../format/fill/clear and .../format/autofitColumns|autofitRows (msgraph.md §6.8). GET and
/// PATCH answer the object, with null for a property that differs across the range. Cell styles
/// need a bounded range (501 otherwise) of at most 5,000,000 cells; widths take any range.
class FormatRoutes {
 public:
  static Reply Handle(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                      const GridRange& range, std::span<const std::string> rest);

 private:
  /// GET or PATCH of .../format (`part` ""), .../format/font or .../format/fill.
  static Reply Object(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                      const GridRange& range, std::string_view part);
  static Reply Fit(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                   const GridRange& range, bool columns);
};

}  // namespace xlsync::fakes
