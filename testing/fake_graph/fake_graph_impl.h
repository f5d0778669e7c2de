#pragma once

#include <httplib.h>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>

#include "core/sleeper.h"
#include "testing/fake_graph/fake_graph.h"
#include "testing/fake_graph/graph_state.h"

namespace xlsync::fakes {

/// The server behind a FakeGraph: turns each HTTP request into an Exchange, applies faults and
/// latency, routes it under the state lock, renders the reply and logs it.
class FakeGraph::Impl {
 public:
  explicit Impl(FakeGraphOptions options);

  core::Result<void> Start(FakeGraph& owner);
  void Stop();
  void Serve(FakeGraph& owner, const httplib::Request& request, httplib::Response& response);

  GraphState state;
  int port = 0;
  std::atomic<long long> call_latency_ms{0};
  std::atomic<long long> per_kib_latency_us{0};

 private:
  Exchange MakeExchange(const httplib::Request& request) const;
  Reply Answer(const Exchange& exchange, const std::optional<FaultSpec>& fault, bool token_route);
  void Finish(const Exchange& exchange, Reply& reply, bool token_route) const;
  void Wait(std::size_t bytes, const std::optional<FaultSpec>& fault);
  void Record(const Exchange& exchange, const Reply* reply, const std::optional<FaultSpec>& fault);

  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  std::unique_ptr<core::InterruptibleSleeper> sleeper_;
};

}  // namespace xlsync::fakes
