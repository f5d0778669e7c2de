#include "sync/sheet_layout.h"

namespace xlsync::sync {
namespace {

bool Names(const std::string& cell, const core::Column& column) {
  return cell == column.label || cell == column.field;
}

bool NamesAnyColumn(const std::string& cell, const std::vector<core::Column>& columns) {
  for (const auto& column : columns) {
    if (Names(cell, column)) return true;
  }
  return false;
}

// The first task column not yet claimed whose label is `cell`, else whose field name is: the
// header switches between labels and names with the task's `header` key, and a label may repeat.
int ClaimColumn(const std::string& cell, const std::vector<core::Column>& columns,
                std::vector<bool>& taken) {
  for (const bool by_label : {true, false}) {
    for (size_t j = 0; j < columns.size(); ++j) {
      if (taken[j] || (by_label ? cell != columns[j].label : cell != columns[j].field)) continue;
      taken[j] = true;
      return static_cast<int>(j);
    }
  }
  return -1;
}

}  // namespace

SheetLayout::SheetLayout(std::vector<std::string> header, const std::vector<core::Column>& columns)
    : header_(std::move(header)) {
  for (size_t i = 0; i < header_.size() && !header_[i].empty(); ++i) {
    if (NamesAnyColumn(header_[i], columns)) own_width_ = static_cast<int>(i) + 1;
  }
  Plan(columns);
}

void SheetLayout::Plan(const std::vector<core::Column>& columns) {
  std::vector<bool> taken(columns.size(), false);
  std::vector<int> owner(static_cast<size_t>(own_width_), -1);
  for (size_t i = 0; i < owner.size(); ++i) owner[i] = ClaimColumn(header_[i], columns, taken);
  // Right to left, so that each index still points at the cell it was planned for.
  for (int i = own_width_ - 1; i >= 0; --i) {
    if (owner[static_cast<size_t>(i)] < 0) edits_.push_back({ColumnEdit::Kind::kRemove, i, 0});
  }
  // Left to right: a missing column goes where the task puts it, and the columns before it are
  // all in place by then (kept or inserted), so index j exists.
  for (size_t j = 0; j < columns.size(); ++j) {
    if (!taken[j]) edits_.push_back({ColumnEdit::Kind::kInsert, static_cast<int>(j), j});
  }
}

std::vector<std::string> HeaderAfter(std::vector<std::string> header, const ColumnEdit& edit,
                                     const std::string& inserted) {
  const auto at = static_cast<size_t>(edit.index);
  if (edit.kind == ColumnEdit::Kind::kRemove) {
    if (at < header.size()) header.erase(header.begin() + static_cast<std::ptrdiff_t>(at));
  } else {
    if (at > header.size()) header.resize(at);
    header.insert(header.begin() + static_cast<std::ptrdiff_t>(at), inserted);
  }
  return header;
}

}  // namespace xlsync::sync
