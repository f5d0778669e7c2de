#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/sleeper.h"
#include "http/client.h"
#include "http/retry.h"
#include "odoo/context.h"
#include "odoo/odoo_http.h"
#include "odoo/schema.h"
#include "odoo/server_version.h"
#include "odoo/settings.h"

namespace xlsync::odoo {

class Transport;

/// Talks to one Odoo database; owns the transport (JSON-RPC or JSON-2) and the retry policy.
/// Calls made before Connect() connect first. Thread-compatible: one per thread, or lock
/// around it. The http client, sleeper and counters must outlive it.
class Client {
 public:
  Client(http::Client& http, core::Sleeper& sleeper, Settings settings,
         http::RetryCounters* counters = nullptr);
  ~Client();
  Client(Client&&) noexcept;
  Client& operator=(Client&&) noexcept;

  /// GET /web/version (19+), else common.version over /jsonrpc; picks the transport.
  core::Result<ServerVersion> DetectVersion();
  /// JSON-RPC common.authenticate (false -> refused) or JSON-2 res.users/context_get; the uid.
  core::Result<int64_t> Login();
  /// DetectVersion + Login.
  core::Result<void> Connect();

  const ServerVersion& version() const { return version_; }
  int64_t uid() const { return uid_; }
  /// The transport in use once DetectVersion ran; the configured choice before.
  Protocol protocol() const { return protocol_; }

  core::Result<Schema> FieldsGet(const std::string& model, const Context& context);
  core::Result<int64_t> SearchCount(const std::string& model, const nlohmann::json& domain,
                                    const Context& context);
  core::Result<std::vector<int64_t>> Search(const std::string& model, const nlohmann::json& domain,
                                            const std::string& order, const Context& context);
  /// A JSON array of records; limit <= 0 means no limit.
  core::Result<nlohmann::json> SearchRead(const std::string& model, const nlohmann::json& domain,
                                          const std::vector<std::string>& fields,
                                          const std::string& order, int limit,
                                          const Context& context);
  /// The body size of the last answer (0 before the first call).
  size_t last_reply_bytes() const;
  /// A JSON array of records in the order of `ids`, without the ids that no longer exist.
  core::Result<nlohmann::json> Read(const std::string& model, const std::vector<int64_t>& ids,
                                    const std::vector<std::string>& fields, const Context& context);
  /// Any method with named arguments; `ids` is null for @api.model methods. A context without
  /// "lang" gets "en_US" (odoo-api.md §5).
  core::Result<nlohmann::json> Execute(const std::string& model, const std::string& method,
                                       const nlohmann::json& ids, const nlohmann::json& kwargs);

 private:
  core::Result<void> CheckSettings() const;
  core::Result<std::optional<ServerVersion>> ProbeWebVersion();
  core::Result<ServerVersion> ProbeCommonVersion();
  core::Result<void> UseTransport(Protocol protocol);
  core::Result<nlohmann::json> CallModel(const std::string& model, const std::string& method,
                                         const nlohmann::json& ids, nlohmann::json kwargs);
  core::Error Unexpected(const std::string& model, const std::string& method) const;

  Settings settings_;
  OdooHttp http_;
  ServerVersion version_;
  Protocol protocol_;
  int64_t uid_ = 0;
  std::unique_ptr<Transport> transport_;
};

}  // namespace xlsync::odoo
