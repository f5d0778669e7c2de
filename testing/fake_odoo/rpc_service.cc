#include "testing/fake_odoo/rpc_service.h"

#include <charconv>

#include "testing/fake_odoo/odoo_error.h"
#include "testing/fake_odoo/odoo_messages.h"
#include "testing/fake_odoo/python_repr.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

core::Error Arity(const char* function, size_t wanted, size_t given, const std::vector<std::string>& names) {
  if (given > wanted) {
    return OdooError(exc::kTypeError, std::string(function) + "() takes " + std::to_string(wanted) +
                                          " positional arguments but " + std::to_string(given) + " were given");
  }
  std::string missing;
  const size_t count = wanted - given;
  for (size_t i = given; i < wanted; ++i) {
    missing += (i == given ? "" : i + 1 == wanted ? (count > 2 ? ", and " : " and ") : ", ") + ("'" + names[i] + "'");
  }
  return OdooError(exc::kTypeError, std::string(function) + "() missing " + std::to_string(count) +
                                        " required positional argument" + (count == 1 ? "" : "s") + ": " + missing);
}

core::Error UnknownDatabase(const std::string& db) {
  return OdooError(exc::kOperationalError, "connection to server at \"127.0.0.1\", port 5432 failed: FATAL:  database \"" +
                                               db + "\" does not exist\n");
}

// int(params[1]) in odoo/service/model.py dispatch().
core::Result<int64_t> PythonInt(const json& value) {
  if (value.is_number_integer()) return value.get<int64_t>();
  if (value.is_number_float()) return static_cast<int64_t>(value.get<double>());
  if (value.is_boolean()) return static_cast<int64_t>(value.get<bool>());
  if (value.is_string()) {
    const std::string text = value.get<std::string>();
    int64_t parsed = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (ec == std::errc() && end == text.data() + text.size() && !text.empty()) return parsed;
    return OdooError(exc::kValueError, "invalid literal for int() with base 10: " + PythonRepr(value));
  }
  const std::string type = value.is_null() ? "NoneType" : value.is_array() ? "list" : "dict";
  return OdooError(exc::kTypeError,
                   "int() argument must be a string, a bytes-like object or a real number, not '" + type + "'");
}

}  // namespace

json RpcService::VersionInfo(int version) {
  const std::string serie = std::to_string(version) + ".0";
  return {{"server_version", serie + "-20250702"},
          {"server_version_info", json::array({version, 0, 0, "final", 0, ""})},
          {"server_serie", serie},
          {"protocol_version", 1}};
}

CallInfo RpcService::Identify(const json& params) {
  CallInfo info;
  if (!params.is_object()) return info;
  info.service = params.value("service", json("")).is_string() ? params.value("service", "") : "";
  info.method = params.value("method", json("")).is_string() ? params.value("method", "") : "";
  const json args = params.value("args", json::array());
  if (info.service == "object" && args.is_array() && args.size() >= 5) {
    if (args[3].is_string()) info.model = args[3].get<std::string>();
    if (args[4].is_string()) info.method = args[4].get<std::string>();
  }
  return info;
}

core::Result<json> RpcService::Dispatch(const json& params, CallInfo& info) {
  if (!params.is_object()) return OdooError(exc::kTypeError, "list indices must be integers or slices, not str");
  // The /jsonrpc controller takes params as keyword arguments: jsonrpc(service, method, args).
  size_t present = 0;
  for (const char* key : {"service", "method", "args"}) {
    if (params.contains(key)) ++present;
  }
  if (present < 3) {
    std::vector<std::string> names;
    for (const char* key : {"service", "method", "args"}) {
      if (!params.contains(key)) names.push_back(key);
    }
    names.insert(names.begin(), 3 - names.size(), "");
    return Arity("jsonrpc", 3, present, names);
  }
  for (const auto& [key, value] : params.items()) {
    if (key != "service" && key != "method" && key != "args") {
      return OdooError(exc::kTypeError, "jsonrpc() got an unexpected keyword argument '" + key + "'");
    }
  }
  const json& service = params["service"];
  const json& method = params["method"];
  const json& args = params["args"];
  if (!service.is_string() || (service != "common" && service != "object" && service != "db")) {
    return OdooError(exc::kKeyError, service.is_string() ? service.get<std::string>() : PythonRepr(service));
  }
  if (!method.is_string()) return OdooError(exc::kTypeError, "can only concatenate str (not \"" + std::string(method.type_name()) + "\") to str");
  if (!args.is_array()) return OdooError(exc::kTypeError, "argument after * must be an iterable, not " + std::string(args.type_name()));
  if (service == "common") return Common(method.get<std::string>(), args);
  if (service == "db") return Db(method.get<std::string>(), args);
  return Object(method.get<std::string>(), args, info);
}

