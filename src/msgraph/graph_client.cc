#include "msgraph/graph_client.h"

#include <spdlog/spdlog.h>

#include "core/text.h"
#include "http/url.h"
#include "msgraph/json_fields.h"

namespace xlsync::msgraph {
namespace {

// msgraph.md §4.2: 429/503 honour Retry-After (the loop takes it as a floor), 500/502/504 and
// resets back off with jitter. In a session, a 502 or an unthrottled 503 means the session may
// be gone: hand it back so the workbook re-creates the session (§6.2) rather than retrying.
bool IsTransient(const core::Result<http::Response>& outcome, bool session_bound) {
  if (!outcome) return IsTransientTransportError(outcome.error());
  switch (outcome->status) {
    case 429:
    case 500:
    case 504:
      return true;
    case 502:
      return !session_bound;
    case 503:
      return !session_bound || outcome->headers.Get("Retry-After").has_value();
    default:
      return false;
  }
}

CallContext ContextOf(const GraphRequest& request) {
  return CallContext{std::string(http::MethodName(request.method)), request.path, request.what,
                     request.client_request_id};
}

GraphRequest MakeRequest(http::Method method, const std::string& path, std::string body,
                         const http::Headers& extra, http::Idempotency idempotency,
                         std::string_view what) {
  GraphRequest request;
  request.method = method;
  request.path = path;
  request.body = std::move(body);
  request.headers = extra;
  request.idempotency = idempotency;
  request.what = std::string(what);
  return request;
}

}  // namespace

std::string EncodePathSegment(std::string_view segment) {
  std::string encoded = http::PercentEncode(segment);
  for (const std::string_view kept : {"%21", "%40"}) {
    for (auto at = encoded.find(kept); at != std::string::npos; at = encoded.find(kept, at)) {
      encoded.replace(at, 3, kept == "%21" ? "!" : "@");
    }
  }
  return encoded;
}

GraphClient::GraphClient(http::Client& http, TokenProvider& tokens, core::Sleeper& sleeper,
                         const Settings& settings, http::RetryCounters* counters)
    : http_(http),
      tokens_(tokens),
      sleeper_(sleeper),
      base_url_(http::JoinUrl(settings.graph_url, "v1.0")),
      timeout_(settings.timeout),
      counters_(counters) {}

core::Result<http::Response> GraphClient::Exchange(GraphRequest& request) {
  if (request.client_request_id.empty()) request.client_request_id = core::NewGuid();
  for (int round = 1;; ++round) {
    auto token = tokens_.AccessToken();
    if (!token) return std::move(token).error();
    auto reply = SendWithRetries(request, *token);
    if (!reply) {
      reply.error().detail += " " + std::string(http::MethodName(request.method)) + " " +
                              request.path + " client-request-id=" + request.client_request_id;
      return reply;
    }
    if (reply->status != 401 || round == 2) return reply;
    // msgraph.md §3.3: a 401 means the token expired or was revoked early. Graph rejects it
    // before doing anything, so even a non-idempotent call is replayed, once, on a new token.
    spdlog::info("{}: Microsoft Graph answered 401, renewing the token and replaying once",
                 request.what);
    tokens_.Invalidate(*token);
  }
}

core::Result<http::Response> GraphClient::SendWithRetries(const GraphRequest& request,
                                                          const std::string& token) {
  http::Request wire;
  wire.method = request.method;
  wire.url = base_url_ + request.path;
  wire.body = request.body;
  wire.timeout = timeout_;
  wire.headers.Set("Authorization", "Bearer " + token);
  wire.headers.Set("client-request-id", request.client_request_id);
  wire.headers.Set("Accept", "application/json");
  if (!request.body.empty()) wire.headers.Set("Content-Type", "application/json");
  for (const auto& [name, value] : request.headers.items()) wire.headers.Set(name, value);

  http::RetryPolicy policy;
  policy.max_attempts = request.max_attempts;
  policy.max_total_wait = std::chrono::minutes(10);
  policy.counters = counters_;
  const bool session_bound = request.session_bound;
  policy.is_transient = [session_bound](const core::Result<http::Response>& outcome) {
    return IsTransient(outcome, session_bound);
  };
  // Microsoft's SDKs start at 3 s and cap each wait at 180 s (§4.2); 2 s and 60 s keep a run
  // moving while staying well clear of the published limits.
  const http::BackoffPolicy backoff(std::chrono::seconds(2), std::chrono::seconds(60));
  return http::RetryLoop(policy, backoff, request.idempotency, sleeper_, request.what, [&] {
    ++requests_sent_;
    return http_.Send(wire);
  });
}

core::Error GraphClient::ErrorFor(const GraphRequest& request,
                                  const http::Response& response) const {
  core::Error error = MapGraphError(response, ContextOf(request));
  spdlog::info("{}: {} ({}) {}", request.what, error.message, error.upstream, error.detail);
  return error;
}

core::Result<nlohmann::json> GraphClient::ParseReply(const GraphRequest& request,
                                                     const http::Response& response) const {
  if (core::Trim(response.body).empty()) return nlohmann::json::object();
  nlohmann::json json = ParseJson(response.body);
  if (json.is_discarded()) {
    core::Error error = core::Unavailable("Microsoft Graph sent an unreadable answer while " +
                                              request.what + ": try again in a few minutes.",
                                          "HTTP " + std::to_string(response.status));
    error.detail = std::string(http::MethodName(request.method)) + " " + request.path +
                   " client-request-id=" + request.client_request_id;
    return error;
  }
  return json;
}

core::Result<http::Response> GraphClient::Send(http::Method method, const std::string& path,
                                               const std::string& body, const http::Headers& extra,
                                               http::Idempotency idempotency,
                                               std::string_view what) {
  GraphRequest request = MakeRequest(method, path, body, extra, idempotency, what);
  auto reply = Exchange(request);
  if (!reply) return reply;
  if (!http::IsSuccess(*reply)) return ErrorFor(request, *reply);
  return reply;
}

core::Result<nlohmann::json> GraphClient::SendJson(http::Method method, const std::string& path,
                                                   const nlohmann::json* body,
                                                   const http::Headers& extra,
                                                   http::Idempotency idempotency,
                                                   std::string_view what) {
  GraphRequest request =
      MakeRequest(method, path, body ? DumpJson(*body) : std::string(), extra, idempotency, what);
  auto reply = Exchange(request);
  if (!reply) return std::move(reply).error();
  if (!http::IsSuccess(*reply)) return ErrorFor(request, *reply);
  return ParseReply(request, *reply);
}

std::optional<std::string> GraphClient::PathOf(std::string_view url) const {
  if (core::StartsWithIgnoreCase(url, base_url_ + "/"))
    return std::string(url.substr(base_url_.size()));
  if (url.starts_with("/v1.0/")) return std::string(url.substr(5));
  if (url.starts_with("/")) return std::string(url);
  return std::nullopt;
}

}  // namespace xlsync::msgraph
