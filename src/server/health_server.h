#pragma once

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "core/result.h"

namespace httplib {
class Server;
}

namespace xlsync::server {

/// What /readyz reports: each part's state in words, and whether all are ready.
struct Readiness {
  bool ready = false;
  std::string store;      // "ok" or the store's error sentence
  std::string scheduler;  // "running" or "stopped"
};

/// The service's HTTP port: /healthz answers 200 while the process lives; /readyz answers 200
/// when the store answers and the scheduler runs, 503 with the reason otherwise (JSON both).
class HealthServer {
 public:
  explicit HealthServer(std::function<Readiness()> readiness);
  ~HealthServer();
  HealthServer(const HealthServer&) = delete;
  HealthServer& operator=(const HealthServer&) = delete;

  /// Binds host:port (port 0: any free port) and serves on a thread of its own.
  core::Result<void> Start(const std::string& host, int port);
  void Stop();
  int port() const { return port_; }

 private:
  std::function<Readiness()> readiness_;
  std::unique_ptr<httplib::Server> http_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace xlsync::server
