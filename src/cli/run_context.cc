#include "cli/run_context.h"

#include <pthread.h>
#include <signal.h>
#include <spdlog/spdlog.h>

#include <cstdlib>

namespace xlsync::cli {
namespace {

sigset_t StopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGUSR1);  // sent by the destructor to end the signal thread
  return signals;
}

}  // namespace

RunContext::RunContext() : http_(http::MakeCurlClient({})) {
  const sigset_t signals = StopSignals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal_thread_ = std::thread([this, signals] {
    for (int count = 0;; ++count) {
      int received = 0;
      sigwait(&signals, &received);
      if (received == SIGUSR1) return;
      if (count > 0) std::_Exit(130);  // a second Ctrl-C: stop now
      spdlog::warn("stopping: the chunk in flight finishes, then xlsync exits (Ctrl-C again to stop at once)");
      stop_ = true;
      sleeper_.Shutdown();
    }
  });
}

RunContext::~RunContext() {
  pthread_kill(signal_thread_.native_handle(), SIGUSR1);
  signal_thread_.join();
}

}  // namespace xlsync::cli
