#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "http/message.h"

namespace xlsync::msgraph {

/// The codes and messages of one Graph error object (msgraph.md §3.2), outermost first. The
/// messages are developer text: used only to tell apart cases that share a code, never shown.
struct GraphErrorBody {
  std::vector<std::string> codes;
  std::vector<std::string> messages;
  std::string request_id;  // innerError "request-id", when the body carries one
};

/// Parses a whole reply body ({"error":{...}}); a body that is not JSON gives no codes.
GraphErrorBody ParseGraphError(std::string_view body);
/// Parses the "error" object itself (as in a failed long-running operation, §6.2).
GraphErrorBody ParseGraphErrorObject(const nlohmann::json& error);

/// The deepest code of the chain that xlsync knows (case-insensitive), else the deepest code,
/// else "".
std::string MostSpecificCode(const GraphErrorBody& body);
/// True when any level of the chain carries `code` (case-insensitive).
bool HasCode(const GraphErrorBody& body, std::string_view code);

/// Where a failed call came from: for the sentence (`what`, a phrase such as "reading the sheet
/// list") and the log-only detail.
struct CallContext {
  std::string method;
  std::string path;
  std::string what;
  std::string client_request_id;
};

/// One plain sentence per case a user can meet (§3.3, §6.2, §6.9); upstream is the most
/// specific code, detail is "HTTP <status> <method> <path> request-id=… client-request-id=…".
core::Error MapGraphError(const http::Response& response, const CallContext& context);
core::Error MapGraphError(int status, const GraphErrorBody& body, const CallContext& context);

/// The request body was too large (413, RequestPayloadSizeLimitExceeded, rangeExceedsLimit):
/// the caller halves its chunk and tries again (§6.6).
bool IsPayloadTooLarge(const core::Error& error);
/// The Excel session was lost and re-creating it did not help (invalidSessionReCreatable,
/// invalidSessionUnexpected): the caller resumes from its last checkpoint in a new session.
bool IsSessionLost(const core::Error& error);
/// A transport failure (no usable reply) that may pass: timeouts, resets, refused connections;
/// not TLS verification or malformed URLs.
bool IsTransientTransportError(const core::Error& error);

}  // namespace xlsync::msgraph
