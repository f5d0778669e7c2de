#pragma once

#include <span>
#include <string>

#include "testing/fake_graph/workbook_routes.h"

namespace xlsync::fakes {

/// .../tables/{id}/columns (msgraph.md §6.7): GET (id, index, name, values), columns/$count,
/// columns/add (201 column; the table grows one column and the cells to its right in the table's
/// rows move right), and columns/{id-or-name} or columns/itemAt(index=n): GET, DELETE (204; the
/// cells to its right move left) and .../range, .../dataBodyRange, ....
class TableColumnRoutes {
 public:
  static Reply Handle(GraphCall& call, WorkbookTarget& target, const std::string& table_id,
                      std::span<const std::string> rest);

 private:
  static Reply Add(GraphCall& call, WorkbookTarget& target, const std::string& table_id);
  static Reply OnColumn(GraphCall& call, WorkbookTarget& target, const std::string& table_id,
                        int index, std::span<const std::string> rest);
};

}  // namespace xlsync::fakes
