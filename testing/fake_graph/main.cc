// xlsync-fake-graph: the fake Microsoft identity platform + Graph, seeded with the demo tenant,
// for the demo and the benchmarks. Prints "xlsync-fake-graph listening on URL" and the demo ids
// as key=value lines, then serves until SIGINT or SIGTERM.
#include <signal.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "testing/fake_graph/fake_graph.h"

namespace {

using xlsync::fakes::FakeGraph;

struct Flags {
  int port = 0;
  long long call_latency_ms = 0;
  long long per_kib_latency_us = 0;
  long long token_lifetime_s = 3599;
  long long session_idle_timeout_s = 300;
  std::string save_dir;
};

xlsync::fakes::FakeGraphOptions OptionsFrom(const Flags& flags) {
  xlsync::fakes::FakeGraphOptions options;
  options.port = flags.port;
  options.call_latency = std::chrono::milliseconds(flags.call_latency_ms);
  options.per_kib_latency = std::chrono::microseconds(flags.per_kib_latency_us);
  options.token_lifetime = std::chrono::seconds(flags.token_lifetime_s);
  options.session_idle_timeout = std::chrono::seconds(flags.session_idle_timeout_s);
  return options;
}

void PrintReady(const FakeGraph& fake, const xlsync::fakes::DemoIds& ids) {
  std::printf("xlsync-fake-graph listening on %s\n", fake.url().c_str());
  const std::vector<std::pair<const char*, const std::string*>> lines = {
      {"tenant_id", &ids.tenant_id},   {"tenant_domain", &ids.tenant_domain},
      {"client_id", &ids.client_id},   {"client_secret", &ids.client_secret},
      {"user_upn", &ids.user_upn},     {"drive_id", &ids.drive_id},
      {"item_id", &ids.item_id},       {"workbook_path", &ids.workbook_path},
      {"sheet_name", &ids.sheet_name}, {"share_url", &ids.share_url}};
  for (const auto& [key, value] : lines) std::printf("%s=%s\n", key, value->c_str());
  std::fflush(stdout);
}

int SaveAll(const FakeGraph& fake, const std::string& dir) {
  int status = 0;
  for (const auto& workbook : fake.Workbooks()) {
    const auto path = std::filesystem::path(dir) / std::filesystem::path(workbook.path).filename();
    if (auto saved = fake.SaveXlsx(workbook.drive_id, workbook.item_id, path.string()); !saved) {
      std::fprintf(stderr, "xlsync-fake-graph: %s\n", saved.error().message.c_str());
      status = 1;
    }
  }
  return status;
}

int Run(int argc, char** argv) {
  CLI::App app{"Fake Microsoft identity platform and Graph (drive + Excel workbook APIs)"};
  Flags flags;
  app.add_option("--port", flags.port, "Port on 127.0.0.1 (0 = any free port)");
  app.add_option("--call-latency-ms", flags.call_latency_ms, "Added to every request");
  app.add_option("--per-kib-latency-us", flags.per_kib_latency_us,
                 "Added per KiB of request + response body");
  app.add_option("--token-lifetime", flags.token_lifetime_s, "Access token lifetime in seconds");
  app.add_option("--session-idle-timeout", flags.session_idle_timeout_s,
                 "Workbook session idle timeout in seconds");
  app.add_option("--save-on-exit", flags.save_dir,
                 "Write every workbook as .xlsx into this folder on exit");
  CLI11_PARSE(app, argc, argv);

  // Block the signals before the server starts its threads, so only sigwait() sees them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  FakeGraph fake(OptionsFrom(flags));
  const auto ids = fake.SeedDemo();
  if (auto started = fake.Start(); !started) {
    std::fprintf(stderr, "xlsync-fake-graph: %s\n", started.error().message.c_str());
    return 1;
  }
  PrintReady(fake, ids);
  int received = 0;
  sigwait(&signals, &received);
  // Saved before stopping: the workbooks are complete, and a supervisor that kills slow exits
  // (the demo waits about a second) gets the files first.
  const int status = flags.save_dir.empty() ? 0 : SaveAll(fake, flags.save_dir);
  fake.Stop();
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "xlsync-fake-graph: %s\n", error.what());
    return 1;
  }
}
