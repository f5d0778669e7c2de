#include "server/run_log_sink.h"

#include <spdlog/spdlog.h>

namespace xlsync::server {
namespace {

thread_local int64_t current_run = 0;

}  // namespace

void RunLogSink::sink_it_(const spdlog::details::log_msg& message) {
  if (current_run == 0 || message.level < spdlog::level::info) return;
  const std::string level = message.level >= spdlog::level::err ? "error"
                            : message.level == spdlog::level::warn ? "warn" : "info";
  // A log line that cannot be stored must not fail the run; it still reached the console.
  (void)store_.AppendRunLog(current_run, level, std::string(message.payload.data(), message.payload.size()));
}

RunLogScope::RunLogScope(int64_t run_id) : previous_(current_run) { current_run = run_id; }

RunLogScope::~RunLogScope() { current_run = previous_; }

void InstallRunLogSink(store::Store& store) {
  auto logger = spdlog::default_logger();
  const auto console_level = logger->level();
  for (auto& sink : logger->sinks()) sink->set_level(console_level);
  auto run_log = std::make_shared<RunLogSink>(store);
  run_log->set_level(spdlog::level::info);
  logger->sinks().push_back(std::move(run_log));
  if (console_level > spdlog::level::info) logger->set_level(spdlog::level::info);
}

}  // namespace xlsync::server
