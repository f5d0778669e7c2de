#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "testing/fake_graph/workbook_routes.h"

namespace xlsync::fakes {

/// .../worksheets/{id}/range(address='..') GET and PATCH, usedRange(valuesOnly=..) GET, and
/// range .../clear and .../delete (msgraph.md §6.4, §6.5): exact 2-D shapes, null = leave,
/// "" = clear, typed input, 32,767-character text, grid limits, optional cell cap.
class RangeRoutes {
 public:
  static Reply Handle(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                      std::span<const std::string> rest);

 private:
  static Reply Read(GraphCall& call, const Worksheet& sheet, const GridRange& range);
  static Reply Write(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                     const GridRange& range);
  static Reply Clear(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                     const GridRange& range);
  static Reply Delete(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                      const GridRange& range);
};

}  // namespace xlsync::fakes
