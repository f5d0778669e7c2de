// read / search_read / name_search / web_search_read and the value serialisation of
// odoo-api.md §9.2 (convert_to_read): empty char reads false, integer 0, float 0.0, x2many [],
// many2one [id, "display name"] (bare id with load=None).
#include <algorithm>
#include <cstdio>

#include "testing/fake_odoo/odoo_error.h"
#include "testing/fake_odoo/odoo_messages.h"
#include "testing/fake_odoo/orm.h"
#include "testing/fake_odoo/python_repr.h"

namespace xlsync::fakes {

using nlohmann::json;

namespace {

// Odoo's human_size() of the decoded content: what binary fields read as with bin_size.
std::string HumanSize(const std::string& base64) {
  size_t padding = 0;
  for (auto it = base64.rbegin(); it != base64.rend() && *it == '='; ++it) ++padding;
  double size = static_cast<double>(base64.size() / 4 * 3 - std::min<size_t>(padding, 2));
  const char* units[] = {"bytes", "Kb", "Mb", "Gb"};
  int unit = 0;
  while (size >= 1024 && unit < 3) {
    size /= 1024;
    ++unit;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%0.2f %s", size, units[unit]);
  return buffer;
}

}  // namespace

core::Result<std::vector<const FieldDef*>> Orm::ReadableFields(const Env& env, const ModelDef& model,
                                                               const json& fields) const {
  std::vector<const FieldDef*> result;
  if (fields.is_null() || fields == false || (fields.is_array() && fields.empty())) {
    // No field list: every field the user may read (heavy, like Odoo: binaries, html, x2many).
    for (const FieldDef& field : model.fields) {
      if (CanSee(env, field)) result.push_back(&field);
    }
    return result;
  }
  json names = fields;
  if (fields.is_string()) {  // Python iterates a string character by character
    names = json::array();
    for (char c : fields.get<std::string>()) names.push_back(std::string(1, c));
  }
  if (!names.is_array()) return OdooError(exc::kTypeError, "'" + std::string(fields.type_name()) + "' object is not iterable");
  std::vector<std::string> hidden;
  for (const json& name : names) {
    const FieldDef* field = name.is_string() ? model.Find(name.get<std::string>()) : nullptr;
    if (!field) return msg::InvalidField(model.name, name.is_string() ? name.get<std::string>() : PythonRepr(name));
    if (!CanSee(env, *field)) hidden.push_back(field->name);
    result.push_back(field);
  }
  if (!hidden.empty()) return msg::FieldAccess(version_, model, hidden);
  return result;
}

json Orm::ToRead(const Env& env, const FieldDef& field, const json& raw, bool classic_load) const {
  const bool empty = raw.is_null() || (raw == false && field.type != FieldType::kBoolean);
  switch (field.type) {
    case FieldType::kInteger: return empty ? json(0) : raw;
    case FieldType::kFloat:
    case FieldType::kMonetary: return empty || !raw.is_number() ? json(0.0) : json(raw.get<double>());
    case FieldType::kBoolean: return raw == true;
    case FieldType::kMany2one: {
      if (empty || !raw.is_number_integer()) return false;
      if (!classic_load) return raw;
      // The name is read as superuser: users see names of records they could not read.
      return json::array({raw, store_.Raw(field.relation, "display_name", raw.get<int64_t>())});
    }
    case FieldType::kOne2many:
    case FieldType::kMany2many: {
      json ids = json::array();
      if (!raw.is_array()) return ids;
      for (const json& id : raw) {
        if (id.is_number_integer() && store_.Exists(*field.comodel, id.get<int64_t>())) ids.push_back(id);
      }
      return ids;
    }
    case FieldType::kBinary:
      if (empty) return false;
      return env.bin_size && raw.is_string() ? json(HumanSize(raw.get<std::string>())) : raw;
    default: return empty ? json(false) : raw;
  }
}

core::Result<json> Orm::Read(const Env& env, const ModelDef& model, const std::vector<int64_t>& ids,
                             const json& fields, bool classic_load) const {
  XLSYNC_RETURN_IF_ERROR(CheckAccess(env, model, "read"));
  auto readable = ReadableFields(env, model, fields);
  if (!readable) return readable.error();
  json records = json::array();
  for (int64_t id : ids) {
    if (!store_.Exists(model, id)) continue;  // read() drops vanished ids silently (§9.1)
    if (!CompanyVisible(env, model, id)) {
      return msg::RecordRule(version_, model, env.user ? env.user->name : "", env.user ? env.user->uid : 1, "read");
    }
    json record = json::object();
    record["id"] = id;
    for (const FieldDef* field : *readable) {
      record[field->name] = ToRead(env, *field, store_.Raw(model, *field, id), classic_load);
    }
    records.push_back(std::move(record));
  }
  return records;
}

core::Result<json> Orm::SearchRead(const Env& env, const ModelDef& model, const json& domain, const json& fields,
                                   int64_t offset, std::optional<int64_t> limit, const json& order,
                                   bool classic_load) const {
  // Fields are checked before searching, like search_read's fields_get/_read_format do.
  auto readable = ReadableFields(env, model, fields);
  if (!readable) return readable.error();
  auto ids = Search(env, model, domain, offset, limit, order);
  if (!ids) return ids.error();
  return Read(env, model, *ids, fields, classic_load);
}

core::Result<json> Orm::NameSearch(const Env& env, const ModelDef& model, const json& name, const json& domain,
                                   const json& op, std::optional<int64_t> limit) const {
  json effective = domain.is_array() ? domain : json::array();
  if (name.is_string() && !name.get<std::string>().empty()) {
    effective.push_back(json::array({"display_name", op.is_string() ? op : json("ilike"), name}));
  }
  auto ids = Search(env, model, effective, 0, limit.value_or(100), nullptr);
  if (!ids) return ids.error();
  json pairs = json::array();
  for (int64_t id : *ids) pairs.push_back(json::array({id, store_.Raw(model, *model.Find("display_name"), id)}));
  return pairs;
}

core::Result<json> Orm::WebSearchRead(const Env& env, const ModelDef& model, const json& domain, const json& spec,
                                      int64_t offset, std::optional<int64_t> limit, const json& order,
                                      std::optional<int64_t> count_limit) const {
  auto ids = Search(env, model, domain, offset, limit, order);
  if (!ids) return ids.error();
  json fields = json::array();
  if (spec.is_object()) {
    for (const auto& [name, sub] : spec.items()) fields.push_back(name);
  } else if (spec.is_array()) {
    fields = spec;  // 16: a plain field list
  }
  auto records = Read(env, model, *ids, fields, version_ <= 16);
  if (!records) return records.error();
  // 17+ specification: many2one with sub-fields reads {"id", "display_name"…}, else a bare id.
  if (spec.is_object()) {
    for (json& record : *records) {
      for (const auto& [name, sub] : spec.items()) {
        const FieldDef* field = model.Find(name);
        if (field->type != FieldType::kMany2one || !record[name].is_number_integer()) continue;
        if (!sub.is_object() || !sub.contains("fields")) continue;
        record[name] = {{"id", record[name]},
                        {"display_name", store_.Raw(field->relation, "display_name", record[name].get<int64_t>())}};
      }
    }
  }
  int64_t length = offset + static_cast<int64_t>(records->size());
  if (limit && *limit > 0 && static_cast<int64_t>(records->size()) >= *limit) {
    auto total = SearchCount(env, model, domain, count_limit);
    if (!total) return total.error();
    length = *total;
  }
  return json{{"length", length}, {"records", *records}};
}

}  // namespace xlsync::fakes
