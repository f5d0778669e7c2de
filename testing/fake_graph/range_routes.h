#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "testing/fake_graph/workbook_routes.h"

namespace xlsync::fakes {

/// .../worksheets/{id}/range(address='..') GET and PATCH, usedRange(valuesOnly=..) GET, and
/// range .../clear, .../delete and .../insert (msgraph.md §6.4, §6.5): exact 2-D shapes, null =
/// leave, "" = clear, typed input, 32,767-character text, grid limits, optional cell cap; tables
/// kept consistent (SheetEdit); .../format/... goes to FormatRoutes.
class RangeRoutes {
 public:
  static Reply Handle(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                      std::span<const std::string> rest);
  /// Everything after a resolved range (also a table's ranges): GET, PATCH when `writable`,
  /// clear, delete, insert and format.
  static Reply OnRange(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                       const GridRange& range, bool writable, std::span<const std::string> rest);

 private:
  static Reply Read(GraphCall& call, const Worksheet& sheet, const GridRange& range);
  static Reply Write(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                     const GridRange& range);
  static Reply Clear(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                     const GridRange& range);
  static Reply Shift(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                     const GridRange& range, bool insert);
};

}  // namespace xlsync::fakes
