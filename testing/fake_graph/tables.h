#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "testing/fake_graph/table.h"

namespace xlsync::fakes {

/// The tables of one workbook (msgraph.md §6.7): lookup by id or name, automatic names
/// (Table1, Table2, ...), Excel's naming and style rules, overlap checks. Errors carry the Excel
/// code "invalidArgument". Pointers it returns live until the next Add or Remove. Not
/// thread-safe: callers hold the fake's state lock.
class Tables {
 public:
  std::vector<Table>& all() { return tables_; }
  const std::vector<Table>& all() const { return tables_; }
  /// By id, legacy id or name (names case-insensitively, like Excel).
  Table* Find(std::string_view id_or_name);
  std::vector<Table*> OnSheet(std::string_view sheet_id);
  std::vector<const Table*> OnSheet(std::string_view sheet_id) const;
  /// A table of that sheet sharing a cell with `range` (other than `except_id`), or nullptr.
  const Table* Overlapping(std::string_view sheet_id, const GridRange& range,
                           std::string_view except_id = {}) const;

  /// Gives the table its ids and, when it has no name, the first free "TableN".
  Table& Add(Table table);
  void Remove(std::string_view id);
  void RemoveOnSheet(std::string_view sheet_id);
  void Clear();

  /// Re-reads the header cells of the sheet's tables whose header row meets `touched` (after a
  /// write or a clear): header cells stay unique text (Table::SyncHeader).
  void SyncHeaders(std::string_view sheet_id, const GridRange& touched, SheetCells& cells);

  /// The §6.7 rules, then uniqueness among the other tables (case-insensitive).
  core::Result<void> CheckName(std::string_view name, std::string_view except_id) const;
  /// TableStyleLight1-21, TableStyleMedium1-28 or TableStyleDark1-11 (any case); returns the
  /// style as Excel spells it.
  static core::Result<std::string> CheckStyle(std::string_view style);

 private:
  std::vector<Table> tables_;
  int next_number_ = 1;
};

}  // namespace xlsync::fakes
