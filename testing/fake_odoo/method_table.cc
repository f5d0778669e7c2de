#include "testing/fake_odoo/method_table.h"

#include <algorithm>

#include "testing/fake_odoo/odoo_error.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

ParamSpec Required(std::string name) { return {std::move(name), true, nullptr}; }
ParamSpec Optional(std::string name, json fallback = nullptr) { return {std::move(name), false, std::move(fallback)}; }

std::vector<MethodSpec> Methods(int version) {
  // 16/17 call name_search's domain `args`; 18 renamed it `domain`.
  const std::string name_search_domain = version <= 17 ? "args" : "domain";
  std::vector<MethodSpec> methods = {
      {MethodId::kSearchRead, "search_read", true, false,
       {Optional("domain"), Optional("fields"), Optional("offset", 0), Optional("limit"), Optional("order")}, true},
      {MethodId::kSearch, "search", true, false,
       {Required("domain"), Optional("offset", 0), Optional("limit"), Optional("order")}, false},
      {MethodId::kSearchCount, "search_count", true, false, {Required("domain"), Optional("limit")}, false},
      {MethodId::kRead, "read", false, false, {Optional("fields"), Optional("load", "_classic_read")}, false},
      {MethodId::kFieldsGet, "fields_get", true, false, {Optional("allfields"), Optional("attributes")}, false},
      {MethodId::kNameSearch, "name_search", true, false,
       {Optional("name", ""), Optional(name_search_domain), Optional("operator", "ilike"), Optional("limit", 100)}, false},
      {MethodId::kCheckAccessRights, "check_access_rights", true, false,
       {Required("operation"), Optional("raise_exception", true)}, false},
      {MethodId::kWrite, "write", false, true, {Required("vals")}, false},
      {MethodId::kCreate, "create", true, true, {Required("vals_list")}, false},
      {MethodId::kUnlink, "unlink", false, true, {}, false},
  };
  if (version <= 16) {
    methods.push_back({MethodId::kWebSearchRead, "web_search_read", true, false,
                       {Optional("domain"), Optional("fields"), Optional("offset", 0), Optional("limit"),
                        Optional("order"), Optional("count_limit")}, false});
  } else {
    methods.push_back({MethodId::kWebSearchRead, "web_search_read", true, false,
                       {Required("domain"), Required("specification"), Optional("offset", 0), Optional("limit"),
                        Optional("order"), Optional("count_limit")}, false});
  }
  if (version <= 17) methods.push_back({MethodId::kNameGet, "name_get", false, false, {}, false});
  // read_group in every profile (deprecated in 19); formatted_read_group from 19 (odoo-api.md §9.1).
  methods.push_back({MethodId::kReadGroup, "read_group", true, false,
                     {Required("domain"), Required("fields"), Required("groupby"), Optional("offset", 0),
                      Optional("limit"), Optional("orderby", false), Optional("lazy", true)}, false});
  if (version >= 19) {
    methods.push_back({MethodId::kFormattedReadGroup, "formatted_read_group", true, false,
                       {Required("domain"), Optional("groupby", json::array()), Optional("aggregates", json::array()),
                        Optional("having", json::array()), Optional("offset", 0), Optional("limit"), Optional("order")},
                       false});
  }
  return methods;
}

std::string Qualified(const MethodSpec& spec) { return "BaseModel." + spec.name + "()"; }

