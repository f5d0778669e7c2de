// write / create / unlink: values are converted to stored form (convert_to_cache) and land
// in the store's overlay, stamped with write_date/write_uid like the ORM does (odoo-api.md §10).
#include <algorithm>
#include <set>

#include "testing/fake_odoo/odoo_error.h"
#include "testing/fake_odoo/odoo_messages.h"
#include "testing/fake_odoo/orm.h"
#include "testing/fake_odoo/python_repr.h"

namespace xlsync::fakes {

using nlohmann::json;

namespace {

const std::set<std::string>& LogAccessFields() {
  static const std::set<std::string> kFields = {"id", "create_date", "create_uid", "write_date", "write_uid"};
  return kFields;
}

bool Falsy(const json& value) { return value.is_null() || value == false; }

core::Error WrongValue(const ModelDef& model, const FieldDef& field, const json& value) {
  return OdooError(exc::kValueError,
                   "Wrong value for " + model.name + "." + field.name + ": " + PythonRepr(value));
}

// many2many commands: (6, 0, ids), (4, id), (3, id), (5,), or a plain id list.
core::Result<json> Many2manyIds(const ModelDef& model, const FieldDef& field, const json& value, json current) {
  if (!value.is_array()) return WrongValue(model, field, value);
  std::vector<int64_t> ids;
  for (const json& id : current.is_array() ? current : json::array()) ids.push_back(id.get<int64_t>());
  for (const json& command : value) {
    if (command.is_number_integer()) {
      ids.push_back(command.get<int64_t>());
      continue;
    }
    if (!command.is_array() || command.empty() || !command[0].is_number_integer()) return WrongValue(model, field, value);
    const int64_t code = command[0].get<int64_t>();
    const json arg = command.size() > 1 ? command[1] : json(nullptr);
    if (code == 6 && command.size() == 3 && command[2].is_array()) {
      ids.clear();
      for (const json& id : command[2]) if (id.is_number_integer()) ids.push_back(id.get<int64_t>());
    } else if (code == 4 && arg.is_number_integer()) {
      ids.push_back(arg.get<int64_t>());
    } else if (code == 3 && arg.is_number_integer()) {
      ids.erase(std::remove(ids.begin(), ids.end(), arg.get<int64_t>()), ids.end());
    } else if (code == 5) {
      ids.clear();
    } else {
      return WrongValue(model, field, value);
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return json(ids);
}

}  // namespace

core::Result<json> Orm::ToStored(const ModelDef& model, const FieldDef& field, const json& value) const {
  switch (field.type) {
    case FieldType::kInteger:
      if (Falsy(value)) return json(0);
      return value.is_number() ? json(static_cast<int64_t>(value.get<double>())) : core::Result<json>(WrongValue(model, field, value));
    case FieldType::kFloat:
    case FieldType::kMonetary:
      if (Falsy(value)) return json(0.0);
      return value.is_number() ? json(value.get<double>()) : core::Result<json>(WrongValue(model, field, value));
    case FieldType::kBoolean: return json(!Falsy(value) && value != 0 && value != "");
    case FieldType::kSelection: {
      if (Falsy(value)) return json(nullptr);
      for (const auto& [key, label] : field.selection) {
        if (value == key) return value;
      }
      return WrongValue(model, field, value);
    }
    case FieldType::kMany2one: {
      if (Falsy(value)) return json(nullptr);
      json id = value.is_array() && !value.empty() ? value[0] : value;  // [id, name] is accepted
      if (!id.is_number_integer() || !store_.Exists(*field.comodel, id.get<int64_t>())) {
        return WrongValue(model, field, value);
      }
      return id;
    }
    case FieldType::kDatetime:
      if (Falsy(value)) return json(nullptr);
      if (!value.is_string()) return WrongValue(model, field, value);
      return value.get<std::string>().size() == 10 ? json(value.get<std::string>() + " 00:00:00") : value;
    case FieldType::kDate:
      if (Falsy(value)) return json(nullptr);
      if (!value.is_string()) return WrongValue(model, field, value);
      return json(value.get<std::string>().substr(0, 10));
    default:
      if (Falsy(value)) return json(nullptr);
      return value.is_string() ? value : core::Result<json>(WrongValue(model, field, value));
  }
}

core::Result<json> Orm::StoredValues(const ModelDef& model, int64_t id, const json& values, bool trusted,
                                     ChildCommands& children) const {
  if (!values.is_object()) {
    return OdooError(exc::kTypeError, "'" + std::string(values.type_name()) + "' object is not a mapping");
  }
  json stored = json::object();
  for (const auto& [name, value] : values.items()) {
    const FieldDef* field = model.Find(name);
    if (!field) return msg::InvalidField(model.name, name);
    // The ORM silently drops the magic log-access columns from vals (unless a test stamps them).
    if (LogAccessFields().count(name) && !(trusted && (name == "create_date" || name == "write_date"))) continue;
    if (field->type == FieldType::kOne2many) {
      if (!value.is_array()) return WrongValue(model, *field, value);
      for (const json& command : value) children.emplace_back(field, command);
      continue;
    }
    if (!field->store && !field->searchable) continue;  // computed without inverse: ignored
    if (field->type == FieldType::kMany2many) {
      auto ids = Many2manyIds(model, *field, value, id > 0 ? store_.Raw(model, *field, id) : json::array());
      if (!ids) return ids.error();
      stored[name] = *ids;
      continue;
    }
    auto converted = ToStored(model, *field, value);
    if (!converted) return converted.error();
    stored[name] = *converted;
  }
  return stored;
}

// A required stored field must end up set; checked on the values about to be stored, so a
// refused write or create leaves nothing behind (the transaction rolls back).
core::Result<void> Orm::CheckRequired(const ModelDef& model, const json& stored) const {
  for (const FieldDef& field : model.fields) {
    if (!field.required || !field.store || IsX2many(field.type) || field.type == FieldType::kBoolean) continue;
    auto value = stored.find(field.name);
    if (value != stored.end() && (value->is_null() || *value == false)) return msg::MandatoryField(model, field);
  }
  return {};
}

core::Result<void> Orm::Write(const Env& env, const ModelDef& model, const std::vector<int64_t>& ids,
                              const json& values, bool trusted) {
  XLSYNC_RETURN_IF_ERROR(CheckAccess(env, model, "write"));
  std::vector<int64_t> missing;
  for (int64_t id : ids) {
    if (!store_.Exists(model, id)) missing.push_back(id);
  }
  const int64_t uid = env.user ? env.user->uid : 1;
  if (!missing.empty()) return msg::Missing(model, missing, uid);
  for (int64_t id : ids) {
    ChildCommands children;
    auto stored = StoredValues(model, id, values, trusted, children);
    if (!stored) return stored.error();
    XLSYNC_RETURN_IF_ERROR(CheckRequired(model, *stored));
    if (!stored->contains("write_date")) (*stored)["write_date"] = env.now;
    (*stored)["write_uid"] = uid;
    store_.Write(model, id, *stored);
    XLSYNC_RETURN_IF_ERROR(RunChildCommands(env, id, children));
  }
  return {};
}

core::Result<std::vector<int64_t>> Orm::Create(const Env& env, const ModelDef& model,
                                               const std::vector<json>& values_list, bool trusted) {
  XLSYNC_RETURN_IF_ERROR(CheckAccess(env, model, "create"));
  std::vector<int64_t> ids;
  const int64_t uid = env.user ? env.user->uid : 1;
  for (const json& values : values_list) {
    ChildCommands children;
    auto stored = StoredValues(model, 0, values, trusted, children);
    if (!stored) return stored.error();
    // Defaults first, then the given values; every required field must then be present.
    json row = store_.Defaults(model, store_.PeekNextId(model), env.now);
    row.update(*stored);
    for (const FieldDef& field : model.fields) {
      const bool computed = store_.IsComputed(model, field);
      if (field.required && field.store && !computed && !row.contains(field.name)) row[field.name] = nullptr;
    }
    XLSYNC_RETURN_IF_ERROR(CheckRequired(model, row));
    if (!row.contains("create_date")) row["create_date"] = env.now;
    if (!row.contains("write_date")) row["write_date"] = row["create_date"];
    row["create_uid"] = uid;
    row["write_uid"] = uid;
    const int64_t id = store_.Create(model, row);
    XLSYNC_RETURN_IF_ERROR(RunChildCommands(env, id, children));
    ids.push_back(id);
  }
  return ids;
}

core::Result<void> Orm::Unlink(const Env& env, const ModelDef& model, const std::vector<int64_t>& ids) {
  XLSYNC_RETURN_IF_ERROR(CheckAccess(env, model, "unlink"));
  std::vector<int64_t> missing;
  for (int64_t id : ids) {
    if (!store_.Exists(model, id)) missing.push_back(id);
  }
  if (!missing.empty()) return msg::Missing(model, missing, env.user ? env.user->uid : 1);
  for (int64_t id : ids) {
    // one2many children whose many2one is required go with their parent (ondelete cascade).
    for (const FieldDef& field : model.fields) {
      if (field.type != FieldType::kOne2many) continue;
      const FieldDef* inverse = field.comodel->Find(field.relation_field);
      if (!inverse || !inverse->required) continue;
      for (int64_t child : store_.Inverse(*field.comodel, *inverse, id)) store_.Unlink(*field.comodel, child);
    }
    store_.Unlink(model, id);
  }
  return {};
}

core::Result<void> Orm::RunChildCommands(const Env& env, int64_t parent, const ChildCommands& children) {
  for (const auto& [field, command] : children) {
    const ModelDef& comodel = *field->comodel;
    const bool valid = command.is_array() && !command.empty() && command[0].is_number_integer();
    const int64_t code = valid ? command[0].get<int64_t>() : -1;
    const json arg = valid && command.size() > 1 ? command[1] : json(nullptr);
    json link = json::object();
    link[field->relation_field] = parent;
    if (code == 0 && command.size() == 3 && command[2].is_object()) {
      json values = command[2];
      values[field->relation_field] = parent;
      auto created = Create(env, comodel, {values});
      if (!created) return created.error();
    } else if (code == 1 && arg.is_number_integer() && command.size() == 3) {
      XLSYNC_RETURN_IF_ERROR(Write(env, comodel, {arg.get<int64_t>()}, command[2]));
    } else if (code == 2 && arg.is_number_integer()) {
      XLSYNC_RETURN_IF_ERROR(Unlink(env, comodel, {arg.get<int64_t>()}));
    } else if (code == 4 && arg.is_number_integer()) {
      XLSYNC_RETURN_IF_ERROR(Write(env, comodel, {arg.get<int64_t>()}, link));
    } else {
      return OdooError(exc::kValueError, "Wrong value for " + field->comodel->name + ": " + PythonRepr(command));
    }
  }
  return {};
}

}  // namespace xlsync::fakes
