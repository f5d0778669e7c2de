// xlsync-bench-read: the read side of an export alone, for the harness's bound and its
// comparison with OdooRPC (issue 7). Reads every record of a task through the objects an export
// uses (sync::PrepareOdoo, then the RecordSource of MakeRecordSource: pages, related fields,
// currencies, conversion to cells), writes nothing, and prints one JSON line.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.h"
#include "cli/config.h"
#include "cli/run_context.h"
#include "core/logging.h"
#include "sync/counting_http_client.h"
#include "sync/odoo_side.h"

namespace xlsync::bench {
namespace {

struct ReadTotals {
  int64_t rows = 0;
  int64_t cells = 0;
  double seconds = 0;
  long long odoo_requests = 0;
};

// Configuration exactly as `xlsync export --task` finds it: the task file, then [odoo] of the
// config file ($XLSYNC_CONFIG or ./xlsync.toml) and the XLSYNC_ODOO_* variables over it.
core::Result<ReadTotals> ReadAll(const std::string& task_file, const std::string& config_file) {
  cli::TaskFlags flags;
  flags.task_file = task_file;
  auto task = cli::BuildTask(flags);
  if (!task) return std::move(task).error();
  const auto env = cli::ProcessEnvironment();
  auto connections = cli::LoadConnections(cli::FindConfigFile(config_file, env), env);
  if (!connections) return std::move(connections).error();

  cli::RunContext context;
  sync::CountingHttpClient odoo_http(context.http());
  http::RetryCounters counters;
  const auto start = std::chrono::steady_clock::now();
  auto side = sync::PrepareOdoo(odoo_http, context.sleeper(), connections->odoo, *task, counters);
  if (!side) return std::move(side).error();
  const auto source = sync::MakeRecordSource(*side, *task, 0);
  ReadTotals totals;
  const auto columns = static_cast<int64_t>(source->columns().size());
  while (true) {
    if (context.stop_requested()) {
      return core::Cancelled("The read was stopped before its last record.");
    }
    auto batch = source->Next();
    if (!batch) return std::move(batch).error();
    if (!batch->has_value()) break;
    totals.rows += static_cast<int64_t>((*batch)->rows.size());
  }
  totals.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  totals.cells = totals.rows * columns;
  totals.odoo_requests = odoo_http.requests();
  return totals;
}

int Main(int argc, char** argv) {
  CLI::App app{
      "xlsync-bench-read: reads every record of a task through xlsync's Odoo side, converting "
      "them to cells and writing nothing; prints "
      "{\"rows\",\"cells\",\"seconds\",\"odoo_requests\"}"};
  std::string task_file;
  std::string config_file;
  std::string log_level = "error";  // so a failure is one line on stderr; warn shows retries
  app.add_option("--task", task_file, "Task file (TOML), as for xlsync export")->required();
  app.add_option("--config", config_file,
                 "Configuration file (default: $XLSYNC_CONFIG or ./xlsync.toml)");
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error or off")
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? cli::kExitOk : cli::kExitUsage;  // as xlsync's own main
  }
  core::SetupLogging(log_level);

  auto totals = ReadAll(task_file, config_file);
  if (!totals) {
    std::fprintf(stderr, "%s\n", totals.error().ForUser().c_str());
    return cli::kExitFailed;
  }
  const nlohmann::ordered_json line = {{"rows", totals->rows},
                                       {"cells", totals->cells},
                                       {"seconds", totals->seconds},
                                       {"odoo_requests", totals->odoo_requests}};
  std::printf("%s\n", line.dump().c_str());
  return cli::kExitOk;
}

}  // namespace
}  // namespace xlsync::bench

int main(int argc, char** argv) {
  // One catch-all at the thread entry (style.md): nothing below should throw, but a library
  // that does must not end the process with a stack trace.
  try {
    return xlsync::bench::Main(argc, argv);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "xlsync-bench-read failed unexpectedly: %s\n", error.what());
    return xlsync::cli::kExitFailed;
  }
}
