#include "msgraph/graph_error.h"

#include <utility>

#include "core/text.h"
#include "http/client.h"
#include "msgraph/graph_error_case.h"
#include "msgraph/json_fields.h"

namespace xlsync::msgraph {
namespace {

bool AnyMessageContains(const GraphErrorBody& body, std::string_view needle) {
  const std::string lower_needle = core::ToLower(needle);
  for (const auto& message : body.messages) {
    if (core::ToLower(message).find(lower_needle) != std::string::npos) return true;
  }
  return false;
}

// Codes first (the deepest known one is the most specific), then what only the status or the
// developer message can tell: 423 is always a lock, "scp or roles" is a missing application
// permission and "WAC access token" is Excel refusing the file (§3.3, §9).
ErrorCase Classify(int status, const GraphErrorBody& body, const std::string& path) {
  if (status == 423) return ErrorCase::kLocked;
  if (status == 403 && AnyMessageContains(body, "scp or roles")) return ErrorCase::kNoAppPermission;
  if (status == 403 && AnyMessageContains(body, "WAC access token")) return ErrorCase::kWacToken;
  const std::string code = MostSpecificCode(body);
  ErrorCase found = CaseOfStatus(status);
  if (const auto from_code = CaseOfCode(code)) found = *from_code;
  if (status == 413) found = ErrorCase::kPayload;
  if (found == ErrorCase::kAccessDenied && path.find("/sites/") != std::string::npos) {
    found = ErrorCase::kSiteAccessDenied;
  }
  return found;
}

void CollectErrorChain(const nlohmann::json& error, GraphErrorBody& body, int depth) {
  if (!error.is_object() || depth > 8) return;
  if (std::string code = StringField(error, "code"); !code.empty()) {
    body.codes.push_back(std::move(code));
  }
  if (std::string message = StringField(error, "message"); !message.empty()) {
    body.messages.push_back(std::move(message));
  }
  if (std::string id = StringField(error, "request-id"); !id.empty()) body.request_id = id;
  const nlohmann::json* inner = Field(error, "innerError");
  if (!inner) inner = Field(error, "innererror");
  if (inner) CollectErrorChain(*inner, body, depth + 1);
}

}  // namespace

GraphErrorBody ParseGraphErrorObject(const nlohmann::json& error) {
  GraphErrorBody body;
  CollectErrorChain(error, body, 0);
  return body;
}

GraphErrorBody ParseGraphError(std::string_view body) {
  const nlohmann::json json = ParseJson(body);
  if (json.is_discarded()) return {};
  const nlohmann::json* error = Field(json, "error");
  return error ? ParseGraphErrorObject(*error) : GraphErrorBody{};
}

std::string MostSpecificCode(const GraphErrorBody& body) {
  for (auto it = body.codes.rbegin(); it != body.codes.rend(); ++it) {
    if (CaseOfCode(*it)) return *it;
  }
  return body.codes.empty() ? std::string() : body.codes.back();
}

bool HasCode(const GraphErrorBody& body, std::string_view code) {
  for (const auto& each : body.codes) {
    if (core::EqualsIgnoreCase(each, code)) return true;
  }
  return false;
}

core::Error MapGraphError(int status, const GraphErrorBody& body, const CallContext& context) {
  std::string upstream = MostSpecificCode(body);
  if (upstream.empty()) upstream = "HTTP " + std::to_string(status);
  core::Error error =
      DescribeCase(Classify(status, body, context.path), status, context.what, std::move(upstream));
  error.detail = "HTTP " + std::to_string(status) + " " + context.method + " " + context.path +
                 " request-id=" + body.request_id +
                 " client-request-id=" + context.client_request_id;
  return error;
}

core::Error MapGraphError(const http::Response& response, const CallContext& context) {
  GraphErrorBody body = ParseGraphError(response.body);
  if (const auto id = response.headers.Get("request-id")) body.request_id = *id;
  return MapGraphError(response.status, body, context);
}

bool IsPayloadTooLarge(const core::Error& error) {
  if (error.detail.starts_with("HTTP 413 ")) return true;
  const auto which = CaseOfCode(error.upstream);
  return which && *which == ErrorCase::kPayload;
}

bool IsSessionLost(const core::Error& error) {
  return core::EqualsIgnoreCase(error.upstream, "invalidSessionReCreatable") ||
         core::EqualsIgnoreCase(error.upstream, "invalidSessionUnexpected");
}

bool IsTransientTransportError(const core::Error& error) {
  if (error.code != core::ErrorCode::kUnavailable && error.code != core::ErrorCode::kTimeout) {
    return false;
  }
  return error.upstream != "CURLE_PEER_FAILED_VERIFICATION" &&
         error.upstream != "CURLE_SSL_CONNECT_ERROR" &&
         error.upstream != "CURLE_UNSUPPORTED_PROTOCOL" && error.upstream != "CURLE_URL_MALFORMAT";
}

}  // namespace xlsync::msgraph