core::Result<json> RpcService::Common(const std::string& method, const json& args) {
  if (method == "version") return VersionInfo(backend_.version());
  if (method == "about") {
    if (args.size() > 1) return Arity("exp_about", 1, args.size(), {"extended"});
    const json info = VersionInfo(backend_.version());
    if (!args.empty() && args[0] == true) return json::array({"See http://openerp.com", info["server_version"]});
    return json("See http://openerp.com");
  }
  if (method == "login") return Authenticate(args, 3, "exp_login");
  if (method == "authenticate") return Authenticate(args, 4, "exp_authenticate");
  return OdooError("builtins.Exception", "Method not found: " + method);
}

core::Result<json> RpcService::Authenticate(const json& args, size_t arity, const char* function) {
  if (args.size() != arity) return Arity(function, arity, args.size(), {"db", "login", "password", "user_agent_env"});
  const FakeOdooOptions& options = backend_.options();
  if (args[0] != options.database) {
    if (options.unknown_database_raises) return UnknownDatabase(args[0].is_string() ? args[0].get<std::string>() : "");
    return json(false);
  }
  // A wrong login or secret is not an error: the answer is `false` (odoo-api.md §2).
  const FakeUser* user = args[1].is_string() ? backend_.UserByLogin(args[1].get<std::string>()) : nullptr;
  if (!user || !args[2].is_string() || !OdooBackend::Accepts(*user, args[2].get<std::string>())) return json(false);
  return json(user->uid);
}

core::Result<const FakeUser*> RpcService::CheckCredentials(const json& args) {
  if (args.size() < 3) return OdooError(exc::kIndexError, "list index out of range");
  auto uid = PythonInt(args[1]);
  if (!uid) return uid.error();
  if (args[0] != backend_.options().database) {
    return UnknownDatabase(args[0].is_string() ? args[0].get<std::string>() : PythonRepr(args[0]));
  }
  const FakeUser* user = backend_.UserByUid(*uid);
  if (!user) {
    return OdooError(exc::kMissingError, "Record does not exist or has been deleted.\n(Record: res.users(" +
                                             std::to_string(*uid) + ",), User: " + std::to_string(*uid) + ")");
  }
  // Re-checked on every call; an empty password is refused at once (odoo-api.md §2).
  const std::string secret = args[2].is_string() ? args[2].get<std::string>() : "";
  if (!OdooBackend::Accepts(*user, secret)) return msg::AccessDenied();
  return user;
}

core::Result<json> RpcService::Object(const std::string& method, const json& args, CallInfo& info) {
  if (method != "execute_kw" && method != "execute") {
    return OdooError("builtins.NameError", "Method not available " + method);
  }
  auto user = CheckCredentials(args);
  if (!user) return user.error();
  const size_t rest = args.size() - 3;
  // execute_kw(db, uid, obj, method, args, kw=None), after dispatch() took db/uid/password.
  if (method == "execute_kw" && rest < 3) return Arity("execute_kw", 5, rest + 2, {"db", "uid", "obj", "method", "args"});
  if (method == "execute_kw" && rest > 4) {
    return OdooError(exc::kTypeError, "execute_kw() takes from 5 to 6 positional arguments but " +
                                          std::to_string(rest + 2) + " were given");
  }
  if (method == "execute" && rest < 2) return Arity("execute", 4, rest + 2, {"db", "uid", "obj", "method"});
  if (!args[3].is_string() || !args[4].is_string()) {
    return OdooError(exc::kTypeError, "model and method names must be strings");
  }
  json positional = json::array();
  json kwargs = json::object();
  if (method == "execute_kw") {
    positional = args[5];
    if (!positional.is_array()) return OdooError(exc::kTypeError, "argument after * must be an iterable, not " + std::string(positional.type_name()));
    if (rest == 4 && !args[6].is_null()) {
      if (!args[6].is_object()) return OdooError(exc::kTypeError, "argument after ** must be a mapping, not " + std::string(args[6].type_name()));
      kwargs = args[6];
    }
  } else {
    positional = json(std::vector<json>(args.begin() + 5, args.end()));
  }
  const json context = kwargs.value("context", json::object());
  auto bind = [&](const MethodSpec& spec) { return BindPositional(spec, positional, kwargs); };
  return backend_.CallModel(*user, args[3].get<std::string>(), args[4].get<std::string>(), bind, context, info.records);
}

core::Result<json> RpcService::Db(const std::string& method, const json& args) {
  if (method == "list") return json::array({backend_.options().database});
  if (method == "server_version") return VersionInfo(backend_.version())["server_version"];
  if (method == "db_exist") {
    if (args.size() != 1) return Arity("exp_db_exist", 1, args.size(), {"db_name"});
    return json(args[0] == backend_.options().database);
  }
  return OdooError(exc::kKeyError, "exp_" + method);
}

json JsonRpcEnvelope(const json& id, const core::Result<json>& outcome, int version) {
  json envelope = {{"jsonrpc", "2.0"}, {"id", id}};
  if (outcome) {
    if (!outcome->is_null()) envelope["result"] = *outcome;
    return envelope;
  }
  envelope["error"] = {{"code", version >= 19 ? 0 : 200},
                       {"message", "Odoo Server Error"},
                       {"data", ErrorData(outcome.error())}};
  return envelope;
}

}  // namespace xlsync::fakes
