#pragma once

#include <string_view>

#include "testing/fake_graph/aad_error.h"
#include "testing/fake_graph/exchange.h"
#include "testing/fake_graph/graph_state.h"

namespace xlsync::fakes {

/// POST /{tenant}/oauth2/v2.0/token with the client-credentials grant and a client secret
/// (msgraph.md §2.1, §2.3), refusing with the identity platform's errors of §2.4.
class TokenEndpoint {
 public:
  /// True for "/{tenant}/oauth2/v2.0/token".
  static bool Matches(std::string_view path);
  /// Caller holds the state lock.
  static Reply Handle(GraphState& state, const Exchange& exchange);
  /// An §2.4 error reply; x-ms-request-id = trace_id, correlation_id = client-request-id.
  static Reply ErrorReply(const AadError& error, const GraphState& state, const Exchange& exchange);
};

}  // namespace xlsync::fakes
