#pragma once

#include <mutex>
#include <string>

#include "core/clock.h"
#include "testing/fake_graph/directory.h"
#include "testing/fake_graph/drive_store.h"
#include "testing/fake_graph/exchange.h"
#include "testing/fake_graph/fake_graph_options.h"
#include "testing/fake_graph/fault_injector.h"
#include "testing/fake_graph/id_source.h"
#include "testing/fake_graph/request_log.h"
#include "testing/fake_graph/session_store.h"

namespace xlsync::fakes {

/// Everything a FakeGraph knows. `mutex` guards all of it except `faults` and `log`, which lock
/// themselves; requests are served one at a time under it, like Excel serialises writes to one
/// workbook (msgraph.md §4.1).
struct GraphState {
  explicit GraphState(FakeGraphOptions fake_options)
      : options(std::move(fake_options)),
        clock(options.clock ? *options.clock : core::SystemClock()),
        ids(options.id_seed),
        log(options.max_log_entries) {}

  std::string ExpectedScope() const {
    return options.expected_scope.empty() ? base_url + "/.default" : options.expected_scope;
  }

  std::mutex mutex;
  FakeGraphOptions options;
  core::Clock& clock;
  std::string base_url;  // "http://127.0.0.1:PORT" once started
  Directory directory;
  DriveStore drives;
  SessionStore sessions;
  IdSource ids;
  FaultInjector faults;
  RequestLog log;
};

/// What a Graph route works with: the locked state, the request and the caller's token.
struct GraphCall {
  GraphState& state;
  const Exchange& exchange;
  const TokenGrant& token;
};

}  // namespace xlsync::fakes
