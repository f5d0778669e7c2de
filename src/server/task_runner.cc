#include "server/task_runner.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "server/run_log_sink.h"

namespace xlsync::server {
namespace {

store::Checkpoint ToCheckpoint(int64_t run_id, const sync::ResumePoint& point) {
  store::Checkpoint checkpoint;
  checkpoint.run_id = run_id;
  checkpoint.rows = point.rows;
  checkpoint.last_id = point.last_id;
  checkpoint.digest = point.digest;
  checkpoint.last_nonempty_row = point.last_nonempty_row;
  return checkpoint;
}

sync::ResumePoint ToResumePoint(const store::Checkpoint& checkpoint) {
  return sync::ResumePoint{checkpoint.rows, checkpoint.last_id, checkpoint.digest, checkpoint.last_nonempty_row};
}

}  // namespace

core::Result<odoo::Settings> OdooSettingsOf(store::Store& store, int64_t connection_id) {
  auto connection = store.GetOdooConnection(connection_id);
  if (!connection) return std::move(connection).error();
  auto secret = store.OdooSecret(connection_id);
  if (!secret) return std::move(secret).error();
  auto protocol = odoo::ParseProtocol(connection->protocol);
  if (!protocol) return std::move(protocol).error();
  odoo::Settings settings;
  settings.url = connection->url;
  settings.database = connection->database;
  settings.login = connection->login;
  (connection->auth == "password" ? settings.password : settings.api_key) = std::move(*secret);
  settings.protocol = *protocol;
  return settings;
}

core::Result<msgraph::Settings> GraphSettingsOf(store::Store& store, int64_t connection_id) {
  auto connection = store.GetMicrosoftConnection(connection_id);
  if (!connection) return std::move(connection).error();
  auto secret = store.MicrosoftSecret(connection_id);
  if (!secret) return std::move(secret).error();
  msgraph::Settings settings;
  settings.tenant_id = connection->tenant_id;
  settings.client_id = connection->client_id;
  settings.client_secret = std::move(*secret);
  settings.user_upn = connection->user_upn;
  settings.authority_host = connection->authority_host;
  settings.graph_url = connection->graph_url;
  return settings;
}

TaskRunner::TaskRunner(store::Store& store, http::Client& http, core::Sleeper& sleeper, const core::Clock& clock,
                       double tenant_requests_per_second)
    : store_(store), http_(http), sleeper_(sleeper), clock_(clock),
      tenant_requests_per_second_(tenant_requests_per_second) {}

http::Client& TaskRunner::TenantClient(const std::string& tenant_id) {
  std::lock_guard lock(mutex_);
  Budget& entry = budgets_[tenant_id];
  if (!entry.client) {
    entry.budget = std::make_unique<http::RequestBudget>(clock_, sleeper_, tenant_requests_per_second_);
    entry.client = std::make_unique<http::BudgetedClient>(http_, *entry.budget);
  }
  return *entry.client;
}

core::Result<sync::ExportRequest> TaskRunner::LoadRequest(const store::Task& task) {
  auto spec = sync::ParseTaskToml(task.spec_toml, "task \"" + task.name + "\"");
  if (!spec) return std::move(spec).error();
  auto odoo = OdooSettingsOf(store_, task.odoo_connection_id);
  if (!odoo) return std::move(odoo).error();
  auto graph = GraphSettingsOf(store_, task.microsoft_connection_id);
  if (!graph) return std::move(graph).error();
  sync::ExportRequest request;
  request.task = std::move(*spec);
  request.task.name = task.name;
  request.odoo = std::move(*odoo);
  request.graph = std::move(*graph);
  return request;
}

core::Result<void> TaskRunner::Execute(const store::Run& claimed, const std::atomic<bool>& stop) {
  RunLogScope scope(claimed.id);
  store::Run run = claimed;
  auto task = store_.GetTask(run.task_id);
  core::Result<sync::ExportRequest> request =
      task ? LoadRequest(*task) : core::Result<sync::ExportRequest>(task.error());
  if (!request) {
    spdlog::error("{}", request.error().ForUser());
    return Finish(run, request.error(), stop);
  }
  spdlog::info("run {} of task \"{}\": {} by {}, attempt {}", run.id, task->name, run.trigger, run.started_by,
               run.attempt);
  auto checkpoint = store_.LoadCheckpoint(run.id);
  if (checkpoint && checkpoint->has_value() && (*checkpoint)->rows > 0) {
    request->resume = ToResumePoint(**checkpoint);
    spdlog::info("continuing from the checkpoint after row {}", (*checkpoint)->rows);
  }
  request->graph_transport = &TenantClient(request->graph.tenant_id);
  auto last_saved = std::chrono::steady_clock::now();
  request->on_checkpoint = [&](const sync::ResumePoint& point) {
    if (auto saved = store_.SaveCheckpoint(ToCheckpoint(run.id, point)); !saved) {
      spdlog::warn("the checkpoint after row {} could not be saved: {}", point.rows, saved.error().ForUser());
    }
    run.rows_written = point.rows;
    if (std::chrono::steady_clock::now() - last_saved > std::chrono::seconds(2)) {
      last_saved = std::chrono::steady_clock::now();
      (void)store_.UpdateRun(run);
    }
  };
  sync::Exporter exporter(http_, sleeper_, clock_);
  auto report = exporter.Run(*request, [&](const sync::ExportProgress& progress) {
    run.rows_read = progress.rows_written;
    if (listener_) listener_(progress);
  }, &stop);
  return Finish(run, report, stop);
}

core::Result<void> TaskRunner::Finish(store::Run& run, const core::Result<sync::ExportReport>& report,
                                      const std::atomic<bool>& stop) {
  run.ended_at = clock_.Now();
  if (report) {
    run.status = "succeeded";
    run.rows_read = report->rows - report->resumed_after;
    run.rows_written = report->rows;
    run.odoo_requests += report->odoo_requests;
    run.graph_requests += report->graph_requests;
    run.retries += report->retries;
    run.throttle_waits += report->throttled;
    run.error_message.clear();
    run.error_code.clear();
    for (const auto& warning : report->warnings) spdlog::warn("{}", warning);
    spdlog::info("sheet = source ({} rows{}) in \"{}\" sheet \"{}\": {} Odoo and {} Graph requests, {:.1f} s",
                 report->rows, report->resumed_after > 0 ? ", continued after row " + std::to_string(report->resumed_after) : "",
                 report->workbook_name, report->sheet, report->odoo_requests, report->graph_requests, report->seconds);
    (void)store_.ClearCheckpoint(run.id);
  } else if (stop && report.error().code == core::ErrorCode::kCancelled) {
    run.status = "interrupted";
    run.ended_at.reset();
    spdlog::warn("stopped with the service after row {}; the run continues from there at the next start",
                 run.rows_written);
  } else {
    run.status = "failed";
    run.error_message = report.error().message;
    run.error_code = report.error().upstream;
    spdlog::error("{}", report.error().ForUser());
  }
  if (auto updated = store_.UpdateRun(run); !updated) {
    spdlog::error("run {} could not be recorded: {}", run.id, updated.error().ForUser());
  }
  if (report) return {};
  return report.error();
}

}  // namespace xlsync::server
