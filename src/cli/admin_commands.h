#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "cli/config.h"

namespace xlsync::cli {

/// The flags of `connection add|edit` (Odoo and Microsoft share one set; edit changes only those given).
struct ConnectionFlags {
  std::string name;
  std::string url;
  std::string database;
  std::string login;
  std::string auth;
  std::string protocol;
  std::string tenant;
  std::string client_id;
  std::string user;
  std::string authority_host;
  std::string graph_url;
  std::string secret_file;
  std::string secret_env;
};

/// The flags of `task add|edit`: the export flags plus connections, schedule and retries.
struct TaskCommandFlags {
  std::string name;
  std::string odoo;
  std::string microsoft;
  TaskFlags spec;
  std::string cron;
  std::string every;
  int max_attempts = 0;    // 0: not given
  int retry_backoff = -1;  // -1: not given
  bool disabled = false;
  bool enabled = false;
  bool no_schedule = false;
};

/// The administration commands (connection, task add/list/show/edit/remove, runs, logs, audit,
/// apply, dump) and the values CLI11 parses into them; lives as long as the CLI::App. `task`
/// is the `task` subcommand, so `task run` can be added beside them.
struct AdminCommands {
  explicit AdminCommands(const CommonOptions& common_options) : common(&common_options) {}

  const CommonOptions* common;
  ConnectionFlags connection;
  TaskCommandFlags task_flags;
  std::string runs_task;
  int limit = 0;
  int64_t run_id = 0;
  std::string file;

  CLI::App* task = nullptr;
  CLI::App* add_odoo = nullptr;
  CLI::App* add_microsoft = nullptr;
  CLI::App* connection_edit = nullptr;
  CLI::App* connection_list = nullptr;
  CLI::App* connection_verify = nullptr;
  CLI::App* connection_remove = nullptr;
  CLI::App* task_add = nullptr;
  CLI::App* task_edit = nullptr;
  CLI::App* task_list = nullptr;
  CLI::App* task_show = nullptr;
  CLI::App* task_remove = nullptr;
  CLI::App* runs = nullptr;
  CLI::App* logs = nullptr;
  CLI::App* audit = nullptr;
  CLI::App* apply = nullptr;
  CLI::App* dump = nullptr;
};

/// Adds connection, task (add/list/show/edit/remove, not run), runs, logs, audit, apply and dump.
void AddAdminCommands(CLI::App& app, AdminCommands& commands);

/// The exit code when one of them was chosen, nullopt otherwise.
std::optional<int> RunAdminCommand(const AdminCommands& commands, const EnvironmentLookup& env);

}  // namespace xlsync::cli
