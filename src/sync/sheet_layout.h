#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/cell.h"

namespace xlsync::sync {

/// One change that turns the sheet's own columns into the task's: remove the column at `index`,
/// or insert one for task column `column` at `index` (0-based, in the header as it stands when
/// the edit runs, after the edits before it).
struct ColumnEdit {
  enum class Kind { kRemove, kInsert };
  Kind kind = Kind::kRemove;
  int index = 0;
  size_t column = 0;  // kInsert: the task column that goes there

  bool operator==(const ColumnEdit& other) const = default;
};

/// xlsync's own columns on a sheet, read from its header row: the leading header cells (up to the
/// first blank one) up to the last that equals a label or a field name of the task's columns.
/// Everything to their right is the user's. Plans the removals (right to left) and insertions
/// (left to right) that make the own columns the task's, so the user's columns move with their
/// formulas instead of being overwritten (with no own column, every task column is an insertion
/// at its place). Pure: no I/O.
class SheetLayout {
 public:
  SheetLayout(std::vector<std::string> header, const std::vector<core::Column>& columns);

  /// False when no header cell names a task column: a new sheet, or one xlsync did not write.
  bool ours() const { return own_width_ > 0; }
  /// Columns xlsync wrote last time (the width of the old own region).
  int own_width() const { return own_width_; }
  const std::vector<ColumnEdit>& edits() const { return edits_; }
  /// The header row as read (the whole row: own and user's cells).
  const std::vector<std::string>& header() const { return header_; }

 private:
  void Plan(const std::vector<core::Column>& columns);

  std::vector<std::string> header_;
  int own_width_ = 0;
  std::vector<ColumnEdit> edits_;
};

/// The header row after `edit`: the removed cell gone, or `inserted` at the inserted place.
std::vector<std::string> HeaderAfter(std::vector<std::string> header, const ColumnEdit& edit,
                                     const std::string& inserted);

}  // namespace xlsync::sync
