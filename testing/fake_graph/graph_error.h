#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace xlsync::fakes {

/// One Graph error before it is rendered: `chain[0]` is the top-level code and message, each
/// further entry nests one `innerError` deeper (msgraph.md §3.2, §6.9).
struct GraphError {
  struct Level {
    std::string code;
    std::string message;
  };
  int status = 500;
  std::vector<Level> chain;
  std::optional<int> retry_after_seconds;
  /// 401s carry the WWW-Authenticate challenge of §3.3.
  bool challenge = false;

  /// A drive/directory error: one level, e.g. 404 itemNotFound.
  static GraphError Service(int status, std::string code, std::string message);
  /// An Excel error: top-level code named after the status (§6.9: 400 badRequest, 404 notFound,
  /// ...), `code` one level down, and optionally a third, more specific level.
  static GraphError Excel(int status, std::string code, std::string message,
                          std::optional<Level> innermost = std::nullopt);
  /// An Excel error from a core::Error whose `upstream` holds the second-level code.
  static GraphError FromCore(const core::Error& error);
  /// 401 InvalidAuthenticationToken with the challenge header.
  static GraphError Unauthenticated(std::string message);
  /// 400 BadRequest for a URL or body the fake (like Graph) cannot parse.
  static GraphError BadRequest(std::string message);

  /// §3.2 body; the ids go into the first innerError together with the second-level code.
  nlohmann::json ToJson(std::string_view date, std::string_view request_id,
                        std::string_view client_request_id) const;
};

/// §6.9 top-level Excel code for an HTTP status.
std::string_view ExcelTopCode(int status);

}  // namespace xlsync::fakes
