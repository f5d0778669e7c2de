#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/clock.h"
#include "core/result.h"
#include "store/store.h"

namespace xlsync::scheduler {

/// Carries out one claimed run to its end and records its outcome and counters in the store.
/// Returns the run's error, which the dispatcher's retry policy looks at.
class RunExecutor {
 public:
  virtual ~RunExecutor() = default;
  virtual core::Result<void> Execute(const store::Run& run, const std::atomic<bool>& stop) = 0;
};

struct DispatcherOptions {
  int max_parallel = 2;           // runs at once (the store also counts runs of other processes)
  std::string owner;              // this process's lease owner, from LeaseOwner()
  std::chrono::seconds lease{60};  // renewed every third of it while a run lasts
  std::chrono::milliseconds poll{1'000};  // how often the queue is looked at without a Wake()
  std::optional<int64_t> only_run;        // claim this run and no other (xlsync task run)
  bool retry = true;                      // re-queue runs that failed for a passing reason
};

/// Runs queued runs on worker threads: claims them from the store under a lease (one running run
/// per task and per workbook, at most max_parallel), renews the leases, and re-queues a run that
/// failed for a passing reason with backoff (Task.max_attempts, retry_backoff_seconds doubled
/// each time). Stop() asks every run to stop after its chunk in flight and waits for them.
class Dispatcher {
 public:
  Dispatcher(store::Store& store, RunExecutor& executor, const core::Clock& clock, DispatcherOptions options);
  ~Dispatcher();
  Dispatcher(const Dispatcher&) = delete;
  Dispatcher& operator=(const Dispatcher&) = delete;

  void Start();
  /// Something was queued: look at the queue now rather than at the next poll.
  void Wake();
  void Stop();
  int active() const;
  bool running() const { return started_ && !stopping_; }

 private:
  struct Worker {
    std::thread thread;
    std::atomic<bool> done{false};
  };

  void Loop();
  void ClaimRuns();
  void RenewLeases();
  void Reap();
  void Work(store::Run run, Worker& worker);
  void RetryLater(const store::Run& run, const core::Error& error);

  store::Store& store_;
  RunExecutor& executor_;
  const core::Clock& clock_;
  DispatcherOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool woken_ = false;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> stop_runs_{false};
  bool started_ = false;
  std::thread loop_;
  std::map<int64_t, std::unique_ptr<Worker>> workers_;  // by run id
  std::chrono::steady_clock::time_point last_renewal_{};
};

/// "<host>:<pid>:<random>": who holds a run's lease, so a restarted service can tell its own
/// dead runs (same host, pid gone) from runs another live process holds.
std::string LeaseOwner();

/// True when `owner` names a process on this host that no longer exists.
bool OwnerIsGone(const std::string& owner);

/// Errors worth another attempt: the service was unavailable, slow, throttling, or the sheet
/// changed under the run. Wrong settings, permissions and filters are not.
bool IsPassing(const core::Error& error);

}  // namespace xlsync::scheduler
