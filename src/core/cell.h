#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace xlsync::core {

/// kLink: a hyperlink to the URL in `text` that shows `number` (a record's id), written as
/// Excel's HYPERLINK formula by xlsync itself, whatever the task says about formulas.
enum class CellKind : std::uint8_t { kEmpty, kBoolean, kNumber, kText, kLink };

/// One typed spreadsheet value, independent of Odoo and Graph. Dates and datetimes are numbers
/// (Excel serials) whose meaning comes from the number format: the column's, unless the cell
/// carries its own (an amount in its record's currency).
struct Cell {
  CellKind kind = CellKind::kEmpty;
  bool boolean = false;
  double number = 0;
  std::string text;
  std::string number_format;  // "" = the column's format

  static Cell Empty() { return {}; }
  static Cell Boolean(bool value) { return {CellKind::kBoolean, value, 0, {}, {}}; }
  static Cell Number(double value, std::string format = {}) {
    return {CellKind::kNumber, false, value, {}, std::move(format)};
  }
  static Cell Text(std::string value) { return {CellKind::kText, false, 0, std::move(value), {}}; }
  static Cell Link(std::string url, double shown) {
    return {CellKind::kLink, false, shown, std::move(url), {}};
  }

  bool operator==(const Cell& other) const = default;
};

using Row = std::vector<Cell>;

/// One exported column: the Odoo field it comes from, its header label and its Excel number
/// format ("" = General).
struct Column {
  std::string field;
  std::string label;
  std::string number_format;

  bool operator==(const Column& other) const = default;
};

}  // namespace xlsync::core