std::string Plural(size_t n, const std::string& word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

core::Result<std::vector<int64_t>> Ids(const json& value) {
  std::vector<int64_t> ids;
  if (value.is_number_integer()) return std::vector<int64_t>{value.get<int64_t>()};
  if (value.is_null() || value == false) return ids;
  if (!value.is_array()) return OdooError(exc::kTypeError, "Invalid ids " + value.dump());
  for (const json& id : value) {
    if (!id.is_number_integer()) return OdooError(exc::kTypeError, "Invalid ids " + value.dump());
    ids.push_back(id.get<int64_t>());
  }
  return ids;
}

core::Error Missing(const MethodSpec& spec, const std::vector<std::string>& names) {
  std::string list;
  for (size_t i = 0; i < names.size(); ++i) {
    list += (i == 0 ? "" : i + 1 == names.size() ? (names.size() > 2 ? ", and " : " and ") : ", ") + ("'" + names[i] + "'");
  }
  return OdooError(exc::kTypeError, Qualified(spec) + " missing " + Plural(names.size(), "required positional argument") +
                                        ": " + list);
}

// Keyword arguments and defaults, shared by both bindings; `json2` picks the error texts
// (inspect.Signature.bind's for JSON-2, CPython's call errors for execute_kw).
core::Result<void> BindKeywords(const MethodSpec& spec, const json& named, bool json2, BoundCall& call) {
  for (const auto& [name, value] : named.items()) {
    if (name == "context" && !json2) continue;
    const bool known = std::any_of(spec.params.begin(), spec.params.end(), [&](const ParamSpec& p) { return p.name == name; });
    if (!known && spec.read_kwargs) {
      call.read_kwargs[name] = value;
      continue;
    }
    if (!known && json2) return OdooError(exc::kUnprocessableEntity, "got an unexpected keyword argument '" + name + "'");
    if (!known) return OdooError(exc::kTypeError, Qualified(spec) + " got an unexpected keyword argument '" + name + "'");
    if (call.args.count(name)) return OdooError(exc::kTypeError, Qualified(spec) + " got multiple values for argument '" + name + "'");
    call.args[name] = value;
  }
  std::vector<std::string> missing;
  for (const ParamSpec& param : spec.params) {
    if (call.args.count(param.name)) continue;
    if (param.required) missing.push_back(param.name);
    else call.args[param.name] = param.fallback;
  }
  if (missing.empty()) return {};
  if (json2) return OdooError(exc::kUnprocessableEntity, "missing a required argument: '" + missing.front() + "'");
  return Missing(spec, missing);
}

}  // namespace

const MethodSpec* FindMethod(std::string_view name, std::string_view model, int version) {
  static const std::map<int, std::vector<MethodSpec>> kByVersion = {
      {16, Methods(16)}, {17, Methods(17)}, {18, Methods(18)}, {19, Methods(19)}};
  static const MethodSpec kContextGet{MethodId::kContextGet, "context_get", true, false, {}, false};
  if (name == "context_get" && model == "res.users") return &kContextGet;
  auto methods = kByVersion.find(std::clamp(version, 16, 19));
  for (const MethodSpec& spec : methods->second) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

core::Result<BoundCall> BindPositional(const MethodSpec& spec, const json& args, const json& kwargs) {
  BoundCall call;
  call.spec = &spec;
  json positional = args.is_array() ? args : json::array();
  if (!spec.model_method) {
    // call_kw: `ids, args = args[0], args[1:]` for record methods.
    if (positional.empty()) return OdooError(exc::kIndexError, "list index out of range");
    auto ids = Ids(positional[0]);
    if (!ids) return ids.error();
    call.ids = std::move(*ids);
    positional.erase(positional.begin());
  }
  const size_t required = static_cast<size_t>(std::count_if(spec.params.begin(), spec.params.end(),
                                                            [](const ParamSpec& p) { return p.required; }));
  if (positional.size() > spec.params.size()) {
    const std::string takes = required == spec.params.size()
        ? std::to_string(required + 1) : "from " + std::to_string(required + 1) + " to " + std::to_string(spec.params.size() + 1);
    return OdooError(exc::kTypeError, Qualified(spec) + " takes " + takes + " positional arguments but " +
                                          std::to_string(positional.size() + 1) + " were given");
  }
  for (size_t i = 0; i < positional.size(); ++i) call.args[spec.params[i].name] = positional[i];
  XLSYNC_RETURN_IF_ERROR(BindKeywords(spec, kwargs.is_object() ? kwargs : json::object(), false, call));
  return call;
}

core::Result<BoundCall> BindNamed(const MethodSpec& spec, std::string_view model, const json& ids, const json& named) {
  BoundCall call;
  call.spec = &spec;
  auto parsed = Ids(ids);
  if (!parsed) return OdooError(exc::kUnprocessableEntity, parsed.error().message);
  call.ids = std::move(*parsed);
  if (spec.model_method && !call.ids.empty()) {
    return OdooError(exc::kUnprocessableEntity, "cannot call " + std::string(model) + "." + spec.name + " with ids");
  }
  XLSYNC_RETURN_IF_ERROR(BindKeywords(spec, named, true, call));
  return call;
}

}  // namespace xlsync::fakes
