#include "scheduler/dispatcher.h"

#include <signal.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "core/text.h"

namespace xlsync::scheduler {
namespace {

std::string HostName() {
  char name[256] = {};
  if (::gethostname(name, sizeof(name) - 1) != 0) return "localhost";
  return name;
}

}  // namespace

std::string LeaseOwner() {
  static const std::string owner = HostName() + ":" + std::to_string(::getpid()) + ":" + core::NewGuid().substr(0, 8);
  return owner;
}

bool OwnerIsGone(const std::string& owner) {
  const auto parts = core::Split(owner, ':');
  if (parts.size() != 3 || parts[0] != HostName()) return false;
  pid_t pid = 0;
  try {
    pid = static_cast<pid_t>(std::stol(std::string(parts[1])));
  } catch (const std::exception&) {
    return false;
  }
  // The same pid with another nonce is an earlier process that happened to get our pid.
  if (pid == ::getpid()) return owner != LeaseOwner();
  return ::kill(pid, 0) != 0 && errno == ESRCH;
}

bool IsPassing(const core::Error& error) {
  switch (error.code) {
    case core::ErrorCode::kThrottled:
    case core::ErrorCode::kUnavailable:
    case core::ErrorCode::kTimeout:
    case core::ErrorCode::kConflict:
      return true;
    default:
      return false;
  }
}

Dispatcher::Dispatcher(store::Store& store, RunExecutor& executor, const core::Clock& clock, DispatcherOptions options)
    : store_(store), executor_(executor), clock_(clock), options_(std::move(options)) {
  if (options_.owner.empty()) options_.owner = LeaseOwner();
}

Dispatcher::~Dispatcher() { Stop(); }

void Dispatcher::Start() {
  if (started_) return;
  started_ = true;
  loop_ = std::thread([this] { Loop(); });
}

void Dispatcher::Wake() {
  std::lock_guard lock(mutex_);
  woken_ = true;
  wake_.notify_all();
}

void Dispatcher::Stop() {
  if (!started_ || stopping_.exchange(true)) return;
  stop_runs_ = true;
  Wake();
  loop_.join();
  std::map<int64_t, std::unique_ptr<Worker>> workers;
  {
    std::lock_guard lock(mutex_);
    workers.swap(workers_);
  }
  for (auto& [id, worker] : workers) worker->thread.join();
}

int Dispatcher::active() const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(std::count_if(workers_.begin(), workers_.end(),
                                        [](const auto& entry) { return !entry.second->done.load(); }));
}

void Dispatcher::Loop() {
  try {  // one catch-all per thread entry (style.md)
    while (!stopping_) {
      Reap();
      ClaimRuns();
      RenewLeases();
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, options_.poll, [this] { return woken_ || stopping_.load(); });
      woken_ = false;
    }
  } catch (const std::exception& error) {
    spdlog::error("the run dispatcher stopped unexpectedly: {}", error.what());
  }
}

void Dispatcher::ClaimRuns() {
  while (!stopping_ && active() < options_.max_parallel) {
    const core::TimePoint now = clock_.Now();
    auto claimed = options_.only_run
                       ? store_.ClaimRun(*options_.only_run, options_.owner, now, now + options_.lease)
                       : store_.ClaimNextRun(options_.owner, now, now + options_.lease, options_.max_parallel);
    if (!claimed) {
      spdlog::warn("the run queue could not be read: {}", claimed.error().ForUser());
      return;
    }
    if (!claimed->has_value()) return;
    store::Run run = std::move(**claimed);
    spdlog::info("run {} of task \"{}\" starts (attempt {})", run.id, run.task_name, run.attempt);
    auto worker = std::make_unique<Worker>();
    Worker& slot = *worker;
    std::lock_guard lock(mutex_);
    workers_[run.id] = std::move(worker);
    slot.thread = std::thread([this, run, &slot] { Work(run, slot); });
  }
}

void Dispatcher::Work(store::Run run, Worker& worker) {
  try {  // one catch-all per thread entry (style.md)
    auto outcome = executor_.Execute(run, stop_runs_);
    if (!outcome && options_.retry && !stop_runs_ && IsPassing(outcome.error())) RetryLater(run, outcome.error());
  } catch (const std::exception& error) {
    spdlog::error("run {} stopped unexpectedly: {}", run.id, error.what());
  }
  worker.done = true;
  Wake();
}

void Dispatcher::RetryLater(const store::Run& run, const core::Error& error) {
  auto task = store_.GetTask(run.task_id);
  if (!task || run.attempt >= task->max_attempts) return;
  const int doublings = std::min(run.attempt - 1, 10);
  const auto wait = std::min<std::chrono::seconds>(std::chrono::seconds(task->retry_backoff_seconds) * (1 << doublings),
                                                   std::chrono::hours(6));
  if (auto queued = store_.RetryRun(run.id, clock_.Now() + wait); !queued) {
    spdlog::warn("run {} could not be queued again: {}", run.id, queued.error().ForUser());
    return;
  }
  const std::string line = "attempt " + std::to_string(run.attempt) + " failed (" + error.ForUser() +
                           "); attempt " + std::to_string(run.attempt + 1) + " of " +
                           std::to_string(task->max_attempts) + " in " + std::to_string(wait.count()) + " s";
  spdlog::info("run {}: {}", run.id, line);
  (void)store_.AppendRunLog(run.id, "warn", line);
}

void Dispatcher::RenewLeases() {
  const auto steady_now = std::chrono::steady_clock::now();
  if (steady_now - last_renewal_ < options_.lease / 3) return;
  last_renewal_ = steady_now;
  std::vector<int64_t> ids;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, worker] : workers_) {
      if (!worker->done) ids.push_back(id);
    }
  }
  for (int64_t id : ids) {
    if (auto renewed = store_.RenewLease(id, options_.owner, clock_.Now() + options_.lease); !renewed) {
      spdlog::warn("the lease of run {} could not be renewed: {}", id, renewed.error().ForUser());
    }
  }
}

void Dispatcher::Reap() {
  std::vector<std::unique_ptr<Worker>> finished;
  {
    std::lock_guard lock(mutex_);
    for (auto it = workers_.begin(); it != workers_.end();) {
      if (it->second->done) {
        finished.push_back(std::move(it->second));
        it = workers_.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (auto& worker : finished) worker->thread.join();
}

}  // namespace xlsync::scheduler
