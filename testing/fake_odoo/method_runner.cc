#include "testing/fake_odoo/method_runner.h"

#include <charconv>

#include "testing/fake_odoo/odoo_error.h"
#include "testing/fake_odoo/python_repr.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

// offset/limit as Python int() would take them; falsy = not given.
core::Result<std::optional<int64_t>> OptionalInt(const json& value) {
  if (value.is_null() || value == false) return std::optional<int64_t>();
  if (value == true) return std::optional<int64_t>(1);
  if (value.is_number()) return std::optional<int64_t>(static_cast<int64_t>(value.get<double>()));
  if (value.is_string()) {
    const std::string text = value.get<std::string>();
    int64_t parsed = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (ec == std::errc() && end == text.data() + text.size()) return std::optional<int64_t>(parsed);
    return OdooError(exc::kValueError, "invalid literal for int() with base 10: " + PythonRepr(value));
  }
  return OdooError(exc::kTypeError, "int() argument must be a string, a bytes-like object or a real number, not '" +
                                        std::string(value.type_name()) + "'");
}

core::Result<json> RunRead(Orm& orm, const Env& env, const ModelDef& model, const BoundCall& call) {
  const auto& a = call.args;
  if (call.spec->id == MethodId::kRead) {
    return orm.Read(env, model, call.ids, a.at("fields"), a.at("load") == "_classic_read");
  }
  auto offset = OptionalInt(a.at("offset"));
  if (!offset) return offset.error();
  auto limit = OptionalInt(a.at("limit"));
  if (!limit) return limit.error();
  switch (call.spec->id) {
    case MethodId::kSearchRead: {
      for (const auto& [name, value] : call.read_kwargs.items()) {
        if (name != "load") {
          return OdooError(exc::kTypeError, "BaseModel._read_format() got an unexpected keyword argument '" + name + "'");
        }
      }
      const json load = call.read_kwargs.value("load", json("_classic_read"));
      return orm.SearchRead(env, model, a.at("domain"), a.at("fields"), offset->value_or(0), *limit, a.at("order"),
                            load == "_classic_read");
    }
    case MethodId::kSearch: {
      auto ids = orm.Search(env, model, a.at("domain"), offset->value_or(0), *limit, a.at("order"));
      if (!ids) return ids.error();
      return json(*ids);
    }
    case MethodId::kWebSearchRead: {
      auto count_limit = OptionalInt(a.at("count_limit"));
      if (!count_limit) return count_limit.error();
      const json& spec = a.count("specification") ? a.at("specification") : a.at("fields");
      return orm.WebSearchRead(env, model, a.at("domain"), spec, offset->value_or(0), *limit, a.at("order"),
                               *count_limit);
    }
    default: return OdooError(exc::kTypeError, "unsupported method");
  }
}

core::Result<json> RunOther(Orm& orm, const Env& env, const ModelDef& model, const BoundCall& call) {
  const auto& a = call.args;
  switch (call.spec->id) {
    case MethodId::kSearchCount: {
      auto limit = OptionalInt(a.at("limit"));
      if (!limit) return limit.error();
      auto count = orm.SearchCount(env, model, a.at("domain"), *limit);
      if (!count) return count.error();
      return json(*count);
    }
    case MethodId::kFieldsGet: return orm.FieldsGet(env, model, a.at("allfields"), a.at("attributes"));
    case MethodId::kNameSearch: {
      auto limit = OptionalInt(a.at("limit"));
      if (!limit) return limit.error();
      const json& domain = a.count("domain") ? a.at("domain") : a.at("args");
      return orm.NameSearch(env, model, a.at("name"), domain, a.at("operator"), *limit);
    }
    case MethodId::kNameGet: {
      auto records = orm.Read(env, model, call.ids, json::array({"display_name"}), true);
      if (!records) return records.error();
      json pairs = json::array();
      for (const json& record : *records) pairs.push_back(json::array({record["id"], record["display_name"]}));
      return pairs;
    }
    case MethodId::kCheckAccessRights: {
      const json& operation = a.at("operation");
      if (operation != "read" && operation != "write" && operation != "create" && operation != "unlink") {
        return OdooError(exc::kAssertionError, "Invalid access mode");
      }
      auto allowed = orm.CheckAccess(env, model, operation.get<std::string>());
      if (!allowed && a.at("raise_exception") != false) return allowed.error();
      return json(allowed.has_value());
    }
    case MethodId::kReadGroup:
    case MethodId::kFormattedReadGroup: {
      auto offset = OptionalInt(a.at("offset"));
      if (!offset) return offset.error();
      auto limit = OptionalInt(a.at("limit"));
      if (!limit) return limit.error();
      if (call.spec->id == MethodId::kReadGroup) return orm.ReadGroup(env, model, a, offset->value_or(0), *limit);
      return orm.FormattedReadGroup(env, model, a, offset->value_or(0), *limit);
    }
    case MethodId::kContextGet:
      return json{{"lang", env.lang}, {"tz", "Europe/Brussels"}, {"uid", env.user ? env.user->uid : 1}};
    default: return RunRead(orm, env, model, call);
  }
}

core::Result<json> RunWrite(Orm& orm, const Env& env, const ModelDef& model, const BoundCall& call) {
  const auto& a = call.args;
  if (call.spec->id == MethodId::kWrite) {
    XLSYNC_RETURN_IF_ERROR(orm.Write(env, model, call.ids, a.at("vals")));
    return json(true);
  }
  if (call.spec->id == MethodId::kUnlink) {
    XLSYNC_RETURN_IF_ERROR(orm.Unlink(env, model, call.ids));
    return json(true);
  }
  // create(vals_list): a dict gives one id, a list of dicts a list of ids.
  const json& values = a.at("vals_list");
  std::vector<json> list;
  if (values.is_array()) list.assign(values.begin(), values.end());
  else list.push_back(values);
  auto ids = orm.Create(env, model, list);
  if (!ids) return ids.error();
  if (values.is_array()) return json(*ids);
  return json(ids->front());
}

}  // namespace

core::Result<json> RunMethod(Orm& orm, const Env& env, const ModelDef& model, const BoundCall& call) {
  if (call.spec->writes) return RunWrite(orm, env, model, call);
  return RunOther(orm, env, model, call);
}

int64_t RecordsIn(const BoundCall& call, const json& result) {
  switch (call.spec->id) {
    case MethodId::kSearchRead:
    case MethodId::kSearch:
    case MethodId::kRead:
    case MethodId::kNameSearch:
    case MethodId::kNameGet:
    case MethodId::kReadGroup:
    case MethodId::kFormattedReadGroup: return result.is_array() ? static_cast<int64_t>(result.size()) : 0;
    case MethodId::kWebSearchRead:
      return result.contains("records") ? static_cast<int64_t>(result["records"].size()) : 0;
    default: return 0;
  }
}

}  // namespace xlsync::fakes
