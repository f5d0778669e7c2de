#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

#include "core/result.h"
#include "testing/fake_graph/a1_address.h"
#include "testing/fake_graph/exchange.h"
#include "testing/fake_graph/workbook.h"

namespace xlsync::fakes {

/// The workbookRange object of range reads and PATCH replies (msgraph.md §6.4): address with
/// Excel sheet quoting, counts, indexes and the cell arrays (null for unbounded ranges).
/// Formulas are not evaluated: a formula cell's value is its formula text, valueType "Unknown";
/// except =HYPERLINK("url",n|"text"), whose value is its result (HyperlinkFormula).
class RangeJson {
 public:
  /// The $select set (nullopt = every property); an unknown property is an error.
  static core::Result<std::optional<std::set<std::string>>> Select(const Exchange& exchange);
  /// Whether a read with this $select loads cell arrays (values, text, formulas, formats, types).
  static bool LoadsCells(const std::optional<std::set<std::string>>& select);
  /// The range object as JSON text, what replies send.
  static std::string Render(const Worksheet& sheet, const GridRange& range,
                            const std::optional<std::set<std::string>>& select);
  /// The same, parsed.
  static nlohmann::json Build(const Worksheet& sheet, const GridRange& range,
                              const std::optional<std::set<std::string>>& select);
};

}  // namespace xlsync::fakes
