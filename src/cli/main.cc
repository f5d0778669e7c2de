#include <CLI/CLI.hpp>
#include <malloc.h>

#include <cstdio>
#include <exception>

#include "cli/admin_commands.h"
#include "cli/serve_command.h"
#include "cli/commands.h"
#include "cli/config.h"
#include "cli/demo.h"
#include "cli/preview_command.h"
#include "core/logging.h"

namespace {

using xlsync::cli::TaskFlags;

void AddTaskFlags(CLI::App& command, TaskFlags& flags) {
  command.add_option("--task", flags.task_file, "Task file (TOML); flags below override its values");
  command.add_option("--model", flags.model, "Odoo model, e.g. sale.order");
  command.add_option("--fields", flags.fields, "Comma-separated fields, e.g. name,partner_id,amount_total");
  command.add_option("--domain", flags.domain, "Odoo domain as JSON, e.g. '[[\"state\",\"=\",\"sale\"]]'");
  command.add_option("--order", flags.order, "Odoo order, default id");
  command.add_option("--page-size", flags.page_size, "Records per Odoo request (default: automatic, from 1,000 up to 10,000)");
  command.add_option("--workbook", flags.workbook, "Sharing link, /path/in/drive.xlsx or item ID");
  command.add_option("--sheet", flags.sheet, "Worksheet name (created when missing)");
  command.add_option("--lang", flags.lang, "Odoo language for labels, e.g. fr_FR");
  command.add_option("--tz", flags.time_zone, "Time zone for datetimes, e.g. Europe/Brussels");
  command.add_flag("--include-archived", flags.include_archived, "Include archived records");
  command.add_flag("--x2many-ids", flags.x2many_as_ids, "Write one2many/many2many as ids, not names");
  command.add_flag("--binary-placeholder", flags.binary_placeholder, "Keep binary fields as a size placeholder");
  command.add_flag("--allow-formulas", flags.allow_formulas, "Let text starting with = be a formula");
  command.add_flag("--row-links", flags.row_links, "End each row with its Odoo ID linking to the record");
  command.add_flag("--rollover", flags.rollover, "Past Excel's 1,048,575 rows, go on in \"<sheet> (2)\", ...");
  command.add_option("--burst-by", flags.burst_by, "One sheet per value of this field, e.g. company_id");
  command.add_option("--burst-workbook", flags.burst_workbook,
                     "With --burst-by: one workbook per value, e.g. '/Sales/{value}.xlsx'");
}

int Main(int argc, char** argv) {
  CLI::App app{"xlsync: Odoo records into Excel Online sheets, through Microsoft Graph"};
  app.require_subcommand(0, 1);
  app.fallthrough();  // global options (--log-level, --data-dir, ...) may follow the subcommand
  xlsync::cli::CommonOptions common;
  std::string log_level = "warn";
  app.add_option("--config", common.config_file, "Configuration file (default: $XLSYNC_CONFIG or ./xlsync.toml)");
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error or off")->capture_default_str();
  app.add_option("--progress", common.progress, "auto, bar, lines or none")->capture_default_str();
  app.add_option("--data-dir", common.data_dir, "Service data folder (default: $XLSYNC_DATA_DIR)");
  xlsync::cli::AdminCommands admin(common);
  xlsync::cli::AddAdminCommands(app, admin);
  std::string run_task_name;
  auto* task_run = admin.task->add_subcommand("run", "Run a task now in this process (continues a stopped run)");
  task_run->add_option("name", run_task_name, "Task name")->required();

  xlsync::cli::ServeOptions serve;
  bool no_demo = false;
  auto* serve_command = app.add_subcommand("serve", "Run the service: schedules, queued runs, /healthz and /readyz");
  serve_command->add_option("--listen", serve.listen, "host:port of the service (port 0: any free one)")->capture_default_str();
  serve_command->add_option("--max-parallel", serve.max_parallel, "Runs at once")->capture_default_str()->check(CLI::Range(1, 64));
  serve_command->add_option("--retention-days", serve.retention_days, "Keep finished runs this long")->capture_default_str()->check(CLI::Range(1, 36500));
  serve_command->add_flag("--no-demo", no_demo, "Do not set up the demo on an empty store");

  TaskFlags export_flags;
  std::string local_xlsx;
  bool no_verify = false;
  auto* export_command = app.add_subcommand("export", "Export one task into its sheet (replace mode)");
  AddTaskFlags(*export_command, export_flags);
  export_command->add_option("--xlsx", local_xlsx, "Also save the sheet to this local .xlsx file");
  export_command->add_flag("--no-verify", no_verify, "Skip reading the sheet back to prove it equals the source");

  TaskFlags preview_flags;
  int preview_rows = 20;
  auto* preview_command =
      app.add_subcommand("preview", "Show a task's first rows as Excel will, and its forecast (reads Odoo only)");
  AddTaskFlags(*preview_command, preview_flags);
  preview_command->add_option("--rows", preview_rows, "Rows to show, 1 to 1000")->capture_default_str();

  TaskFlags check_flags;
  auto* check_command = app.add_subcommand("check", "Verify both connections step by step, as a run would use them");
  AddTaskFlags(*check_command, check_flags);

  xlsync::cli::DemoOptions demo;
  auto* demo_command = app.add_subcommand("demo", "Run the demo against local fake Odoo and Graph servers");
  demo_command->add_option("--orders", demo.orders, "Sales orders in the fake Odoo")->capture_default_str();
  demo_command->add_option("--xlsx", demo.local_xlsx, "Where to save the local copy")->capture_default_str();
  auto* version_command = app.add_subcommand("version", "Print the version");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : xlsync::cli::kExitUsage;
  }
  // A service logs what it does unless told otherwise; one-shot commands stay quiet.
  if (*serve_command && app.get_option("--log-level")->count() == 0) log_level = "info";
  xlsync::core::SetupLogging(log_level);
  serve.demo = !no_demo;
  if (*serve_command) return xlsync::cli::RunServe(common, serve);
  if (*task_run) return xlsync::cli::RunTaskNow(common, run_task_name);
  demo.progress = common.progress;
  if (*export_command) return xlsync::cli::RunExport(common, export_flags, local_xlsx, !no_verify);
  if (*check_command) return xlsync::cli::RunCheck(common, check_flags);
  if (*preview_command) return xlsync::cli::RunPreview(common, preview_flags, preview_rows);
  if (*version_command) {
    std::printf("xlsync %s\n", XLSYNC_VERSION);
    return 0;
  }
  if (*demo_command) return xlsync::cli::RunDemo(demo);
  if (auto code = xlsync::cli::RunAdminCommand(admin, xlsync::cli::ProcessEnvironment())) return *code;
  const auto env = xlsync::cli::ProcessEnvironment();
  if (!xlsync::cli::IsConfigured(xlsync::cli::FindConfigFile(common.config_file, env), env)) {
    return xlsync::cli::RunDemo(demo);
  }
  std::printf("%s", app.help().c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Rows are made on the Odoo reader thread and freed on the Graph writer thread. With glibc's
  // default of up to 8 arenas a core, those frees across arenas doubled the CPU time and the peak
  // memory of a 100,000 x 30 export (BENCHMARKS.md); two arenas keep both threads unhindered.
  mallopt(M_ARENA_MAX, 2);
  // Odoo pages, PATCH bodies and Excel's answers are buffers of 0.5-5 MB made and freed all run
  // long: mapped on their own they go back to the system when freed, instead of the dynamic
  // threshold moving them into the heap where they fragment it.
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  try {
    return Main(argc, argv);
  } catch (const std::exception& error) {  // the one catch-all of the main thread (style.md)
    std::fprintf(stderr, "xlsync: internal error (%s): please report it with the log.\n", error.what());
    return 1;
  }
}
