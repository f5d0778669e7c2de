#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/cell.h"

namespace xlsync::fakes {

/// One cell read back through the fake's C++ API. A formula is kText holding the formula text,
/// except =HYPERLINK("url",n) (core::Cell::Link(url, n)) and =HYPERLINK("url","text") (Text).
struct SnapshotCell {
  core::Cell value;
  bool formula = false;
  bool quote_prefix = false;
  std::string number_format = "General";
  bool bold = false;
  std::string formula_text;  // the formula as stored, "" when the cell holds none

  bool operator==(const SnapshotCell& other) const = default;
};

/// One table of the sheet (msgraph.md §6.7).
struct TableSnapshot {
  std::string id;
  std::string name;
  std::string style;
  std::string address;  // "Sheet1!A1:C4": header, body and totals rows
  bool show_headers = true;
  bool show_totals = false;
  int body_rows = 1;
  std::vector<std::string> columns;

  bool operator==(const TableSnapshot& other) const = default;
};

/// A worksheet as stored: `rows[r][c]` is the cell at row r+1, column c (A = 0), from A1 to the
/// bottom-right of the used range (formatted cells included); rows may be ragged.
struct SheetSnapshot {
  std::string id;
  std::string name;
  int position = 0;
  std::string used_range;         // "A1:C3"; "A1" on a blank sheet (values and formats)
  std::string used_range_values;  // the same, values only (usedRange(valuesOnly=true))
  int stored_rows = 0;            // rows in the sheet, even beyond `rows` when truncated
  std::vector<std::vector<SnapshotCell>> rows;
  std::vector<TableSnapshot> tables;           // in the order they were added
  std::map<std::string, double> column_widths;  // "B" -> points, for columns not at 48 pt
  std::map<int, double> row_heights;            // 1-based row -> points, for rows not at 15 pt

  /// The cell at an A1 reference ("C7"); a blank cell when outside `rows` or unparsable.
  const SnapshotCell& At(std::string_view a1) const;
};

}  // namespace xlsync::fakes
