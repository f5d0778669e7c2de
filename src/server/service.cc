#include "server/service.h"

#include <spdlog/spdlog.h>

#include <thread>

namespace xlsync::server {
namespace {

scheduler::DispatcherOptions DispatcherOptionsOf(const ServiceOptions& options) {
  scheduler::DispatcherOptions dispatcher;
  dispatcher.max_parallel = options.max_parallel;
  dispatcher.owner = scheduler::LeaseOwner();
  return dispatcher;
}

}  // namespace

Service::Service(store::Store& store, http::Client& http, core::Sleeper& sleeper, const core::Clock& clock,
                 ServiceOptions options)
    : store_(store), clock_(clock), options_(std::move(options)),
      runner_(store, http, sleeper, clock, options_.tenant_requests_per_second),
      dispatcher_(store, runner_, clock, DispatcherOptionsOf(options_)), ticker_(store, clock),
      health_([this] { return CheckReadiness(); }) {}

Service::~Service() { Stop(); }

core::Result<void> Service::Start() {
  auto recovered = RecoverRuns();
  if (!recovered) return std::move(recovered).error();
  if (*recovered > 0) spdlog::warn("{} run(s) stopped before they finished; they continue from their checkpoints", *recovered);
  auto missed = ticker_.Startup();
  if (!missed) return std::move(missed).error();
  XLSYNC_RETURN_IF_ERROR(health_.Start(options_.host, options_.port));
  dispatcher_.Start();
  return {};
}

core::Result<int> Service::RecoverRuns() {
  int recovered = 0;
  for (const char* status : {"running", "interrupted"}) {
    store::RunFilter filter;
    filter.status = status;
    filter.limit = 10'000;
    auto runs = store_.ListRuns(filter);
    if (!runs) return std::move(runs).error();
    for (const store::Run& run : *runs) {
      // A running run whose owner lives on (another process) keeps its lease; one whose owner
      // died here, or whose lease ran out, is taken back and continues from its checkpoint.
      const bool abandoned = std::string(status) == "interrupted" || scheduler::OwnerIsGone(run.lease_owner) ||
                             (run.lease_until && *run.lease_until < clock_.Now());
      if (!abandoned) continue;
      XLSYNC_RETURN_IF_ERROR(store_.RequeueRun(run.id));
      (void)store_.AppendRunLog(run.id, "warn", "the run was stopped before it finished (" +
                                                     std::string(status) + "); it continues from its last checkpoint");
      ++recovered;
    }
  }
  return recovered;
}

void Service::RunUntil(const std::atomic<bool>& stop) {
  while (!stop) {
    if (auto queued = ticker_.Tick(); !queued) {
      spdlog::warn("the schedules could not be read: {}", queued.error().ForUser());
    } else if (*queued > 0) {
      dispatcher_.Wake();
    }
    Prune();
    for (auto waited = std::chrono::milliseconds(0); waited < options_.tick && !stop;
         waited += std::chrono::milliseconds(50)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  Stop();
}

void Service::Prune() {
  const auto now = std::chrono::steady_clock::now();
  if (last_prune_ != std::chrono::steady_clock::time_point{} && now - last_prune_ < std::chrono::hours(1)) return;
  last_prune_ = now;
  auto pruned = store_.PruneRuns(clock_.Now() - options_.retention);
  if (!pruned) {
    spdlog::warn("old runs could not be pruned: {}", pruned.error().ForUser());
  } else if (*pruned > 0) {
    spdlog::info("pruned {} finished run(s) older than {} days", *pruned, options_.retention.count() / 24);
  }
}

void Service::Stop() {
  dispatcher_.Stop();
  health_.Stop();
}

Readiness Service::CheckReadiness() {
  Readiness state;
  auto ping = store_.Ping();
  state.store = ping ? "ok" : ping.error().message;
  state.scheduler = dispatcher_.running() ? "running" : "stopped";
  state.ready = ping && dispatcher_.running();
  return state;
}

}  // namespace xlsync::server
