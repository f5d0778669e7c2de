#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace xlsync::core {

enum class CellKind : std::uint8_t { kEmpty, kBoolean, kNumber, kText };

/// One typed spreadsheet value, independent of Odoo and Graph. Dates and datetimes are numbers
/// (Excel serials) whose meaning comes from the column's number format.
struct Cell {
  CellKind kind = CellKind::kEmpty;
  bool boolean = false;
  double number = 0;
  std::string text;

  static Cell Empty() { return {}; }
  static Cell Boolean(bool value) { return {CellKind::kBoolean, value, 0, {}}; }
  static Cell Number(double value) { return {CellKind::kNumber, false, value, {}}; }
  static Cell Text(std::string value) { return {CellKind::kText, false, 0, std::move(value)}; }

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
