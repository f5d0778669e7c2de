#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "testing/fake_graph/sheet_cells.h"
#include "testing/fake_graph/sheet_layout.h"
#include "testing/fake_graph/tables.h"

namespace xlsync::fakes {

/// One worksheet: a stable braced id, a name, a visibility, its cells and their layout.
struct Worksheet {
  std::string id;
  std::string name;
  std::string visibility = "Visible";
  SheetCells cells;
  SheetLayout layout;
};

/// The worksheets of one .xlsx, in position order, with Excel's naming rules (msgraph.md §6.3),
/// and its tables (§6.7). Errors are core::Errors whose `upstream` is the Excel second-level
/// code. Not thread-safe.
class Workbook {
 public:
  /// Sheets get the ids "{00000000-000N-0000-0000-000000000000}" in order.
  explicit Workbook(std::vector<std::string> sheet_names);

  /// A deep copy (the scratch copy of a persistChanges:false session, §6.2).
  std::unique_ptr<Workbook> Clone() const;
  /// Back to the sheets it was created with, all blank, without tables.
  void Reset();

  const std::vector<std::unique_ptr<Worksheet>>& sheets() const { return sheets_; }
  Worksheet* FindById(std::string_view id) const;
  /// Case-insensitive, like Excel.
  Worksheet* FindByName(std::string_view name) const;
  int PositionOf(const Worksheet& sheet) const;
  Tables& tables() { return tables_; }
  const Tables& tables() const { return tables_; }

  /// Appends a sheet; an absent name becomes the first free "SheetN".
  core::Result<Worksheet*> Add(std::optional<std::string> name, std::string id);
  core::Result<void> Rename(Worksheet& sheet, const std::string& name);
  core::Result<void> Move(Worksheet& sheet, int position);
  core::Result<void> SetVisibility(Worksheet& sheet, const std::string& visibility);
  /// Removes the sheet and its tables.
  core::Result<void> Remove(const Worksheet& sheet);

  /// 1-31 characters, none of \ / ? * [ ] :, no leading or trailing ', not "History".
  static core::Result<void> ValidateName(std::string_view name);

 private:
  core::Result<void> CheckUnique(std::string_view name, const Worksheet* except) const;
  int VisibleCount() const;

  std::vector<std::string> initial_names_;
  std::vector<std::unique_ptr<Worksheet>> sheets_;
  Tables tables_;
};

}  // namespace xlsync::fakes
