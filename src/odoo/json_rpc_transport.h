#pragma once

#include <cstdint>
#include <string>

#include "core/secret.h"
#include "odoo/odoo_http.h"
#include "odoo/server_fault.h"
#include "odoo/transport.h"

namespace xlsync::odoo {

/// Odoo's JSON-RPC API at /jsonrpc (odoo-api.md §2): `common` calls, and `object.execute_kw`
/// with the password or API key in every call; errors come as HTTP 200 envelopes (§4).
/// Not thread-safe (request ids); owned by one Client.
class JsonRpcTransport final : public Transport {
 public:
  JsonRpcTransport(OdooHttp http, std::string database, std::string login, core::Secret secret);

  Protocol protocol() const override { return Protocol::kJsonRpc; }
  /// common.authenticate: a uid, or false when the login is refused (not an Odoo error).
  core::Result<int64_t> Authenticate() override;
  core::Result<nlohmann::json> Call(const std::string& model, const std::string& method,
                                    const nlohmann::json& ids,
                                    const nlohmann::json& kwargs) override;
  /// A call to a service that needs no uid ("common"/"version").
  core::Result<nlohmann::json> CallService(const std::string& service, const std::string& method,
                                           nlohmann::json args);

 private:
  core::Result<nlohmann::json> Post(nlohmann::json params, const CallSite& site,
                                    http::Idempotency idempotency);
  CallSite Site(const std::string& model, const std::string& method) const;

  OdooHttp http_;
  std::string database_;
  std::string login_;
  core::Secret secret_;
  int64_t uid_ = 0;
  int64_t next_id_ = 0;
};

}  // namespace xlsync::odoo
