#include "testing/fake_graph/range_json.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/text.h"
#include "excel/json_text.h"
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

// The cell arrays are written as text straight from the cells: a PATCH answer repeats the range
// six times over, and building it as a JSON tree cost more than the rest of the request.
void AppendValue(std::string& out, const CellView& cell) {
  switch (cell.kind) {
    case ValueKind::kEmpty:
      out.append("\"\"");
      return;
    case ValueKind::kBoolean:
      out.append(cell.boolean ? "true" : "false");
      return;
    case ValueKind::kText:
      excel::AppendJsonString(out, cell.text);
      return;
    case ValueKind::kNumber:
      excel::AppendJsonNumber(out, cell.number);  // 45366, not 45366.0, as Graph sends them
      return;
  }
}

enum Array { kFormulas, kFormulasLocal, kNumberFormat, kText, kValueTypes, kValues, kArrays };
constexpr std::array<std::string_view, kArrays> kArrayNames = {"formulas",   "formulasLocal", "numberFormat",
                                                               "text",       "valueTypes",    "values"};

void AppendCell(const CellView& stored, const std::array<bool, kArrays>& wanted,
                std::array<std::string, kArrays>& out) {
  const DisplayedCell shown(stored);
  const CellView& cell = shown.view();
  if (wanted[kValues]) AppendValue(out[kValues], cell);
  if (wanted[kText]) excel::AppendJsonString(out[kText], NumberText::Render(cell));
  for (const Array formulas : {kFormulas, kFormulasLocal}) {
    if (!wanted[formulas]) continue;
    if (shown.link()) {
      excel::AppendJsonString(out[formulas], stored.text);
    } else {
      AppendValue(out[formulas], cell);
    }
  }
  if (wanted[kNumberFormat]) excel::AppendJsonString(out[kNumberFormat], cell.number_format);
  if (wanted[kValueTypes]) excel::AppendJsonString(out[kValueTypes], ValueType(cell));
}

/// `"name":[[…],…]` for each wanted array, in kArrayNames order, each preceded by a comma.
std::string CellArrays(const Worksheet& sheet, const GridRange& range, const std::array<bool, kArrays>& wanted) {
  std::array<std::string, kArrays> arrays;
  for (auto& array : arrays) array.push_back('[');
  for (int row = range.first_row; row <= range.last_row; ++row) {
    for (int i = 0; i < kArrays; ++i) {
      if (wanted[i]) arrays[i].append(row == range.first_row ? "[" : ",[");
    }
    for (int column = range.first_column; column <= range.last_column; ++column) {
      if (column > range.first_column) {
        for (int i = 0; i < kArrays; ++i) {
          if (wanted[i]) arrays[i].push_back(',');
        }
      }
      AppendCell(sheet.cells.Get(row, column), wanted, arrays);
    }
    for (int i = 0; i < kArrays; ++i) {
      if (wanted[i]) arrays[i].push_back(']');
    }
  }
  std::string out;
  for (int i = 0; i < kArrays; ++i) {
    if (!wanted[i]) continue;
    out.append(",\"").append(kArrayNames[i]).append("\":");
    // msgraph.md §6.4: unbounded ranges (A:B, 1:4) read with null cell arrays.
    out.append(range.unbounded() ? std::string_view("null") : std::string_view(arrays[i]));
    if (!range.unbounded()) out.push_back(']');
  }
  return out;
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

bool RangeJson::LoadsCells(const std::optional<std::set<std::string>>& select) {
  return !select || std::any_of(kArrayNames.begin(), kArrayNames.end(),
                                [&](std::string_view name) { return select->contains(std::string(name)); });
}

std::string RangeJson::Render(const Worksheet& sheet, const GridRange& range,
                              const std::optional<std::set<std::string>>& select) {
  auto wanted = [&](std::string_view name) { return !select || select->contains(std::string(name)); };
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
  std::string text = json.dump();
  std::array<bool, kArrays> arrays{};
  for (int i = 0; i < kArrays; ++i) arrays[i] = wanted(kArrayNames[i]);
  if (std::find(arrays.begin(), arrays.end(), true) == arrays.end()) return text;
  text.pop_back();  // the closing brace: the arrays follow
  text.append(CellArrays(sheet, range, arrays));
  text.push_back('}');
  return text;
}

nlohmann::json RangeJson::Build(const Worksheet& sheet, const GridRange& range,
                                const std::optional<std::set<std::string>>& select) {
  return nlohmann::json::parse(Render(sheet, range, select));
}

}  // namespace xlsync::fakes
