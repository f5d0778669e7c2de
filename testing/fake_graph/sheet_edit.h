#pragma once

#include <string_view>

#include "core/result.h"
#include "testing/fake_graph/workbook.h"

namespace xlsync::fakes {

/// A range insert or delete on one sheet (msgraph.md §6.4 "Other range actions") that keeps the
/// workbook's tables (§6.7) and the sheet's column widths and row heights in step. Everything is
/// checked before a cell moves, so a refusal leaves the workbook as it was. Errors carry the
/// Excel code: "insertDeleteConflict" (it would cut a table) or "nonBlankCellOffSheet".
class SheetEdit {
 public:
  /// Rows inserted inside a table's body (or before its totals row), or columns inserted inside
  /// it, grow it; cells at or before its first row/column move it. `grow_id` names a table that
  /// also takes cells inserted right after its body or last column, or at its first body row
  /// when its header is hidden (tables/{id}/rows/add, columns/add).
  static core::Result<void> Insert(Workbook& workbook, Worksheet& sheet, const GridRange& range,
                                   ShiftDirection shift, std::string_view grow_id = {});
  /// Whole body rows or columns of a table shrink it (a table keeps one body row: the last one
  /// goes blank); the whole table deletes it; part of its header or totals row is refused.
  static core::Result<void> Delete(Workbook& workbook, Worksheet& sheet, const GridRange& range,
                                   ShiftDirection shift);
};

}  // namespace xlsync::fakes
