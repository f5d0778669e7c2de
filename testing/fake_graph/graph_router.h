#pragma once

#include "testing/fake_graph/exchange.h"
#include "testing/fake_graph/graph_state.h"

namespace xlsync::fakes {

/// Every /v1.0 request: bearer token, app permission and request-size checks (msgraph.md §3,
/// §5, §6.5), then the drive and workbook routes, then Excel's answer-size check. Caller holds
/// the state lock.
class GraphRouter {
 public:
  static Reply Route(GraphState& state, const Exchange& exchange);

 private:
  static Reply RouteChecked(GraphState& state, const Exchange& exchange);
  static Reply LimitAnswer(const GraphState& state, const Exchange& exchange, Reply reply);
  static Reply Authenticate(GraphState& state, const Exchange& exchange, const TokenGrant*& grant);
  static std::optional<Reply> CheckRequest(const GraphState& state, const Exchange& exchange,
                                           const TokenGrant& grant);
};

}  // namespace xlsync::fakes
