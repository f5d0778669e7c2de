#pragma once

#include <span>
#include <string>

#include "testing/fake_graph/workbook_routes.h"

namespace xlsync::fakes {

/// .../tables/{id}/rows (msgraph.md §6.7): GET with $top/$skip, rows/$count (plain number),
/// rows/add (201 {"index","values"}; not idempotent: a replay adds again), and
/// rows/itemAt(index=n) GET, DELETE (204) and .../range.
class TableRowRoutes {
 public:
  static Reply Handle(GraphCall& call, WorkbookTarget& target, const std::string& table_id,
                      std::span<const std::string> rest);

 private:
  static Reply List(GraphCall& call, WorkbookTarget& target, const Table& table);
  static Reply Add(GraphCall& call, WorkbookTarget& target, const std::string& table_id);
  static Reply OnRow(GraphCall& call, WorkbookTarget& target, const std::string& table_id,
                     int index, std::span<const std::string> rest);
};

}  // namespace xlsync::fakes
