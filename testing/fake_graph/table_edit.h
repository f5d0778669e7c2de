#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "testing/fake_graph/workbook.h"

namespace xlsync::fakes {

/// The table changes of msgraph.md §6.7 on a workbook's cells and tables, through SheetEdit so
/// that the cells around a table move as Excel moves them. Tables are named by id because any
/// edit may move them in memory. Errors are core::Errors with the Excel code in `upstream`
/// ("invalidArgument", "insertDeleteConflict", "nonBlankCellOffSheet").
class TableEdit {
 public:
  /// tables/add over a bounded range: `has_headers` uses its first row as the header (a range of
  /// just a header gets one blank body row below); otherwise a header row (Column1, Column2, ...)
  /// is inserted above, shifting the range's cells down. Returns the new table's id.
  static core::Result<std::string> Create(Workbook& workbook, Worksheet& sheet,
                                          const GridRange& range, bool has_headers);
  /// Hides the header row (its cells go blank) or shows it in the row above (inserting one when
  /// that row is not blank).
  static core::Result<void> ShowHeaders(Workbook& workbook, Worksheet& sheet, const std::string& id,
                                        bool show);
  /// Adds a totals row below the body ("Total" and a SUBTOTAL formula) or blanks it out.
  static core::Result<void> ShowTotals(Workbook& workbook, Worksheet& sheet, const std::string& id,
                                       bool show);
  /// Makes room for `count` body rows at body index `index` (nullopt = after the last); the
  /// blank row of a table without data takes the first of them. Returns the body index of the
  /// first new row.
  static core::Result<int> AddRows(Workbook& workbook, Worksheet& sheet, const std::string& id,
                                   int count, std::optional<int> index);
  /// Deletes a body row, shifting the cells below up; the last body row is blanked instead.
  static core::Result<void> DeleteRow(Workbook& workbook, Worksheet& sheet, const std::string& id,
                                      int index);
  /// Inserts a column at `index` (nullopt = after the last), shifting the cells to the right of
  /// it in the table's rows; returns its index.
  static core::Result<int> AddColumn(Workbook& workbook, Worksheet& sheet, const std::string& id,
                                     std::optional<int> index);
  /// Deletes a column, shifting the cells to its right in the table's rows left.
  static core::Result<void> DeleteColumn(Workbook& workbook, Worksheet& sheet,
                                         const std::string& id, int index);
};

}  // namespace xlsync::fakes
