#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/result.h"
#include "http/retry.h"
#include "odoo/settings.h"

namespace xlsync::odoo {

/// One way of calling model methods on Odoo (JSON-RPC or JSON-2), behind which Client hides
/// the wire. `ids` is null for @api.model methods (search_read, fields_get) and an id array for
/// record methods (read); `kwargs` holds named arguments, the context among them.
class Transport {
 public:
  virtual ~Transport() = default;
  virtual Protocol protocol() const = 0;
  /// Checks the credentials and returns the user id; never retried on refusal.
  virtual core::Result<int64_t> Authenticate() = 0;
  virtual core::Result<nlohmann::json> Call(const std::string& model, const std::string& method,
                                            const nlohmann::json& ids,
                                            const nlohmann::json& kwargs) = 0;
  /// The size of the last answer's body: pages of records are sized by it.
  size_t last_reply_bytes() const { return last_reply_bytes_; }

 protected:
  size_t last_reply_bytes_ = 0;
};

/// Reads may be replayed after a reset; anything else may have been applied.
http::Idempotency IdempotencyOf(std::string_view method);

}  // namespace xlsync::odoo
