#pragma once

#include <string>

#include "cli/commands.h"

namespace xlsync::cli {

struct ServeOptions {
  std::string listen = "127.0.0.1:8765";  // host:port of /healthz and /readyz (port 0: any)
  int max_parallel = 2;
  int retention_days = 90;
  bool demo = true;  // on an empty store, set up the demo connections and task
  int demo_orders = 2'000;
};

/// `xlsync serve`: opens the store, offers the demo on a fresh install, takes back runs a killed
/// process left, and runs schedules and queued runs until SIGINT/SIGTERM, which lets each run
/// finish its chunk in flight and save its checkpoint. Returns the exit code.
int RunServe(const CommonOptions& common, const ServeOptions& options);

/// `xlsync task run NAME`: runs the task now in this process, recorded like any run (trigger
/// "cli"), continuing a run of the task that was stopped half-way. Returns the exit code.
int RunTaskNow(const CommonOptions& common, const std::string& task_name);

}  // namespace xlsync::cli
