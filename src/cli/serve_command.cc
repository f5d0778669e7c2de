#include "cli/serve_command.h"

#include <cstdio>
#include <optional>
#include <thread>

#include "cli/demo_setup.h"
#include "cli/progress_printer.h"
#include "cli/run_context.h"
#include "cli/store_access.h"
#include "scheduler/dispatcher.h"
#include "server/run_log_sink.h"
#include "server/service.h"
#include "server/task_runner.h"

namespace xlsync::cli {
namespace {

core::Result<std::pair<std::string, int>> ParseListen(const std::string& listen) {
  const auto colon = listen.rfind(':');
  try {
    if (colon != std::string::npos) {
      const int port = std::stoi(listen.substr(colon + 1));
      if (port >= 0 && port < 65536) return std::make_pair(listen.substr(0, colon), port);
    }
  } catch (const std::exception&) {
  }
  return core::InvalidInput("--listen \"" + listen + "\" is not host:port: write it like 127.0.0.1:8765.");
}

bool IsFinal(const std::string& status) { return status != "queued" && status != "running"; }

int Fail(const core::Error& error) {
  std::fprintf(stderr, "xlsync: %s\n", error.ForUser().c_str());
  return error.code == core::ErrorCode::kInvalidInput || error.code == core::ErrorCode::kNotFound ? kExitUsage
                                                                                                   : kExitFailed;
}

/// The run `xlsync task run` carries out: one the task left stopped half-way (it continues),
/// else a new one (coalesced with a run already waiting).
core::Result<int64_t> RunToCarryOut(store::Store& store, const store::Task& task) {
  for (const char* status : {"interrupted", "running"}) {
    store::RunFilter filter;
    filter.task_id = task.id;
    filter.status = status;
    auto runs = store.ListRuns(filter);
    if (!runs) return std::move(runs).error();
    for (const store::Run& run : *runs) {
      if (std::string(status) == "running" && !scheduler::OwnerIsGone(run.lease_owner)) continue;
      XLSYNC_RETURN_IF_ERROR(store.RequeueRun(run.id));
      std::printf("run %lld of \"%s\" stopped half-way; it continues now\n", static_cast<long long>(run.id),
                  task.name.c_str());
      return run.id;
    }
  }
  store::Run run;
  run.task_id = task.id;
  run.trigger = "cli";
  run.started_by = CurrentActor();
  auto queued = store.EnqueueRun(run);
  if (!queued) return std::move(queued).error();
  return queued->run_id;
}

}  // namespace

int RunServe(const CommonOptions& common, const ServeOptions& options) {
  auto listen = ParseListen(options.listen);
  if (!listen) return Fail(listen.error());
  RunContext context;
  const auto env = ProcessEnvironment();
  const StoreLocation where = LocateStore(common.data_dir, env);
  auto store = OpenStore(where, env);
  if (!store) return Fail(store.error());
  server::InstallRunLogSink(**store);
  std::optional<DemoServers> demo;
  if (options.demo) {
    auto set_up = SetUpDemo(**store, options.demo_orders);
    if (!set_up) return Fail(set_up.error());
    if (set_up->has_value()) demo.emplace(std::move(**set_up));
  }
  server::ServiceOptions service_options;
  service_options.host = listen->first;
  service_options.port = listen->second;
  service_options.max_parallel = options.max_parallel;
  service_options.retention = std::chrono::hours(24 * options.retention_days);
  server::Service service(**store, context.http(), context.sleeper(), core::SystemClock(), service_options);
  if (auto started = service.Start(); !started) return Fail(started.error());
  std::printf("xlsync serve: listening on http://%s:%d (/healthz, /readyz); database %s\n", listen->first.c_str(),
              service.port(), where.database.c_str());
  std::fflush(stdout);
  service.RunUntil(context.stop_requested());
  std::printf("xlsync serve: stopped; unfinished runs continue from their checkpoints at the next start\n");
  return kExitOk;
}

int RunTaskNow(const CommonOptions& common, const std::string& task_name) {
  RunContext context;
  const auto env = ProcessEnvironment();
  auto store = OpenStore(LocateStore(common.data_dir, env), env);
  if (!store) return Fail(store.error());
  auto task = (*store)->FindTask(task_name);
  if (!task) return Fail(task.error());
  auto run_id = RunToCarryOut(**store, *task);
  if (!run_id) return Fail(run_id.error());
  store::AuditEntry audit{0, {}, CurrentActor(), "run", "task", task->id, task->name,
                          "{\"run\":" + std::to_string(*run_id) + "}"};
  (void)(*store)->AppendAudit(audit);

  server::InstallRunLogSink(**store);
  ProgressPrinter printer(stderr, common.progress == "none" ? ProgressStyle::kNone : ProgressStyle::kLines);
  server::TaskRunner runner(**store, context.http(), context.sleeper(), core::SystemClock());
  runner.SetProgressListener([&](const sync::ExportProgress& progress) { printer.Update(progress); });
  scheduler::DispatcherOptions dispatch;
  dispatch.max_parallel = 1;
  dispatch.only_run = *run_id;
  dispatch.retry = false;
  dispatch.poll = std::chrono::milliseconds(200);
  scheduler::Dispatcher dispatcher(**store, runner, core::SystemClock(), dispatch);
  dispatcher.Start();
  const auto asked = std::chrono::steady_clock::now();
  core::Result<store::Run> run = (*store)->GetRun(*run_id);
  while (run && !IsFinal(run->status) && !context.stop_requested()) {
    if (run->status == "queued" && std::chrono::steady_clock::now() - asked > std::chrono::seconds(3)) {
      std::printf("run %lld of \"%s\" waits: the task or its workbook is busy with another run; "
                  "xlsync serve starts it when that one ends\n", static_cast<long long>(*run_id), task_name.c_str());
      return kExitOk;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    run = (*store)->GetRun(*run_id);
  }
  dispatcher.Stop();
  printer.Done();
  run = (*store)->GetRun(*run_id);
  if (!run) return Fail(run.error());
  if (run->status == "succeeded") {
    std::printf("run %lld: sheet = source (%s rows), %lld Odoo and %lld Graph requests\n",
                static_cast<long long>(run->id), FormatCount(run->rows_written).c_str(),
                static_cast<long long>(run->odoo_requests), static_cast<long long>(run->graph_requests));
    return kExitOk;
  }
  if (run->status == "interrupted") {
    std::fprintf(stderr, "xlsync: run %lld stopped after row %lld; `xlsync task run %s` continues it.\n",
                 static_cast<long long>(run->id), static_cast<long long>(run->rows_written), task_name.c_str());
    return kExitFailed;
  }
  std::fprintf(stderr, "xlsync: %s%s\n", run->error_message.c_str(),
               run->error_code.empty() ? "" : (" (" + run->error_code + ")").c_str());
  return kExitFailed;
}

}  // namespace xlsync::cli
