#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "testing/fake_graph/odata_path.h"
#include "testing/fake_graph/workbook_routes.h"

namespace xlsync::fakes {

/// .../workbook/worksheets: list, add (POST worksheets or worksheets/add), get, rename/move/hide
/// (PATCH), delete, by braced id ("%7B..%7D" or "worksheets('%7B..%7D')") or by name
/// (msgraph.md §6.3); ranges below a sheet go to RangeRoutes, its tables to TableRoutes.
class WorksheetRoutes {
 public:
  static Reply Handle(GraphCall& call, WorkbookTarget& target, const ODataCall& worksheets,
                      std::span<const std::string> rest);
  static nlohmann::json SheetJson(const WorkbookTarget& target, const Worksheet& sheet);

 private:
  static Reply Add(GraphCall& call, WorkbookTarget& target);
  static Reply OnSheet(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                       std::span<const std::string> rest);
  static Reply Update(GraphCall& call, WorkbookTarget& target, Worksheet& sheet);
};

}  // namespace xlsync::fakes
