// xlsync-fake-odoo: the fake Odoo server as a process, for the demo and the benchmarks.
// Prints one line "xlsync-fake-odoo listening on http://127.0.0.1:PORT" once ready, then
// serves until SIGINT or SIGTERM.
#include "core/logging.h"
#include "testing/fake_odoo/fake_odoo.h"

#include <CLI/CLI.hpp>
#include <pthread.h>
#include <signal.h>

#include <csignal>
#include <iostream>
#include <string>
#include <vector>

namespace {

/// The command line, parsed into the fake's options (exit code set when parsing failed).
struct Command {
  xlsync::fakes::FakeOdooOptions options;
  std::string log_level = "warn";
  int exit_code = -1;
};

// --count MODEL=N entries and --records-per-model over the defaults.
bool ApplyCounts(int64_t per_model, const std::vector<std::string>& counts, xlsync::fakes::FakeOdooOptions& options) {
  if (per_model >= 0) {
    for (const auto& [model, count] : xlsync::fakes::DefaultRecordCounts()) options.record_counts[model] = per_model;
  }
  for (const std::string& item : counts) {
    const auto equals = item.find('=');
    if (equals == std::string::npos) return false;
    options.record_counts[item.substr(0, equals)] = std::stoll(item.substr(equals + 1));
  }
  return true;
}

Command Parse(int argc, char** argv) {
  Command command;
  auto& options = command.options;
  int64_t records_per_model = -1, call_latency_ms = 0, per_record_latency_us = 0;
  std::vector<std::string> counts;
  CLI::App app{"Fake Odoo server (JSON-RPC, JSON-2) for xlsync tests, demo and benchmarks"};
  app.add_option("--port", options.port, "Port on 127.0.0.1 (0 = any free port)");
  app.add_option("--version", options.version, "Odoo version profile: 16, 17, 18 or 19")->check(CLI::Range(16, 19));
  app.add_option("--database", options.database, "Database name");
  app.add_option("--seed", options.seed, "Seed of the generated data");
  app.add_option("--records-per-model", records_per_model,
                 "Records of each generated model (res.partner, product.product, sale.order, sale.order.line, "
                 "account.move)");
  app.add_option("--count", counts, "Records of one model, MODEL=N (repeatable), e.g. res.partner=1000000");
  app.add_option("--call-latency-ms", call_latency_ms, "Injected cost of every call");
  app.add_option("--per-record-latency-us", per_record_latency_us, "Injected cost per returned record");
  app.add_option("--workers", options.worker_threads, "Server threads");
  app.add_option("--log-level", command.log_level, "trace, debug, info, warn, error or off");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    command.exit_code = app.exit(error);
    return command;
  }
  if (!ApplyCounts(records_per_model, counts, options)) {
    std::cerr << "xlsync-fake-odoo: --count takes MODEL=N, e.g. res.partner=1000000\n";
    command.exit_code = 2;
  }
  options.call_latency = std::chrono::milliseconds(call_latency_ms);
  options.per_record_latency = std::chrono::microseconds(per_record_latency_us);
  return command;
}

int Run(int argc, char** argv) {
  Command command = Parse(argc, argv);
  if (command.exit_code >= 0) return command.exit_code;
  xlsync::core::SetupLogging(command.log_level);
  // Block the stop signals before any server thread exists, then wait for one here.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  xlsync::fakes::FakeOdoo odoo(command.options);
  auto started = odoo.Start();
  if (!started) {
    std::cerr << "xlsync-fake-odoo: " << started.error().ForUser() << "\n";
    return 1;
  }
  std::cout << "xlsync-fake-odoo listening on " << odoo.url() << std::endl;
  int received = 0;
  sigwait(&stop_signals, &received);
  odoo.Stop();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // The one catch-all of the process: CLI11 and std::stoll report bad input by throwing.
  try {
    return Run(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "xlsync-fake-odoo: " << error.what() << "\n";
    return 2;
  }
}
