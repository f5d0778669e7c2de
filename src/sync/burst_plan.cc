#include "sync/burst_plan.h"

#include <algorithm>

#include "core/text.h"
#include "excel/cell_text.h"
#include "excel/display_text.h"
#include "excel/sheet_namer.h"
#include "excel/text_sanitizer.h"
#include "sync/odoo_side.h"

namespace xlsync::sync {
namespace {

using nlohmann::json;
using odoo::FieldType;

constexpr size_t kMaxPathValueCharacters = 100;

bool CanBurstBy(FieldType type) {
  switch (type) {
    case FieldType::kMany2one:
    case FieldType::kSelection:
    case FieldType::kChar:
    case FieldType::kBoolean:
    case FieldType::kInteger:
    case FieldType::kDate:
    case FieldType::kDatetime:
      return true;
    default:
      return false;
  }
}

std::string SelectionLabel(const odoo::Field& field, const json& key) {
  const std::string text = odoo::SelectionKey(key);
  for (const auto& [value, label] : field.selection) {
    if (value == text) return label;
  }
  return text;
}

json Term(const std::string& field, std::string_view op, json value) {
  return json::array({field, op, std::move(value)});
}

// A day bucket is a range of the field's own values: [from, to) in UTC for datetimes (the
// buckets follow the context's time zone, odoo-api.md §9.3), plain days for dates.
BurstValue DayValue(const odoo::Field& field, const odoo::Group& group, const json& key) {
  BurstValue value;
  const auto range = group.ranges.empty() ? std::nullopt : group.ranges.front();
  if (!range || range->first.empty() || range->second.empty()) {
    value.terms.push_back(Term(field.name, "=", key));
    value.display = key.is_string() ? key.get<std::string>() : key.dump();
    return value;
  }
  value.terms.push_back(Term(field.name, ">=", range->first));
  value.terms.push_back(Term(field.name, "<", range->second));
  value.display = field.type == FieldType::kDate || !key.is_string() ? range->first.substr(0, 10)
                                                                     : key.get<std::string>();
  return value;
}

}  // namespace

BurstValue BurstValueOf(const odoo::Field& field, const odoo::Group& group) {
  const json key = group.keys.empty() ? json(false) : group.keys.front();
  BurstValue value;
  value.count = group.count;
  if (field.type == FieldType::kBoolean) {
    const bool flag = key.is_boolean() && key.get<bool>();
    value.terms.push_back(Term(field.name, "=", flag));
    value.display = flag ? "TRUE" : "FALSE";
    return value;
  }
  if (key.is_boolean() || key.is_null()) {  // records without a value: Odoo's false group
    value.terms.push_back(Term(field.name, "=", false));
    value.display = "None";
    return value;
  }
  if (field.type == FieldType::kDate || field.type == FieldType::kDatetime) {
    BurstValue day = DayValue(field, group, key);
    day.count = group.count;
    return day;
  }
  if (key.is_array() && key.size() == 2) {  // many2one: [id, "display name"]
    value.terms.push_back(Term(field.name, "=", key[0]));
    value.display = key[1].is_string() ? key[1].get<std::string>() : key[0].dump();
    return value;
  }
  value.terms.push_back(Term(field.name, "=", key));
  if (field.type == FieldType::kSelection) {
    value.display = SelectionLabel(field, key);
  } else if (key.is_number()) {
    value.display = excel::GeneralNumberText(key.get<double>());
  } else {
    value.display = key.is_string() ? key.get<std::string>() : key.dump();
  }
  return value;
}

core::Result<std::vector<BurstValue>> ReadBurstValues(odoo::Client& client, const odoo::Schema& schema,
                                                      const ExportTask& task) {
  const odoo::Field* field = schema.Find(task.burst_by);
  if (field == nullptr) {
    auto resolved = schema.Resolve({task.burst_by});
    if (!resolved) return std::move(resolved).error();
    return core::InvalidInput("The field \"" + task.burst_by + "\" cannot split the export: name a field of " +
                              task.model + " in burst_by.");
  }
  if (!CanBurstBy(field->type)) {
    return core::InvalidInput("The field \"" + field->name + "\" (" + field->type_name +
                              ") cannot split an export: choose a many2one, selection, text, boolean, whole "
                              "number or date field for burst_by.");
  }
  const bool by_day = field->type == FieldType::kDate || field->type == FieldType::kDatetime;
  odoo::GroupQuery query;
  query.model = task.model;
  query.domain = task.domain;
  query.group_by = {by_day ? field->name + ":day" : field->name};
  query.aggregates = {"__count"};
  query.context = OdooContextOf(task);
  auto groups = odoo::ReadGroups(client, query);
  if (!groups) return std::move(groups).error();
  std::vector<BurstValue> values;
  values.reserve(groups->size());
  for (const odoo::Group& group : *groups) values.push_back(BurstValueOf(*field, group));
  return values;
}

std::vector<BurstTarget> BurstTargets(const ExportTask& task, std::vector<BurstValue> values) {
  std::vector<BurstTarget> targets;
  excel::SheetNamer sheets;
  std::vector<std::string> paths;  // lower case, to keep two values from sharing a workbook
  for (BurstValue& value : values) {
    BurstTarget target;
    if (task.burst_workbook.empty()) {
      target.workbook = task.workbook;
      target.sheet = sheets.Take(value.display);
    } else {
      const std::string safe = PathSafe(value.display);
      std::string path;
      for (int n = 1; path.empty() || std::count(paths.begin(), paths.end(), core::ToLower(path)) > 0; ++n) {
        path = task.burst_workbook;
        const std::string text = n == 1 ? safe : safe + " (" + std::to_string(n) + ")";
        for (size_t at = path.find("{value}"); at != std::string::npos; at = path.find("{value}", at + text.size())) {
          path.replace(at, 7, text);
        }
      }
      paths.push_back(core::ToLower(path));
      target.workbook = std::move(path);
      target.sheet = task.sheet;
    }
    target.value = std::move(value);
    targets.push_back(std::move(target));
  }
  return targets;
}

ExportTask BurstSlice(const ExportTask& task, const BurstValue& value) {
  ExportTask slice = task;
  // Terms side by side are ANDed in Odoo's prefix notation (odoo-api.md §9.5), whatever the
  // task's own domain holds.
  for (const json& term : value.terms) slice.domain.push_back(term);
  return slice;
}

std::string PathSafe(std::string_view text) {
  std::string safe;
  for (const char c : excel::SanitizeText(text).text) {
    const bool bad = std::string_view("\"*:<>?/\\|#%").find(c) != std::string_view::npos ||
                     static_cast<unsigned char>(c) < 0x20;
    safe.push_back(bad ? '_' : c);
  }
  std::string cut;
  excel::SanitizeRuns(safe, kMaxPathValueCharacters, [&cut](std::string_view run) { cut.append(run); });
  const size_t first = cut.find_first_not_of(" .");
  if (first == std::string::npos) return "_";
  return cut.substr(first, cut.find_last_not_of(" .") - first + 1);
}

}  // namespace xlsync::sync
