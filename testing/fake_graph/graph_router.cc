#include "testing/fake_graph/graph_router.h"

#include "core/text.h"
#include "testing/fake_graph/drive_routes.h"
#include "testing/fake_graph/odata_path.h"
#include "testing/fake_graph/route_helpers.h"

namespace xlsync::fakes {

Reply GraphRouter::Route(GraphState& state, const Exchange& exchange) {
  return LimitAnswer(state, exchange, RouteChecked(state, exchange));
}

Reply GraphRouter::LimitAnswer(const GraphState& state, const Exchange& exchange, Reply reply) {
  // msgraph.md §6.5: Excel for the web's 5 MB limit holds for answers too (a range read, or the
  // range a PATCH answers with). The PATCH has been applied by then: a replay is harmless.
  if (reply.error || reply.body.size() <= state.options.max_response_bytes ||
      exchange.raw_path.find("/workbook/") == std::string::npos) {
    return reply;
  }
  const std::string message =
      "The size of the payload exceeded the limit. Read the documentation: "
      "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins.";
  // The shape users reported (microsoft-graph-docs#15709); the status is our choice (README).
  GraphError error;
  error.status = 413;
  error.chain = {{"ResponsePayloadSizeLimitExceeded", message}, {"responsePayloadSizeLimitExceeded", message}};
  Reply refused = Reply::Fail(std::move(error));
  refused.route_kind = reply.route_kind;
  refused.session_id = reply.session_id;
  refused.cells_written = reply.cells_written;
  return refused;
}

Reply GraphRouter::RouteChecked(GraphState& state, const Exchange& exchange) {
  const TokenGrant* grant = nullptr;
  Reply refused = Authenticate(state, exchange, grant);
  if (!grant) return refused;
  if (auto rejected = CheckRequest(state, exchange, *grant)) return std::move(*rejected);
  const auto segments = ODataPath::Split(exchange.raw_path);
  if (segments.empty() || segments[0] != "v1.0") {
    return RouteHelpers::UnknownSegment(segments.empty() ? "" : segments[0]);
  }
  if (segments.size() < 2) return RouteHelpers::UnknownSegment("v1.0");
  GraphCall call{state, exchange, *grant};
  const std::string resource = ODataPath::Decode(segments[1]);
  const std::vector<std::string> rest(segments.begin() + 2, segments.end());
  if (resource == "me") {
    // msgraph.md §3.3, §5: /me has no meaning without a signed-in user.
    return Reply::Fail(
        GraphError::BadRequest("/me request is only valid with delegated authentication flow."));
  }
  if (resource == "users") return DriveRoutes::Users(call, rest);
  if (resource == "drives") return DriveRoutes::Drives(call, rest);
  if (resource == "shares") return DriveRoutes::Shares(call, rest);
  return RouteHelpers::UnknownSegment(resource);
}

Reply GraphRouter::Authenticate(GraphState& state, const Exchange& exchange,
                                const TokenGrant*& grant) {
  // msgraph.md §3.3: 401 InvalidAuthenticationToken, with the WWW-Authenticate challenge.
  const auto header = exchange.headers.Get("Authorization");
  if (!header || core::Trim(*header).empty()) {
    return Reply::Fail(GraphError::Unauthenticated("Access token is empty."));
  }
  const std::string_view value = core::Trim(*header);
  const TokenGrant* found = nullptr;
  if (core::StartsWithIgnoreCase(value, "Bearer ")) {
    found = state.directory.FindToken(core::Trim(value.substr(7)));
  }
  if (!found) {
    return Reply::Fail(
        GraphError::Unauthenticated("CompactToken parsing failed with error code: 80049217"));
  }
  if (exchange.time >= found->expires_at) {
    return Reply::Fail(
        GraphError::Unauthenticated("Access token has expired or is not yet valid."));
  }
  grant = found;
  return Reply::Empty(200);
}

std::optional<Reply> GraphRouter::CheckRequest(const GraphState& state, const Exchange& exchange,
                                               const TokenGrant& grant) {
  // msgraph.md §3.3, §5: an app without a consented permission has no roles claim at all;
  // Sites.Selected works only on sites an admin granted.
  if (grant.access.permission == AppPermission::kNone) {
    return Reply::Fail(GraphError::Service(
        403, "accessDenied", "Either scp or roles claim need to be present in the token."));
  }
  if (grant.access.permission == AppPermission::kSitesSelected && !grant.access.site_granted) {
    return Reply::Fail(GraphError::Service(403, "accessDenied", "Access denied"));
  }
  // msgraph.md §6.5: Excel for the web refuses request bodies over 5 MB.
  if (exchange.body.size() > state.options.max_request_bytes) {
    const std::string message = "The request payload size exceeded the limit of " +
                                std::to_string(state.options.max_request_bytes) + " bytes.";
    return Reply::Fail(
        GraphError::Excel(413, "payloadTooLargeUncategorized", message,
                          GraphError::Level{"RequestPayloadSizeLimitExceeded", message}));
  }
  const auto content_type = exchange.headers.Get("Content-Type").value_or("");
  if (!core::Trim(exchange.body).empty() &&
      !core::StartsWithIgnoreCase(content_type, "application/json")) {
    return Reply::Fail(
        GraphError::BadRequest("Entity only allows writes with a JSON Content-Type header."));
  }
  return std::nullopt;
}

}  // namespace xlsync::fakes
