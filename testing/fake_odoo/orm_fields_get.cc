// fields_get: per-version attribute sets of odoo-api.md §8 (16 group_operator, 18+ groupable
// and aggregator, …), labels translated for fr_FR, group-restricted fields absent.
#include <algorithm>

#include "testing/fake_odoo/orm.h"

namespace xlsync::fakes {

using nlohmann::json;

json Orm::Describe(const Env& env, const FieldDef& field, bool force_readonly) const {
  const bool french = env.lang == "fr_FR";
  json d = {{"change_default", false}, {"company_dependent", false}, {"depends", json::array()},
            {"exportable", true},      {"manual", false},            {"name", field.name},
            {"readonly", field.readonly || force_readonly},          {"required", field.required},
            {"searchable", field.searchable}, {"sortable", field.sortable}, {"store", field.store},
            {"string", french && !field.label_fr.empty() ? field.label_fr : field.label},
            {"type", FieldTypeName(field.type)}};
  if (!field.help.empty()) d["help"] = field.help;
  if (IsTextual(field.type)) d["translate"] = false;
  if (field.type == FieldType::kChar) d["trim"] = true;
  if (field.type == FieldType::kHtml) d["sanitize"] = true;
  if (IsRelational(field.type)) {
    d["relation"] = field.relation;
    d["context"] = json::object();
    d["domain"] = json::array();
    if (version_ >= 18 && field.type != FieldType::kOne2many) d["allow_hierachy_operators"] = false;
  }
  if (field.type == FieldType::kOne2many) d["relation_field"] = field.relation_field;
  if (field.type == FieldType::kSelection) {
    json options = json::array();
    for (size_t i = 0; i < field.selection.size(); ++i) {
      const bool translated = french && i < field.selection_fr.size();
      options.push_back({field.selection[i].first, translated ? field.selection_fr[i] : field.selection[i].second});
    }
    d["selection"] = options;
  }
  if (!field.digits.is_null()) d["digits"] = field.digits;
  if (!field.currency_field.empty()) d["currency_field"] = field.currency_field;
  if (field.attachment) d["attachment"] = true;
  if (!field.groups.empty()) d["groups"] = field.groups;
  const bool aggregated = IsNumeric(field.type) && field.name != "id";
  if (aggregated) d[version_ >= 18 ? "aggregator" : "group_operator"] = "sum";
  if (version_ >= 18) {
    d["groupable"] = field.store && field.type != FieldType::kBinary && field.type != FieldType::kOne2many;
    d["default_export_compatible"] = field.name == "name";
  }
  return d;
}

core::Result<json> Orm::FieldsGet(const Env& env, const ModelDef& model, const json& allfields,
                                  const json& attributes) const {
  // No read ACL here (Odoo describes any model), but fields become readonly without write access.
  const bool readonly = !CheckAccess(env, model, "write").has_value();
  json result = json::object();
  for (const FieldDef& field : model.fields) {
    if (!CanSee(env, field)) continue;  // fields of groups the user lacks are simply absent
    if (allfields.is_array() && !allfields.empty() &&
        std::find(allfields.begin(), allfields.end(), json(field.name)) == allfields.end()) {
      continue;
    }
    json description = Describe(env, field, readonly);
    if (attributes.is_array()) {
      json kept = json::object();
      for (const json& attribute : attributes) {
        if (attribute.is_string() && description.contains(attribute.get<std::string>())) {
          kept[attribute.get<std::string>()] = description[attribute.get<std::string>()];
        }
      }
      description = std::move(kept);
    }
    result[field.name] = std::move(description);
  }
  return result;
}

}  // namespace xlsync::fakes
