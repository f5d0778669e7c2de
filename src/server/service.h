#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>

#include "core/clock.h"
#include "core/sleeper.h"
#include "http/client.h"
#include "scheduler/dispatcher.h"
#include "scheduler/schedule_ticker.h"
#include "server/health_server.h"
#include "server/task_runner.h"
#include "store/store.h"

namespace xlsync::server {

struct ServiceOptions {
  std::string host = "127.0.0.1";
  int port = 8765;  // 0: any free port
  int max_parallel = 2;
  std::chrono::hours retention{24 * 90};  // finished runs older than this are pruned
  std::chrono::milliseconds tick{1'000};  // how often schedules are looked at
  double tenant_requests_per_second = 20;
};

/// The long-running xlsync service: takes back runs a killed process left behind (they continue
/// from their checkpoints), runs missed schedules once, then fires schedules, dispatches queued
/// runs and answers /healthz and /readyz until asked to stop, which lets each run finish its
/// chunk in flight and save its checkpoint.
class Service {
 public:
  Service(store::Store& store, http::Client& http, core::Sleeper& sleeper, const core::Clock& clock,
          ServiceOptions options);
  ~Service();

  core::Result<void> Start();
  /// Ticks the schedules until `stop` becomes true, then stops everything.
  void RunUntil(const std::atomic<bool>& stop);
  void Stop();
  int port() const { return health_.port(); }
  Readiness CheckReadiness();

 private:
  core::Result<int> RecoverRuns();
  void Prune();

  store::Store& store_;
  const core::Clock& clock_;
  ServiceOptions options_;
  TaskRunner runner_;
  scheduler::Dispatcher dispatcher_;
  scheduler::ScheduleTicker ticker_;
  HealthServer health_;
  std::chrono::steady_clock::time_point last_prune_{};
};

}  // namespace xlsync::server
