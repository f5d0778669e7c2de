#include "testing/fake_graph/range_patch.h"

#include <array>
#include <cmath>

#include "testing/fake_graph/cell_input.h"

namespace xlsync::fakes {
namespace {

constexpr std::string_view kInvalidArgument = "invalidArgument";
constexpr std::array<std::string_view, 9> kReadOnly = {"address",     "addressLocal", "cellCount",
                                                       "columnCount", "columnIndex",  "rowCount",
                                                       "rowIndex",    "text",         "valueTypes"};
constexpr std::array<std::string_view, 4> kNotImplemented = {"formulasR1C1", "rowHidden",
                                                             "columnHidden", "hidden"};

core::Error Invalid(std::string message) {
  return core::InvalidInput(std::move(message), std::string(kInvalidArgument));
}

/// A 2-D array's entry, or the scalar that fills the whole range.
const nlohmann::json& Entry(const nlohmann::json& grid, int row, int column) {
  if (!grid.is_array()) return grid;
  return grid[static_cast<std::size_t>(row)][static_cast<std::size_t>(column)];
}

core::Result<void> CheckShape(const nlohmann::json& grid, const GridRange& range) {
  if (!grid.is_array()) {
    if (grid.is_object()) return Invalid("A range property must be a 2-D array or a single value.");
    return {};  // A scalar fills the whole range (Ctrl+Enter).
  }
  const auto mismatch = [] {
    return Invalid(
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  };
  if (grid.size() != static_cast<std::size_t>(range.rows())) return mismatch();
  for (const auto& row : grid) {
    if (!row.is_array() || row.size() != static_cast<std::size_t>(range.columns()))
      return mismatch();
  }
  return {};
}

core::Result<void> CheckEntry(const nlohmann::json& entry) {
  if (entry.is_null() || entry.is_boolean()) return {};
  if (entry.is_string()) {
    const std::string& text = entry.get_ref<const std::string&>();
    const size_t prefix = !text.empty() && text.front() == '\'' ? 1 : 0;  // the quote prefix (§6.5)
    if (CellInputParser::Utf16Length(text) - prefix > kMaxCellText) {
      return Invalid("The text is longer than the 32,767 characters a cell can hold.");
    }
    return {};
  }
  if (entry.is_number()) {
    const double number = entry.get<double>();
    if (!std::isfinite(number) || std::fabs(number) > kMaxCellNumber) {
      return Invalid(
          "The number is outside the range Excel can store (about ±9.99999999999999E+307).");
    }
    return {};
  }
  return Invalid("Each cell value must be a string, a number, a boolean or null.");
}

core::Result<void> CheckEntries(const nlohmann::json& grid, const GridRange& range, bool formats) {
  for (int row = 0; row < range.rows(); ++row) {
    for (int column = 0; column < range.columns(); ++column) {
      const nlohmann::json& entry = Entry(grid, row, column);
      if (formats && !entry.is_null() && !entry.is_string()) {
        return Invalid("Each number format must be a string or null.");
      }
      if (!formats) XLSYNC_RETURN_IF_ERROR(CheckEntry(entry));
      if (!grid.is_array()) return {};
    }
  }
  return {};
}

core::Result<void> UnknownProperty(const std::string& key) {
  for (auto name : kReadOnly) {
    if (key == name) return Invalid("The property '" + key + "' is read-only.");
  }
  for (auto name : kNotImplemented) {
    if (key == name)
      return core::InvalidInput("The fake Graph does not implement setting '" + key + "'.",
                                "notImplemented");
  }
  return core::InvalidInput(
      "The property '" + key +
      "' does not exist on type 'microsoft.graph.workbookRange'. Make sure to only use property names that are defined by the type.");
}

}  // namespace

core::Result<RangePatch> RangePatch::Prepare(const nlohmann::json& body, const GridRange& range) {
  if (!body.is_object()) return Invalid("The request body must be a JSON object.");
  RangePatch patch(range);
  for (const auto& [key, value] : body.items()) {
    if (key.starts_with("@odata.")) continue;
    const nlohmann::json** slot = key == "values"                               ? &patch.values_
                                  : key == "formulas" || key == "formulasLocal" ? &patch.formulas_
                                  : key == "numberFormat" || key == "numberFormatLocal"
                                      ? &patch.formats_
                                      : nullptr;
    if (!slot) {
      XLSYNC_RETURN_IF_ERROR(UnknownProperty(key));
    }
    if (value.is_null()) {
      return Invalid("The property '" + key +
                     "' cannot be null: put null inside the array to leave a cell unchanged.");
    }
    XLSYNC_RETURN_IF_ERROR(CheckShape(value, range));
    XLSYNC_RETURN_IF_ERROR(CheckEntries(value, range, slot == &patch.formats_));
    *slot = &value;
  }
  return patch;
}

core::Result<std::uint64_t> RangePatch::Apply(SheetCells& cells) const {
  std::uint64_t written = 0;
  for (int i = 0; i < range_.rows(); ++i) {
    const int row = range_.first_row + i;
    for (int j = 0; j < range_.columns(); ++j) {
      const int column = range_.first_column + j;
      const bool format_given = formats_ && !Entry(*formats_, i, j).is_null();
      bool given = false;
      if (values_)
        ApplyInput(cells, row, column, Entry(*values_, i, j), false, format_given, given);
      if (formulas_)
        ApplyInput(cells, row, column, Entry(*formulas_, i, j), true, format_given, given);
      if (given) ++written;
      if (format_given &&
          !cells.SetFormat(row, column, Entry(*formats_, i, j).get_ref<const std::string&>())) {
        return Invalid("The sheet already uses 65,535 different number formats.");
      }
    }
  }
  return written;
}

void RangePatch::ApplyInput(SheetCells& cells, int row, int column, const nlohmann::json& entry,
                            bool formulas, bool format_given, bool& written) const {
  // Typing follows the cell's format before this PATCH: a format set by the same PATCH comes
  // too late to keep "00123" text (msgraph.md §6.5: set "@" in an earlier PATCH).
  const bool text_formatted = cells.Get(row, column).number_format == "@";
  auto parsed = CellInputParser::Parse(entry, text_formatted, formulas);
  XLSYNC_CHECK(parsed.has_value());  // Prepare() checked every entry.
  if (!*parsed) return;
  const CellInput& input = **parsed;
  written = true;
  if (input.reset_format) cells.SetFormat(row, column, "General");
  cells.SetValue(row, column, input.value);
  if (input.implied_format && !format_given && cells.Get(row, column).number_format == "General") {
    cells.SetFormat(row, column, *input.implied_format);
  }
}

}  // namespace xlsync::fakes
