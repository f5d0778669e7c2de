#include "odoo/field.h"

#include <array>

namespace xlsync::odoo {
namespace {

using nlohmann::json;

struct TypeName {
  std::string_view name;
  FieldType type;
};

constexpr std::array<TypeName, 18> kTypeNames = {{
    {"char", FieldType::kChar},
    {"text", FieldType::kText},
    {"html", FieldType::kHtml},
    {"integer", FieldType::kInteger},
    {"float", FieldType::kFloat},
    {"monetary", FieldType::kMonetary},
    {"boolean", FieldType::kBoolean},
    {"date", FieldType::kDate},
    {"datetime", FieldType::kDatetime},
    {"selection", FieldType::kSelection},
    {"many2one", FieldType::kMany2one},
    {"one2many", FieldType::kOne2many},
    {"many2many", FieldType::kMany2many},
    {"binary", FieldType::kBinary},
    {"reference", FieldType::kReference},
    {"many2one_reference", FieldType::kMany2oneReference},
    {"properties", FieldType::kProperties},
    {"json", FieldType::kJson},
}};

bool BoolMember(const json& object, const char* key, bool fallback) {
  const auto found = object.find(key);
  return found != object.end() && found->is_boolean() ? found->get<bool>() : fallback;
}

std::string TextMember(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::optional<std::pair<int, int>> DigitsOf(const json& description) {
  const auto digits = description.find("digits");
  if (digits == description.end() || !digits->is_array() || digits->size() != 2) return {};
  const json& precision = (*digits)[0];
  const json& scale = (*digits)[1];
  if (!precision.is_number_integer() || !scale.is_number_integer()) return {};
  return std::make_pair(precision.get<int>(), scale.get<int>());
}

std::vector<std::pair<std::string, std::string>> SelectionOf(const json& description) {
  std::vector<std::pair<std::string, std::string>> options;
  const auto selection = description.find("selection");
  if (selection == description.end() || !selection->is_array()) return options;
  for (const json& option : *selection) {
    if (!option.is_array() || option.size() != 2) continue;
    const json& label = option[1];
    options.emplace_back(SelectionKey(option[0]),
                         label.is_string() ? label.get<std::string>() : SelectionKey(label));
  }
  return options;
}

}  // namespace

FieldType ParseFieldType(std::string_view type_name) {
  for (const auto& [name, type] : kTypeNames) {
    if (name == type_name) return type;
  }
  return FieldType::kOther;
}

std::string SelectionKey(const json& key) {
  if (key.is_string()) return key.get<std::string>();
  return key.dump(-1, ' ', false, json::error_handler_t::replace);
}

Field FieldFromDescription(std::string name, const json& description) {
  Field field;
  field.name = std::move(name);
  field.label = field.name;
  if (!description.is_object()) return field;
  field.type_name = TextMember(description, "type");
  field.type = ParseFieldType(field.type_name);
  if (auto label = TextMember(description, "string"); !label.empty())
    field.label = std::move(label);
  field.relation = TextMember(description, "relation");
  field.selection = SelectionOf(description);
  field.digits = DigitsOf(description);
  field.currency_field = TextMember(description, "currency_field");
  field.store = BoolMember(description, "store", true);
  field.required = BoolMember(description, "required", false);
  field.readonly = BoolMember(description, "readonly", false);
  return field;
}

}  // namespace xlsync::odoo
