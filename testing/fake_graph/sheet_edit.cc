#include "testing/fake_graph/sheet_edit.h"

#include <algorithm>
#include <set>

namespace xlsync::fakes {
namespace {

core::Error Conflict(const Table& table) {
  return core::InvalidInput("The operation would move part of the table '" + table.name +
                                "': insert or delete whole rows or columns of the table.",
                            "insertDeleteConflict");
}

core::Error OffSheet() {
  return core::InvalidInput(
      "The cells cannot be inserted because non-blank cells would be pushed off the end of the "
      "worksheet.",
      "nonBlankCellOffSheet");
}

bool AllColumns(const GridRange& range) {
  return range.whole_rows || (range.first_column == 0 && range.last_column == kMaxColumns - 1);
}

bool AllRows(const GridRange& range) {
  return range.whole_columns || (range.first_row == 0 && range.last_row == kMaxRows - 1);
}

/// A table's extent along the shift (rows for Up/Down) and across it.
struct Spans {
  int along_first, along_last, across_first, across_last;
};

Spans SpansOf(const Table& table, bool vertical) {
  return vertical ? Spans{table.top, table.bottom(), table.left, table.right()}
                  : Spans{table.left, table.right(), table.top, table.bottom()};
}

Spans SpansOf(const GridRange& range, bool vertical) {
  return vertical ? Spans{range.first_row, range.last_row, range.first_column, range.last_column}
                  : Spans{range.first_column, range.last_column, range.first_row, range.last_row};
}

/// Grows or moves a (planned copy of a) table for cells inserted at `at`, `count` deep.
core::Result<void> PlanInsert(Table& table, const Spans& cut, int count, bool vertical,
                              bool grow_table) {
  const Spans own = SpansOf(table, vertical);
  const int limit = vertical ? kMaxRows : kMaxColumns;
  const int at = cut.along_first;
  bool grows = false;
  if (vertical) {
    grows = (at > table.top && at <= table.last_body_row() + (table.show_totals ? 1 : 0)) ||
            (grow_table && (at == table.first_body_row() || at == table.last_body_row() + 1));
  } else {
    grows = (at > table.left && at <= table.right()) ||
            (grow_table && (at == table.left || at == table.right() + 1));
  }
  if (!grows && at > own.along_last) return {};
  if (own.across_first < cut.across_first || own.across_last > cut.across_last) {
    return Conflict(table);
  }
  if (own.along_last + count >= limit) return OffSheet();
  if (!grows) {
    (vertical ? table.top : table.left) += count;
  } else if (vertical) {
    table.body_rows += count;
  } else {
    for (int k = 0; k < count; ++k) table.InsertColumn(at - table.left + k, "");
  }
  return {};
}

/// Shrinks, moves or removes a (planned copy of a) table for cells deleted along `cut`.
/// Returns false when the table goes; sets `blank_row` when its last body row went.
core::Result<bool> PlanDelete(Table& table, const Spans& cut, bool vertical, bool& blank_row) {
  const Spans own = SpansOf(table, vertical);
  if (own.across_first < cut.across_first || own.across_last > cut.across_last) {
    return Conflict(table);
  }
  const int count = cut.along_last - cut.along_first + 1;
  if (own.along_first > cut.along_last) {
    (vertical ? table.top : table.left) -= count;
    return true;
  }
  if (cut.along_first <= own.along_first && cut.along_last >= own.along_last) return false;
  const int first = std::max(cut.along_first, own.along_first);
  const int last = std::min(cut.along_last, own.along_last);
  if (!vertical) {
    table.columns.erase(table.columns.begin() + (first - table.left),
                        table.columns.begin() + (last - table.left + 1));
    table.left = std::min(table.left, cut.along_first);
    return true;
  }
  const bool header_cut = table.show_headers && first == table.top;
  const bool totals_cut = table.show_totals && last == table.bottom();
  if (header_cut || totals_cut) return Conflict(table);
  table.body_rows -= last - first + 1;
  table.top = std::min(table.top, cut.along_first);
  if (table.body_rows < 1) {
    table.body_rows = 1;
    blank_row = true;
  }
  return true;
}

/// A blank body row goes back into each emptied table: the cells below it, and the tables there,
/// move down one row within its columns.
core::Result<void> PlanBlankRows(std::vector<Table>& planned, const std::set<std::string>& emptied,
                                 std::string_view sheet_id) {
  for (const Table& table : planned) {
    if (!emptied.contains(table.id)) continue;
    for (Table& other : planned) {
      if (other.sheet_id != sheet_id || other.id == table.id || other.top < table.bottom() ||
          other.right() < table.left || other.left > table.right()) {
        continue;
      }
      if (other.left < table.left || other.right() > table.right()) return Conflict(other);
      other.top += 1;
    }
  }
  return {};
}

}  // namespace

core::Result<void> SheetEdit::Insert(Workbook& workbook, Worksheet& sheet, const GridRange& range,
                                     ShiftDirection shift, std::string_view grow_id) {
  const bool vertical = shift == ShiftDirection::kDown;
  if (sheet.cells.WouldPushOffSheet(range, shift)) return OffSheet();
  const Spans cut = SpansOf(range, vertical);
  const int count = vertical ? range.rows() : range.columns();
  std::vector<Table> planned = workbook.tables().all();
  for (Table& table : planned) {
    if (table.sheet_id != sheet.id) continue;
    const Spans own = SpansOf(table, vertical);
    if (own.across_last < cut.across_first || own.across_first > cut.across_last) continue;
    XLSYNC_RETURN_IF_ERROR(PlanInsert(table, cut, count, vertical, table.id == grow_id));
  }
  sheet.cells.Insert(range, shift);
  if (vertical && AllColumns(range)) sheet.layout.ShiftRows(range.first_row, count);
  if (!vertical && AllRows(range)) sheet.layout.ShiftColumns(range.first_column, count);
  for (Table& table : planned) {
    if (table.sheet_id == sheet.id) table.WriteHeader(sheet.cells);
  }
  workbook.tables().all() = std::move(planned);
  return {};
}

core::Result<void> SheetEdit::Delete(Workbook& workbook, Worksheet& sheet, const GridRange& range,
                                     ShiftDirection shift) {
  const bool vertical = shift == ShiftDirection::kUp;
  const Spans cut = SpansOf(range, vertical);
  const int count = vertical ? range.rows() : range.columns();
  std::vector<Table> planned;
  std::set<std::string> emptied;
  for (Table table : workbook.tables().all()) {
    const Spans own = SpansOf(table, vertical);
    const bool touched = table.sheet_id == sheet.id && own.along_last >= cut.along_first &&
                         own.across_last >= cut.across_first && own.across_first <= cut.across_last;
    bool blank_row = false;
    if (touched) {
      auto kept = PlanDelete(table, cut, vertical, blank_row);
      if (!kept) return kept.error();
      if (!*kept) continue;
    }
    if (blank_row) emptied.insert(table.id);
    planned.push_back(std::move(table));
  }
  XLSYNC_RETURN_IF_ERROR(PlanBlankRows(planned, emptied, sheet.id));
  sheet.cells.Delete(range, shift);
  for (const Table& table : planned) {
    if (emptied.contains(table.id)) sheet.cells.Insert(table.BodyRange(), ShiftDirection::kDown);
  }
  if (vertical && AllColumns(range)) sheet.layout.ShiftRows(range.first_row, -count);
  if (!vertical && AllRows(range)) sheet.layout.ShiftColumns(range.first_column, -count);
  workbook.tables().all() = std::move(planned);
  return {};
}

}  // namespace xlsync::fakes
