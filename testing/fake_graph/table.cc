#include "testing/fake_graph/table.h"

#include "core/text.h"
#include "testing/fake_graph/hyperlink_formula.h"
#include "testing/fake_graph/number_text.h"

namespace xlsync::fakes {
namespace {

CellValue TextValue(const std::string& text) {
  CellValue value;
  value.kind = ValueKind::kText;
  value.text = text;
  return value;
}

}  // namespace

int Table::FindColumn(std::string_view id_or_name) const {
  for (int index = 0; index < width(); ++index) {
    const TableColumn& column = columns[static_cast<std::size_t>(index)];
    if (column.id == id_or_name || core::EqualsIgnoreCase(column.name, id_or_name)) return index;
  }
  return -1;
}

void Table::InsertColumn(int index, const std::string& wanted) {
  TableColumn column{std::to_string(next_column_id++), ""};
  columns.insert(columns.begin() + index, column);
  columns[static_cast<std::size_t>(index)].name = UniqueName(wanted, index);
}

std::string Table::UniqueName(const std::string& wanted, int index) const {
  const auto taken = [&](const std::string& candidate) {
    for (int other = 0; other < width(); ++other) {
      if (other != index &&
          core::EqualsIgnoreCase(columns[static_cast<std::size_t>(other)].name, candidate)) {
        return true;
      }
    }
    return false;
  };
  if (wanted.empty()) {
    for (int n = index + 1;; ++n) {
      std::string candidate = "Column" + std::to_string(n);
      if (!taken(candidate)) return candidate;
    }
  }
  if (!taken(wanted)) return wanted;
  for (int n = 2;; ++n) {
    std::string candidate = wanted + std::to_string(n);
    if (!taken(candidate)) return candidate;
  }
}

void Table::SyncHeader(SheetCells& cells) {
  if (!show_headers) return;
  // msgraph.md §6.7: header cells are always text, and duplicate labels become unique. A column
  // whose header still reads its name keeps it; changed ones are renamed around them, as Excel
  // renames the label just typed, not the one already there.
  std::vector<std::string> texts;
  std::vector<bool> kept;
  for (int index = 0; index < width(); ++index) {
    const DisplayedCell shown(cells.Get(top, left + index));
    texts.push_back(NumberText::Render(shown.view()));
    kept.push_back(!texts.back().empty() &&
                   texts.back() == columns[static_cast<std::size_t>(index)].name);
  }
  for (int index = 0; index < width(); ++index) {
    if (!kept[static_cast<std::size_t>(index)])
      columns[static_cast<std::size_t>(index)].name.clear();
  }
  for (int index = 0; index < width(); ++index) {
    TableColumn& column = columns[static_cast<std::size_t>(index)];
    if (!kept[static_cast<std::size_t>(index)]) {
      column.name = UniqueName(texts[static_cast<std::size_t>(index)], index);
    }
    const CellView stored = cells.Get(top, left + index);
    if (stored.kind != ValueKind::kText || stored.formula || stored.text != column.name) {
      cells.SetValue(top, left + index, TextValue(column.name));
    }
  }
}

void Table::WriteHeader(SheetCells& cells) const {
  if (!show_headers) return;
  for (int index = 0; index < width(); ++index) {
    cells.SetValue(top, left + index, TextValue(columns[static_cast<std::size_t>(index)].name));
  }
}

}  // namespace xlsync::fakes
