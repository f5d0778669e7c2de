#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/secret.h"
#include "odoo/odoo_http.h"
#include "odoo/server_fault.h"
#include "odoo/transport.h"

namespace xlsync::odoo {

/// Odoo 19's JSON-2 API (odoo-api.md §5): POST /json/2/<model>/<method> with named arguments,
/// the API key as bearer token; errors are 4xx/5xx with a JSON object, a bare JSON string or a
/// web page. Stateless apart from its settings; owned by one Client.
class Json2Transport final : public Transport {
 public:
  Json2Transport(OdooHttp http, std::string database, core::Secret api_key);

  Protocol protocol() const override { return Protocol::kJson2; }
  /// res.users/context_get: the key's owner.
  core::Result<int64_t> Authenticate() override;
  core::Result<nlohmann::json> Call(const std::string& model, const std::string& method,
                                    const nlohmann::json& ids,
                                    const nlohmann::json& kwargs) override;

 private:
  core::Result<nlohmann::json> ErrorOf(const http::Response& reply, const CallSite& site) const;

  OdooHttp http_;
  std::string database_;
  core::Secret api_key_;
};

/// The fault in a JSON-2 error reply, whichever of the three shapes it has; nullopt for a web
/// page (unless the status alone says what happened, as 401 does).
std::optional<ServerFault> Json2FaultOf(const http::Response& reply);

}  // namespace xlsync::odoo
