#include "cli/demo_setup.h"

#include <cstdio>
#include <string>

#include "cli/store_access.h"

namespace xlsync::cli {
namespace {

constexpr char kOdooName[] = "demo-odoo";
constexpr char kMicrosoftName[] = "demo-microsoft";
constexpr char kTaskName[] = "demo-sales-orders";
constexpr char kActor[] = "xlsync serve (demo)";

std::string Setting(const DemoServers& servers, const char* key) {
  const auto found = servers.graph_settings.find(key);
  return found == servers.graph_settings.end() ? std::string() : found->second;
}

/// Creates or updates both demo connections so they point at the running fakes.
core::Result<std::pair<int64_t, int64_t>> StoreConnections(store::Store& store, const DemoServers& servers) {
  store::OdooConnection odoo;
  odoo.name = kOdooName;
  odoo.url = servers.odoo_url;
  odoo.database = "demo";
  odoo.login = "admin";
  auto existing_odoo = store.FindOdooConnection(kOdooName);
  if (existing_odoo) {
    odoo.id = existing_odoo->id;
    XLSYNC_RETURN_IF_ERROR(store.UpdateOdooConnection(odoo));
  } else {
    auto id = store.CreateOdooConnection(odoo);
    if (!id) return std::move(id).error();
    odoo.id = *id;
  }
  XLSYNC_RETURN_IF_ERROR(store.SetOdooSecret(odoo.id, core::Secret(kDemoOdooApiKey)));

  store::MicrosoftConnection microsoft;
  microsoft.name = kMicrosoftName;
  microsoft.tenant_id = Setting(servers, "tenant_id");
  microsoft.client_id = Setting(servers, "client_id");
  microsoft.user_upn = Setting(servers, "user_upn");
  microsoft.authority_host = Setting(servers, "url");
  microsoft.graph_url = Setting(servers, "url");
  auto existing_microsoft = store.FindMicrosoftConnection(kMicrosoftName);
  if (existing_microsoft) {
    microsoft.id = existing_microsoft->id;
    XLSYNC_RETURN_IF_ERROR(store.UpdateMicrosoftConnection(microsoft));
  } else {
    auto id = store.CreateMicrosoftConnection(microsoft);
    if (!id) return std::move(id).error();
    microsoft.id = *id;
  }
  XLSYNC_RETURN_IF_ERROR(store.SetMicrosoftSecret(microsoft.id, core::Secret(Setting(servers, "client_secret"))));
  return std::make_pair(odoo.id, microsoft.id);
}

core::Result<void> AddDemoTask(store::Store& store, const DemoServers& servers, int64_t odoo_id, int64_t microsoft_id) {
  sync::ExportTask spec = DemoTask();
  spec.workbook = Setting(servers, "workbook_path");
  store::Task task;
  task.name = kTaskName;
  task.odoo_connection_id = odoo_id;
  task.microsoft_connection_id = microsoft_id;
  task.spec_toml = sync::FormatTaskToml(spec);
  task.workbook_key = std::to_string(microsoft_id) + "|" + spec.workbook;
  auto task_id = store.CreateTask(task);
  if (!task_id) return std::move(task_id).error();
  store::Schedule schedule;
  schedule.task_id = *task_id;
  schedule.kind = "cron";
  schedule.expression = "*/15 * * * *";
  schedule.time_zone = "Europe/Brussels";
  auto schedule_id = store.CreateSchedule(schedule);
  if (!schedule_id) return std::move(schedule_id).error();
  XLSYNC_RETURN_IF_ERROR(store.AppendAudit(store::AuditEntry{0, {}, kActor, "create", "task", *task_id, kTaskName,
                                                              "{\"demo\":true}"}));
  store::Run run;
  run.task_id = *task_id;
  run.trigger = "manual";
  run.started_by = kActor;
  auto queued = store.EnqueueRun(run);
  if (!queued) return std::move(queued).error();
  std::printf("Nothing is configured yet, so xlsync serve set up its demo: a fake Odoo and a fake Microsoft\n"
              "Graph on 127.0.0.1, the connections \"%s\" and \"%s\", and the task \"%s\"\n"
              "(sales orders into \"%s\", every 15 minutes). Its first run (run %lld) starts now:\n"
              "  %-36s the run history\n"
              "  %-36s what the run did\n"
              "  %-36s the task, its schedule and next runs\n"
              "Add your own with `xlsync connection add` and `xlsync task add` (see README.md).\n\n",
              kOdooName, kMicrosoftName, kTaskName, spec.workbook.c_str(), static_cast<long long>(queued->run_id),
              "xlsync runs", ("xlsync logs " + std::to_string(queued->run_id)).c_str(),
              (std::string("xlsync task show ") + kTaskName).c_str());
  return {};
}

}  // namespace

core::Result<std::optional<DemoServers>> SetUpDemo(store::Store& store, int orders) {
  auto odoo_connections = store.ListOdooConnections();
  if (!odoo_connections) return std::move(odoo_connections).error();
  auto microsoft_connections = store.ListMicrosoftConnections();
  if (!microsoft_connections) return std::move(microsoft_connections).error();
  auto tasks = store.ListTasks();
  if (!tasks) return std::move(tasks).error();
  const bool fresh = odoo_connections->empty() && microsoft_connections->empty() && tasks->empty();
  const bool has_demo = store.FindOdooConnection(kOdooName).has_value();
  if (!fresh && !has_demo) return std::optional<DemoServers>();
  auto servers = StartDemoServers(orders);
  if (!servers) return std::move(servers).error();
  auto ids = StoreConnections(store, *servers);
  if (!ids) return std::move(ids).error();
  if (fresh) XLSYNC_RETURN_IF_ERROR(AddDemoTask(store, *servers, ids->first, ids->second));
  return std::optional<DemoServers>(std::move(*servers));
}

}  // namespace xlsync::cli
