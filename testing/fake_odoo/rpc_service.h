#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "testing/fake_odoo/odoo_backend.h"

namespace xlsync::fakes {

/// What a call touched: for fault matching, latency and the call log.
struct CallInfo {
  std::string service;
  std::string method;
  std::string model;
  int64_t records = 0;
};

/// The `/jsonrpc` services of odoo-api.md §2: common (version, about, login, authenticate),
/// object (execute_kw, execute; credentials re-checked on every call) and db (list…).
/// Errors come back as the exceptions Odoo raises; the route wraps them in the envelope.
class RpcService {
 public:
  explicit RpcService(OdooBackend& backend) : backend_(backend) {}

  /// Service, method and model a JSON-RPC `params` object names, without running it.
  static CallInfo Identify(const nlohmann::json& params);
  /// The `result` of `params` (null = Odoo returned None), or the exception it raised.
  core::Result<nlohmann::json> Dispatch(const nlohmann::json& params, CallInfo& info);
  /// `common.version`'s dictionary for the version profile.
  static nlohmann::json VersionInfo(int version);

 private:
  core::Result<nlohmann::json> Common(const std::string& method, const nlohmann::json& args);
  core::Result<nlohmann::json> Object(const std::string& method, const nlohmann::json& args, CallInfo& info);
  core::Result<nlohmann::json> Db(const std::string& method, const nlohmann::json& args);
  core::Result<nlohmann::json> Authenticate(const nlohmann::json& args, size_t arity, const char* function);
  core::Result<const FakeUser*> CheckCredentials(const nlohmann::json& args);

  OdooBackend& backend_;
};

/// The JSON-RPC response envelope: `result` (omitted for None) or `error` with the version's
/// code (200 up to 18, 0 on 19) and `data` (odoo-api.md §4).
nlohmann::json JsonRpcEnvelope(const nlohmann::json& id, const core::Result<nlohmann::json>& outcome, int version);

}  // namespace xlsync::fakes
