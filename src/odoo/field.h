#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xlsync::odoo {

/// Odoo field types (odoo-api.md §8); anything else (addon types) is kOther.
enum class FieldType {
  kChar,
  kText,
  kHtml,
  kInteger,
  kFloat,
  kMonetary,
  kBoolean,
  kDate,
  kDatetime,
  kSelection,
  kMany2one,
  kOne2many,
  kMany2many,
  kBinary,
  kReference,
  kMany2oneReference,
  kProperties,
  kJson,
  kOther,
};

FieldType ParseFieldType(std::string_view type_name);

/// One field as fields_get describes it. Optional attributes may be absent on any version, so
/// every member has a safe default.
struct Field {
  std::string name;
  FieldType type = FieldType::kOther;
  std::string type_name;  // Odoo's own word: "many2one", "binary", ...
  std::string label;      // fields_get "string", translated in context.lang
  std::string relation;   // comodel of relational fields
  std::vector<std::pair<std::string, std::string>> selection;  // key -> label
  std::optional<std::pair<int, int>> digits;                   // [precision, scale]
  std::string currency_field;
  bool store = true;
  bool required = false;
  bool readonly = false;

  bool IsX2many() const { return type == FieldType::kOne2many || type == FieldType::kMany2many; }
};

/// A Field from one fields_get entry; tolerant of missing or oddly typed attributes (Odoo 18
/// sends `"digits": 0` for unrounded floats).
Field FieldFromDescription(std::string name, const nlohmann::json& description);

/// A selection key as text: strings as they are, integer keys in decimal.
std::string SelectionKey(const nlohmann::json& key);

}  // namespace xlsync::odoo
