#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "testing/fake_graph/odata_path.h"
#include "testing/fake_graph/workbook_routes.h"

namespace xlsync::fakes {

/// .../workbook/tables and .../worksheets/{id}/tables (msgraph.md §6.7): list, add, get, PATCH,
/// DELETE and convertToRange of tables by id or name (tables/{id} or tables('{id}')), the
/// table's worksheet, its range, headerRowRange, dataBodyRange and totalRowRange (which then
/// take every range call), and its rows and columns (TableRowRoutes, TableColumnRoutes).
/// `scope` is the worksheet of a worksheet-level URL, nullptr at workbook level.
class TableRoutes {
 public:
  static Reply Handle(GraphCall& call, WorkbookTarget& target, Worksheet* scope,
                      const ODataCall& tables, std::span<const std::string> rest);
  static nlohmann::json TableJson(const WorkbookTarget& target, const Table& table);
  /// 404 itemNotFound, as for any unknown workbook object.
  static Reply NotFound();
  static void Touch(GraphCall& call, WorkbookTarget& target);
  // Shared with TableRowRoutes and TableColumnRoutes.
  static Worksheet& SheetOf(const WorkbookTarget& target, const Table& table);
  /// The `values` array of a range read.
  static nlohmann::json Values(const Worksheet& sheet, const GridRange& range);
  /// $top and $skip (absent: everything, from 0); a 400 when they are not whole numbers.
  static std::optional<Reply> Paging(const Exchange& exchange, std::size_t& top, std::size_t& skip);
  /// Checks a 2-D `values` array against `range` as a range PATCH does (nothing is written on
  /// a refusal, which is returned); `check_only` stops there.
  static std::optional<Reply> WriteValues(GraphCall& call, Worksheet& sheet,
                                          const nlohmann::json& values, const GridRange& range,
                                          bool check_only, std::uint64_t& written);

 private:
  static Reply List(GraphCall& call, WorkbookTarget& target, const Worksheet* scope);
  static Reply Add(GraphCall& call, WorkbookTarget& target, Worksheet* scope);
  static Reply OnTable(GraphCall& call, WorkbookTarget& target, Table& table,
                       std::span<const std::string> rest);
  static Reply Update(GraphCall& call, WorkbookTarget& target, Table& table);
  static Reply Remove(GraphCall& call, WorkbookTarget& target, Table& table, bool keep_cells);
};

}  // namespace xlsync::fakes
