#include "testing/fake_graph/sheet_snapshot.h"

#include "testing/fake_graph/a1_address.h"

namespace xlsync::fakes {

const SnapshotCell& SheetSnapshot::At(std::string_view a1) const {
  static const SnapshotCell kBlank;
  auto address = ParseAddress(a1);
  if (!address || address->range.unbounded()) return kBlank;
  const auto row = static_cast<size_t>(address->range.first_row);
  const auto column = static_cast<size_t>(address->range.first_column);
  if (row >= rows.size() || column >= rows[row].size()) return kBlank;
  return rows[row][column];
}

}  // namespace xlsync::fakes
