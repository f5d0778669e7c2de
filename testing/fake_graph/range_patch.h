#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

#include "core/result.h"
#include "testing/fake_graph/a1_address.h"
#include "testing/fake_graph/sheet_cells.h"

namespace xlsync::fakes {

/// One range PATCH (msgraph.md §6.4), checked whole before any cell changes, so a 400 leaves
/// the sheet as it was. Holds pointers into the request body: apply it while the body lives.
/// Errors: `upstream` "invalidArgument" (400), "notImplemented" (501) or empty (400 BadRequest
/// for a property the type does not have).
class RangePatch {
 public:
  static core::Result<RangePatch> Prepare(const nlohmann::json& body, const GridRange& range);
  /// Writes values and formulas (typed against each cell's format before this PATCH), then
  /// number formats. Returns how many cells received a value.
  core::Result<std::uint64_t> Apply(SheetCells& cells) const;

 private:
  explicit RangePatch(const GridRange& range) : range_(range) {}
  void ApplyInput(SheetCells& cells, int row, int column, const nlohmann::json& entry,
                  bool formulas, bool format_given, bool& written) const;

  GridRange range_;
  const nlohmann::json* values_ = nullptr;
  const nlohmann::json* formulas_ = nullptr;
  const nlohmann::json* formats_ = nullptr;
};

}  // namespace xlsync::fakes
