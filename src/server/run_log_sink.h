#pragma once

#include <spdlog/sinks/base_sink.h>

#include <cstdint>
#include <memory>
#include <mutex>

#include "store/store.h"

namespace xlsync::server {

/// Copies the log lines of a run's own thread (info and above) into that run's log in the store,
/// so `xlsync logs RUN` shows what happened. Lines of other threads are not a run's.
class RunLogSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit RunLogSink(store::Store& store) : store_(store) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override;
  void flush_() override {}

 private:
  store::Store& store_;
};

/// While alive, log lines of the current thread belong to run `run_id`.
class RunLogScope {
 public:
  explicit RunLogScope(int64_t run_id);
  ~RunLogScope();
  RunLogScope(const RunLogScope&) = delete;
  RunLogScope& operator=(const RunLogScope&) = delete;

 private:
  int64_t previous_;
};

/// Adds a RunLogSink to the process logger; the logger then passes info lines to it while the
/// console keeps the level the user chose.
void InstallRunLogSink(store::Store& store);

}  // namespace xlsync::server
