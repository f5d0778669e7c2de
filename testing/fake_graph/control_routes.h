#pragma once

#include "testing/fake_graph/exchange.h"
#include "testing/fake_graph/fake_graph.h"

namespace xlsync::fakes {

/// /__fake__/...: faults, log, reset, session kill, token expiry, latency and read-back for
/// tests and benchmarks that drive a fake in another process (README.md). Never faulted,
/// never logged, no token needed.
class ControlRoutes {
 public:
  static Reply Handle(FakeGraph& fake, const Exchange& exchange);

 private:
  static Reply Faults(FakeGraph& fake, const Exchange& exchange);
  static Reply Log(const FakeGraph& fake);
  static Reply SheetValues(const FakeGraph& fake, const Exchange& exchange);
  static Reply Save(const FakeGraph& fake, const nlohmann::json& body);
};

}  // namespace xlsync::fakes
