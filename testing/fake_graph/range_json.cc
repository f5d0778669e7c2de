#include "testing/fake_graph/range_json.h"

#include <array>
#include <cmath>

#include "core/text.h"
#include "testing/fake_graph/hyperlink_formula.h"
#include "testing/fake_graph/number_text.h"

namespace xlsync::fakes {
namespace {

constexpr std::array<std::string_view, 17> kProperties = {
    "address",  "addressLocal",  "cellCount",  "columnCount",  "columnHidden", "columnIndex",
    "formulas", "formulasLocal", "hidden",     "numberFormat", "rowCount",     "rowHidden",
    "rowIndex", "text",          "valueTypes", "values",       "@odata.type"};

std::string_view ValueType(const CellView& cell) {
  switch (cell.kind) {
    case ValueKind::kEmpty:
      return "Empty";
    case ValueKind::kNumber:
      return "Double";
    case ValueKind::kBoolean:
      return "Boolean";
    case ValueKind::kText:
      return cell.formula ? "Unknown" : "String";
  }
  return "Unknown";
}

struct Arrays {
  nlohmann::json values, text, formulas, formats, types;
};

Arrays CellArrays(const Worksheet& sheet, const GridRange& range) {
  Arrays arrays{nlohmann::json::array(), nlohmann::json::array(), nlohmann::json::array(),
                nlohmann::json::array(), nlohmann::json::array()};
  for (int row = range.first_row; row <= range.last_row; ++row) {
    Arrays line{nlohmann::json::array(), nlohmann::json::array(), nlohmann::json::array(),
                nlohmann::json::array(), nlohmann::json::array()};
    for (int column = range.first_column; column <= range.last_column; ++column) {
      const CellView stored = sheet.cells.Get(row, column);
      const DisplayedCell shown(stored);
      const CellView& cell = shown.view();
      nlohmann::json value = RangeJson::Value(cell);
      line.text.push_back(NumberText::Render(cell));
      line.formulas.push_back(shown.link() ? nlohmann::json(std::string(stored.text)) : value);
      line.values.push_back(std::move(value));
      line.formats.push_back(cell.number_format);
      line.types.push_back(ValueType(cell));
    }
    arrays.values.push_back(std::move(line.values));
    arrays.text.push_back(std::move(line.text));
    arrays.formulas.push_back(std::move(line.formulas));
    arrays.formats.push_back(std::move(line.formats));
    arrays.types.push_back(std::move(line.types));
  }
  return arrays;
}

}  // namespace

core::Result<std::optional<std::set<std::string>>> RangeJson::Select(const Exchange& exchange) {
  const auto select = exchange.query.find("$select");
  if (select == exchange.query.end()) return std::optional<std::set<std::string>>();
  std::set<std::string> names;
  for (const auto& raw : core::Split(select->second, ',')) {
    const std::string name(core::Trim(raw));
    if (std::find(kProperties.begin(), kProperties.end(), name) == kProperties.end()) {
      return core::InvalidInput("Could not find a property named '" + name +
                                "' on type 'microsoft.graph.workbookRange'.");
    }
    names.insert(name);
  }
  return std::optional(names);
}

nlohmann::json RangeJson::Build(const Worksheet& sheet, const GridRange& range,
                                const std::optional<std::set<std::string>>& select) {
  auto wanted = [&](const char* name) { return !select || select->contains(name); };
  const std::string address = QualifiedAddress(sheet.name, range);
  nlohmann::json json = {{"@odata.type", "#microsoft.graph.workbookRange"}};
  if (wanted("address")) json["address"] = address;
  if (wanted("addressLocal")) json["addressLocal"] = address;
  if (wanted("cellCount")) json["cellCount"] = range.cells();
  if (wanted("columnCount")) json["columnCount"] = range.columns();
  if (wanted("columnHidden")) json["columnHidden"] = false;
  if (wanted("columnIndex")) json["columnIndex"] = range.first_column;
  if (wanted("hidden")) json["hidden"] = false;
  if (wanted("rowCount")) json["rowCount"] = range.rows();
  if (wanted("rowHidden")) json["rowHidden"] = false;
  if (wanted("rowIndex")) json["rowIndex"] = range.first_row;
  const bool any_array = wanted("values") || wanted("text") || wanted("formulas") ||
                         wanted("formulasLocal") || wanted("numberFormat") || wanted("valueTypes");
  if (!any_array) return json;
  // msgraph.md §6.4: unbounded ranges (A:B, 1:4) read with null cell arrays.
  Arrays arrays = range.unbounded() ? Arrays{} : CellArrays(sheet, range);
  if (wanted("formulasLocal")) json["formulasLocal"] = arrays.formulas;
  if (wanted("formulas")) json["formulas"] = std::move(arrays.formulas);
  if (wanted("numberFormat")) json["numberFormat"] = std::move(arrays.formats);
  if (wanted("text")) json["text"] = std::move(arrays.text);
  if (wanted("valueTypes")) json["valueTypes"] = std::move(arrays.types);
  if (wanted("values")) json["values"] = std::move(arrays.values);
  return json;
}

nlohmann::json RangeJson::Value(const CellView& cell) {
  switch (cell.kind) {
    case ValueKind::kEmpty:
      return "";
    case ValueKind::kBoolean:
      return cell.boolean;
    case ValueKind::kText:
      return std::string(cell.text);
    case ValueKind::kNumber:
      break;
  }
  // Integral values read back as JSON integers (45366, not 45366.0), as Graph sends them.
  if (cell.number == std::floor(cell.number) && std::fabs(cell.number) < 9.007199254740992e15) {
    return static_cast<std::int64_t>(cell.number);
  }
  return cell.number;
}

}  // namespace xlsync::fakes
