#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "http/message.h"
#include "testing/fake_graph/graph_error.h"

namespace xlsync::fakes {

inline constexpr std::string_view kGraphJsonType =
    "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

/// One request as the fake's routes see it, independent of the HTTP server library. `body`
/// views the server's buffer and lives as long as the request.
struct Exchange {
  std::string method;
  std::string raw_path;                      // as sent, before '?'
  std::string path;                          // percent-decoded, for fault matching and the log
  std::map<std::string, std::string> query;  // decoded
  http::Headers headers;
  std::string_view body;
  std::string request_id;
  std::string client_request_id;
  core::TimePoint time;
};

/// What a route answers. An `error` is rendered in the §3.2 shape once the ids are known; the
/// last three fields only annotate the request log.
struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = std::string(kGraphJsonType);
  std::vector<std::pair<std::string, std::string>> headers;
  std::optional<GraphError> error;
  std::string route_kind;
  std::string session_id;
  std::uint64_t cells_written = 0;

  static Reply Json(int status, const nlohmann::json& body) {
    Reply reply;
    reply.status = status;
    reply.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return reply;
  }
  /// A reply whose JSON text is already written.
  static Reply JsonText(int status, std::string body) {
    Reply reply;
    reply.status = status;
    reply.body = std::move(body);
    return reply;
  }
  static Reply Empty(int status) {
    Reply reply;
    reply.status = status;
    reply.content_type.clear();
    return reply;
  }
  static Reply Fail(GraphError error) {
    Reply reply;
    reply.status = error.status;
    reply.error = std::move(error);
    return reply;
  }
};

}  // namespace xlsync::fakes
