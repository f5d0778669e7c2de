#pragma once

#include <atomic>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/sleeper.h"
#include "http/client.h"
#include "http/retry.h"
#include "msgraph/graph_error.h"
#include "msgraph/settings.h"
#include "msgraph/token_provider.h"

namespace xlsync::msgraph {

/// One Graph call as the typed layers describe it; `path` is relative to "<graph_url>/v1.0".
struct GraphRequest {
  http::Method method = http::Method::kGet;
  std::string path;
  std::string body;  // JSON; Content-Type is added when non-empty
  http::Headers headers;
  http::Idempotency idempotency = http::Idempotency::kIdempotent;
  std::string what;               // "reading the sheet list", for sentences and logs
  std::string client_request_id;  // filled by Exchange() when empty; one per logical request
  int max_attempts = 8;
  /// Inside a workbook session a 502, or a 503 without Retry-After, comes back at once so the
  /// caller can re-create the session instead of retrying a dead one (msgraph.md §6.2).
  bool session_bound = false;
};

/// Authorized Graph calls: Authorization, client-request-id and the caller's headers (the
/// User-Agent comes from the http client), bounded retries with Retry-After as a floor
/// (msgraph.md §4.2), one token renewal and replay on a 401, and errors mapped to plain
/// sentences. Thread-safe.
class GraphClient {
 public:
  GraphClient(http::Client& http, TokenProvider& tokens, core::Sleeper& sleeper,
              const Settings& settings, http::RetryCounters* counters = nullptr);

  /// Returns only 2xx replies; anything else becomes a mapped core::Error.
  core::Result<http::Response> Send(http::Method method, const std::string& path,
                                    const std::string& body, const http::Headers& extra,
                                    http::Idempotency idempotency, std::string_view what);
  /// Send() with a JSON body (nullptr: none) and a parsed JSON reply ({} when empty).
  core::Result<nlohmann::json> SendJson(http::Method method, const std::string& path,
                                        const nlohmann::json* body, const http::Headers& extra,
                                        http::Idempotency idempotency, std::string_view what);

  /// The final reply after retries and the 401 replay, whatever its status; an Error only when
  /// there was no usable reply (token failure, transport). Fills request.client_request_id.
  core::Result<http::Response> Exchange(GraphRequest& request);
  /// The plain error for a non-2xx reply to `request`.
  core::Error ErrorFor(const GraphRequest& request, const http::Response& response) const;
  /// Parses a 2xx reply's JSON body ({} when empty).
  core::Result<nlohmann::json> ParseReply(const GraphRequest& request,
                                          const http::Response& response) const;
  /// The path under "<graph_url>/v1.0" of an absolute Graph URL (a 202's Location), or nullopt
  /// when the URL points elsewhere: the token is never sent to another host.
  std::optional<std::string> PathOf(std::string_view url) const;

  long long requests_sent() const { return requests_sent_.load(); }

 private:
  core::Result<http::Response> SendWithRetries(const GraphRequest& request,
                                               const std::string& token);

  http::Client& http_;
  TokenProvider& tokens_;
  core::Sleeper& sleeper_;
  const std::string base_url_;
  const std::chrono::milliseconds timeout_;
  http::RetryCounters* counters_;
  std::atomic<long long> requests_sent_{0};
};

/// One Graph path segment (an id, a UPN, a file name): percent-encoded, keeping '!' and '@',
/// which drive ids and UPNs carry and which are legal in a path.
std::string EncodePathSegment(std::string_view segment);

}  // namespace xlsync::msgraph
