#include "testing/fake_graph/table_edit.h"

#include "testing/fake_graph/sheet_edit.h"

namespace xlsync::fakes {
namespace {

core::Error Invalid(std::string message) {
  return core::InvalidInput(std::move(message), "invalidArgument");
}

core::Error OffSheet() {
  return core::InvalidInput(
      "The cells cannot be inserted because non-blank cells would be pushed off the end of the "
      "worksheet.",
      "nonBlankCellOffSheet");
}

CellValue Text(std::string text, bool formula = false) {
  CellValue value;
  value.kind = ValueKind::kText;
  value.text = std::move(text);
  value.formula = formula;
  return value;
}

Table& Require(Workbook& workbook, const std::string& id) {
  Table* table = workbook.tables().Find(id);
  XLSYNC_CHECK(table != nullptr);
  return *table;
}

/// True when the row of cells can take a header or totals row without moving anything.
bool FreeRow(const Workbook& workbook, const Worksheet& sheet, const Table& table, int row) {
  const GridRange cells{row, table.left, row, table.right(), false, false};
  return row >= 0 && row < kMaxRows && sheet.cells.IsBlank(cells) &&
         !workbook.tables().Overlapping(sheet.id, cells, table.id);
}

}  // namespace

core::Result<std::string> TableEdit::Create(Workbook& workbook, Worksheet& sheet,
                                            const GridRange& range, bool has_headers) {
  if (range.unbounded()) return Invalid("A table needs a bounded address, such as A1:D10.");
  GridRange covered = range;
  int body_rows = has_headers ? range.rows() - 1 : range.rows();
  if (body_rows == 0) {
    ++covered.last_row;  // msgraph.md §6.7: a table always has a body row
    body_rows = 1;
  }
  if (covered.last_row + (has_headers ? 0 : 1) >= kMaxRows) return OffSheet();
  if (const Table* other = workbook.tables().Overlapping(sheet.id, covered)) {
    return Invalid("The range overlaps the table '" + other->name +
                   "': a table can't overlap another table.");
  }
  if (!has_headers) {
    // msgraph.md §6.7: Excel inserts a header row above, shifting the data down one row.
    const GridRange header{
        range.first_row, range.first_column, range.first_row, range.last_column, false, false};
    XLSYNC_RETURN_IF_ERROR(SheetEdit::Insert(workbook, sheet, header, ShiftDirection::kDown));
  }
  Table table;
  table.sheet_id = sheet.id;
  table.top = range.first_row;
  table.left = range.first_column;
  table.body_rows = body_rows;
  for (int index = 0; index < range.columns(); ++index) table.InsertColumn(index, "");
  Table& added = workbook.tables().Add(std::move(table));
  if (has_headers) {
    added.SyncHeader(sheet.cells);
  } else {
    added.WriteHeader(sheet.cells);
  }
  return added.id;
}

core::Result<void> TableEdit::ShowHeaders(Workbook& workbook, Worksheet& sheet,
                                          const std::string& id, bool show) {
  Table* table = &Require(workbook, id);
  if (table->show_headers == show) return {};
  if (!show) {
    sheet.cells.Clear(table->HeaderRange(), true, false);
    table->top += 1;
    table->show_headers = false;
    return {};
  }
  if (!FreeRow(workbook, sheet, *table, table->top - 1)) {
    const GridRange row{table->top, table->left, table->top, table->right(), false, false};
    XLSYNC_RETURN_IF_ERROR(SheetEdit::Insert(workbook, sheet, row, ShiftDirection::kDown));
    table = &Require(workbook, id);
  }
  table->top -= 1;
  table->show_headers = true;
  table->WriteHeader(sheet.cells);
  return {};
}

core::Result<void> TableEdit::ShowTotals(Workbook& workbook, Worksheet& sheet,
                                         const std::string& id, bool show) {
  Table* table = &Require(workbook, id);
  if (table->show_totals == show) return {};
  if (!show) {
    sheet.cells.Clear(table->TotalsRange(), true, false);
    table->show_totals = false;
    return {};
  }
  const int row = table->bottom() + 1;
  if (row >= kMaxRows) return OffSheet();
  if (!FreeRow(workbook, sheet, *table, row)) {
    const GridRange cells{row, table->left, row, table->right(), false, false};
    XLSYNC_RETURN_IF_ERROR(SheetEdit::Insert(workbook, sheet, cells, ShiftDirection::kDown));
    table = &Require(workbook, id);
  }
  table->show_totals = true;
  // What Excel puts in a new totals row: a label first, a sum of the last column last.
  if (table->width() > 1) sheet.cells.SetValue(row, table->left, Text("Total"));
  sheet.cells.SetValue(row, table->right(),
                       Text("=SUBTOTAL(109,[" + table->columns.back().name + "])", true));
  return {};
}

core::Result<int> TableEdit::AddRows(Workbook& workbook, Worksheet& sheet, const std::string& id,
                                     int count, std::optional<int> index) {
  const Table& table = Require(workbook, id);
  if (index && (*index < 0 || *index > table.body_rows)) {
    return Invalid("The row index " + std::to_string(*index) + " is outside the table's " +
                   std::to_string(table.body_rows) + " rows.");
  }
  // The one blank body row of a table without data takes the first new row, as in Excel.
  const bool placeholder =
      table.body_rows == 1 && (!index || *index == 0) && sheet.cells.IsBlank(table.BodyRange());
  const int first = placeholder ? 0 : index.value_or(table.body_rows);
  const int inserted = placeholder ? count - 1 : count;
  if (inserted == 0) return first;
  const int at = table.first_body_row() + (placeholder ? 1 : first);
  if (at + inserted > kMaxRows) return OffSheet();
  const GridRange rows{at, table.left, at + inserted - 1, table.right(), false, false};
  XLSYNC_RETURN_IF_ERROR(SheetEdit::Insert(workbook, sheet, rows, ShiftDirection::kDown, id));
  return first;
}

core::Result<void> TableEdit::DeleteRow(Workbook& workbook, Worksheet& sheet, const std::string& id,
                                        int index) {
  const Table& table = Require(workbook, id);
  if (index < 0 || index >= table.body_rows) {
    return Invalid("The row index " + std::to_string(index) + " is outside the table's " +
                   std::to_string(table.body_rows) + " rows.");
  }
  const int row = table.first_body_row() + index;
  const GridRange cells{row, table.left, row, table.right(), false, false};
  if (table.body_rows == 1) {
    sheet.cells.Clear(cells, true, false);  // a table keeps one body row
    return {};
  }
  return SheetEdit::Delete(workbook, sheet, cells, ShiftDirection::kUp);
}

core::Result<int> TableEdit::AddColumn(Workbook& workbook, Worksheet& sheet, const std::string& id,
                                       std::optional<int> index) {
  const Table& table = Require(workbook, id);
  if (index && (*index < 0 || *index > table.width())) {
    return Invalid("The column index " + std::to_string(*index) + " is outside the table's " +
                   std::to_string(table.width()) + " columns.");
  }
  const int position = index.value_or(table.width());
  const int column = table.left + position;
  if (column >= kMaxColumns) return OffSheet();
  const GridRange cells{table.top, column, table.bottom(), column, false, false};
  XLSYNC_RETURN_IF_ERROR(SheetEdit::Insert(workbook, sheet, cells, ShiftDirection::kRight, id));
  return position;
}

core::Result<void> TableEdit::DeleteColumn(Workbook& workbook, Worksheet& sheet,
                                           const std::string& id, int index) {
  const Table& table = Require(workbook, id);
  if (table.width() == 1) {
    return Invalid("A table keeps at least one column: delete the table instead.");
  }
  const int column = table.left + index;
  const GridRange cells{table.top, column, table.bottom(), column, false, false};
  return SheetEdit::Delete(workbook, sheet, cells, ShiftDirection::kLeft);
}

}  // namespace xlsync::fakes
