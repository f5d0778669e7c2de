#include "cli/admin_commands.h"

#include "cli/admin_handlers.h"
#include "cli/admin_output.h"
#include "cli/store_access.h"

namespace xlsync::cli {
namespace {

void AddConnectionFlags(CLI::App& command, ConnectionFlags& flags, bool odoo, bool microsoft) {
  command.add_option("name", flags.name, "Connection name")->required();
  if (odoo) {
    command.add_option("--url", flags.url, "Odoo address, e.g. https://mycompany.odoo.com");
    command.add_option("--database", flags.database, "Odoo database");
    command.add_option("--login", flags.login, "Odoo login (user name or email)");
    command.add_option("--auth", flags.auth, "api_key (default) or password");
    command.add_option("--protocol", flags.protocol, "auto (default), jsonrpc or json2");
  }
  if (microsoft) {
    command.add_option("--tenant", flags.tenant, "Tenant ID or domain");
    command.add_option("--client-id", flags.client_id, "Application (client) ID");
    command.add_option("--user", flags.user, "UPN of the user whose OneDrive holds the workbooks");
    command.add_option("--authority-host", flags.authority_host, "Identity platform host (national clouds)");
    command.add_option("--graph-url", flags.graph_url, "Microsoft Graph address (national clouds)");
  }
  auto* file = command.add_option("--secret-file", flags.secret_file, "File holding the API key, password or client secret");
  auto* env = command.add_option("--secret-env", flags.secret_env, "Environment variable holding the secret");
  file->excludes(env);
}

void AddTaskCommandFlags(CLI::App& command, TaskCommandFlags& flags, bool editing) {
  command.add_option("name", flags.name, "Task name")->required();
  command.add_option("--odoo", flags.odoo, "Odoo connection name");
  command.add_option("--microsoft", flags.microsoft, "Microsoft connection name");
  TaskFlags& spec = flags.spec;
  command.add_option("--task-file", spec.task_file, "Task file (TOML of one export); flags override its values");
  command.add_option("--model", spec.model, "Odoo model, e.g. sale.order");
  command.add_option("--fields", spec.fields, "Comma-separated fields, e.g. name,partner_id,amount_total");
  command.add_option("--domain", spec.domain, "Odoo domain as JSON, e.g. '[[\"state\",\"=\",\"sale\"]]'");
  command.add_option("--order", spec.order, "Odoo order, default id");
  command.add_option("--page-size", spec.page_size, "Records per Odoo request (default 0: automatic)");
  command.add_option("--workbook", spec.workbook, "Sharing link, /path/in/drive.xlsx or item ID");
  command.add_option("--sheet", spec.sheet, "Worksheet name (created when missing)");
  command.add_option("--lang", spec.lang, "Odoo language for labels, e.g. fr_FR");
  command.add_option("--tz", spec.time_zone, "Time zone of datetimes and of the --cron schedule");
  command.add_flag("--include-archived", spec.include_archived, "Include archived records");
  command.add_flag("--x2many-ids", spec.x2many_as_ids, "Write one2many/many2many as ids, not names");
  command.add_flag("--binary-placeholder", spec.binary_placeholder, "Keep binary fields as a size placeholder");
  command.add_flag("--allow-formulas", spec.allow_formulas, "Let text starting with = be a formula");
  auto* cron = command.add_option("--cron", flags.cron, "Run on a cron schedule, e.g. \"0 7 * * 1-5\"");
  auto* every = command.add_option("--every", flags.every, "Run every interval, e.g. 15m, 2h, 1d");
  cron->excludes(every);
  command.add_option("--max-attempts", flags.max_attempts, "Attempts of a failed run in all (default 3)");
  command.add_option("--retry-backoff", flags.retry_backoff, "Seconds before the first retry (default 60)");
  command.add_flag("--disabled", flags.disabled, "The task does not run on its schedule");
  if (editing) {
    command.add_flag("--enabled", flags.enabled, "The task runs on its schedule again");
    auto* none = command.add_flag("--no-schedule", flags.no_schedule, "Remove the task's schedule");
    none->excludes(cron)->excludes(every);
  }
}

void AddConnectionCommands(CLI::App& app, AdminCommands& commands) {
  auto* connection = app.add_subcommand("connection", "Add, edit, list, verify or remove connections");
  connection->require_subcommand(1);
  auto* add = connection->add_subcommand("add", "Add an Odoo or Microsoft 365 connection");
  add->require_subcommand(1);
  commands.add_odoo = add->add_subcommand("odoo", "Add an Odoo connection");
  AddConnectionFlags(*commands.add_odoo, commands.connection, true, false);
  commands.add_microsoft = add->add_subcommand("microsoft", "Add a Microsoft 365 connection");
  AddConnectionFlags(*commands.add_microsoft, commands.connection, false, true);
  commands.connection_edit = connection->add_subcommand("edit", "Change the given settings of a connection");
  AddConnectionFlags(*commands.connection_edit, commands.connection, true, true);
  commands.connection_list = connection->add_subcommand("list", "List the connections");
  commands.connection_verify = connection->add_subcommand("verify", "Log in with a connection and report");
  commands.connection_verify->add_option("name", commands.connection.name, "Connection name")->required();
  commands.connection_remove = connection->add_subcommand("remove", "Remove a connection no task uses");
  commands.connection_remove->add_option("name", commands.connection.name, "Connection name")->required();
}

void AddTaskCommands(CLI::App& app, AdminCommands& commands) {
  commands.task = app.add_subcommand("task", "Add, edit, list, show or remove export tasks");
  commands.task->require_subcommand(1);
  commands.task_add = commands.task->add_subcommand("add", "Add an export task");
  AddTaskCommandFlags(*commands.task_add, commands.task_flags, false);
  commands.task_edit = commands.task->add_subcommand("edit", "Change the given settings of a task");
  AddTaskCommandFlags(*commands.task_edit, commands.task_flags, true);
  commands.task_list = commands.task->add_subcommand("list", "List the tasks, their schedules and last runs");
  commands.task_show = commands.task->add_subcommand("show", "Show a task, its next times and last runs");
  commands.task_show->add_option("name", commands.task_flags.name, "Task name")->required();
  commands.task_remove = commands.task->add_subcommand("remove", "Remove a task and its schedules");
  commands.task_remove->add_option("name", commands.task_flags.name, "Task name")->required();
}

bool Chosen(const CLI::App* command) { return command != nullptr && command->parsed(); }

int Dispatch(const AdminCommands& commands, store::Store& store, const EnvironmentLookup& env) {
  if (Chosen(commands.add_odoo)) return RunConnectionAdd(store, commands.connection, true, env);
  if (Chosen(commands.add_microsoft)) return RunConnectionAdd(store, commands.connection, false, env);
  if (Chosen(commands.connection_edit)) return RunConnectionEdit(store, commands.connection, env);
  if (Chosen(commands.connection_list)) return RunConnectionList(store);
  if (Chosen(commands.connection_verify)) return RunConnectionVerify(store, commands.connection.name);
  if (Chosen(commands.connection_remove)) return RunConnectionRemove(store, commands.connection.name);
  if (Chosen(commands.task_add)) return RunTaskAdd(store, commands.task_flags);
  if (Chosen(commands.task_edit)) return RunTaskEdit(store, commands.task_flags);
  if (Chosen(commands.task_list)) return RunTaskList(store);
  if (Chosen(commands.task_show)) return RunTaskShow(store, commands.task_flags.name);
  if (Chosen(commands.task_remove)) return RunTaskRemove(store, commands.task_flags.name);
  if (Chosen(commands.runs)) return RunRuns(store, commands.runs_task, commands.limit);
  if (Chosen(commands.logs)) return RunLogs(store, commands.run_id);
  if (Chosen(commands.audit)) return RunAudit(store, commands.limit);
  if (Chosen(commands.apply)) return RunApply(store, commands.file, env);
  return RunDump(store);
}

}  // namespace

void AddAdminCommands(CLI::App& app, AdminCommands& commands) {
  AddConnectionCommands(app, commands);
  AddTaskCommands(app, commands);
  commands.runs = app.add_subcommand("runs", "List recent runs");
  commands.runs->add_option("--task", commands.runs_task, "Only the runs of this task");
  commands.runs->add_option("--limit", commands.limit, "How many (default 20)");
  commands.logs = app.add_subcommand("logs", "Print the log of a run");
  commands.logs->add_option("run_id", commands.run_id, "Run ID (see xlsync runs)")->required();
  commands.audit = app.add_subcommand("audit", "List recent changes: who changed what");
  commands.audit->add_option("--limit", commands.limit, "How many (default 50)");
  commands.apply = app.add_subcommand("apply", "Create or update connections and tasks from a TOML file");
  commands.apply->add_option("file", commands.file, "Configuration file (TOML)")->required();
  commands.dump = app.add_subcommand("dump", "Print every connection and task as TOML (no secrets)");
}

std::optional<int> RunAdminCommand(const AdminCommands& commands, const EnvironmentLookup& env) {
  const CLI::App* chosen[] = {commands.add_odoo,  commands.add_microsoft, commands.connection_edit,
                              commands.connection_list, commands.connection_verify, commands.connection_remove,
                              commands.task_add, commands.task_edit, commands.task_list, commands.task_show,
                              commands.task_remove, commands.runs, commands.logs, commands.audit,
                              commands.apply, commands.dump};
  bool any = false;
  for (const CLI::App* command : chosen) any = any || Chosen(command);
  if (!any) return std::nullopt;
  auto store = OpenStore(LocateStore(commands.common->data_dir, env), env);
  if (!store) return ReportError(store.error()) == kExitUsage ? kExitUsage : kExitFailed;
  return Dispatch(commands, **store, env);
}

}  // namespace xlsync::cli
