#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "core/clock.h"
#include "core/sleeper.h"
#include "http/client.h"
#include "http/request_budget.h"
#include "scheduler/dispatcher.h"
#include "store/store.h"
#include "sync/exporter.h"

namespace xlsync::server {

/// Carries out a run of a stored task: loads the task and both connections (secrets opened only
/// here), continues from the run's checkpoint when there is one, saves a checkpoint after every
/// acknowledged chunk, keeps the run's counters current, and records the outcome. All runs for
/// one Microsoft tenant share one RequestBudget, so parallel runs honour one Retry-After.
class TaskRunner final : public scheduler::RunExecutor {
 public:
  TaskRunner(store::Store& store, http::Client& http, core::Sleeper& sleeper, const core::Clock& clock,
             double tenant_requests_per_second = 20);

  core::Result<void> Execute(const store::Run& run, const std::atomic<bool>& stop) override;
  /// Told the progress of every run (the command line draws it).
  void SetProgressListener(std::function<void(const sync::ExportProgress&)> listener) {
    listener_ = std::move(listener);
  }

  /// Builds the export of `task` from the store: task spec, connections and their secrets.
  core::Result<sync::ExportRequest> LoadRequest(const store::Task& task);

 private:
  struct Budget {
    std::unique_ptr<http::RequestBudget> budget;
    std::unique_ptr<http::BudgetedClient> client;
  };

  http::Client& TenantClient(const std::string& tenant_id);
  core::Result<void> Finish(store::Run& run, const core::Result<sync::ExportReport>& report,
                            const std::atomic<bool>& stop);

  store::Store& store_;
  http::Client& http_;
  core::Sleeper& sleeper_;
  const core::Clock& clock_;
  double tenant_requests_per_second_;
  std::function<void(const sync::ExportProgress&)> listener_;
  std::mutex mutex_;
  std::map<std::string, Budget> budgets_;  // by tenant
};

/// The Odoo settings of a stored connection with its secret.
core::Result<odoo::Settings> OdooSettingsOf(store::Store& store, int64_t connection_id);
/// The Microsoft settings of a stored connection with its secret.
core::Result<msgraph::Settings> GraphSettingsOf(store::Store& store, int64_t connection_id);

}  // namespace xlsync::server
