#include "server/health_server.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

namespace xlsync::server {

HealthServer::HealthServer(std::function<Readiness()> readiness)
    : readiness_(std::move(readiness)), http_(std::make_unique<httplib::Server>()) {
  http_->Get("/healthz", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(R"({"status":"ok"})", "application/json");
  });
  http_->Get("/readyz", [this](const httplib::Request&, httplib::Response& response) {
    const Readiness state = readiness_();
    const nlohmann::json body = {{"status", state.ready ? "ready" : "not ready"},
                                 {"store", state.store},
                                 {"scheduler", state.scheduler}};
    response.status = state.ready ? 200 : 503;
    response.set_content(body.dump(), "application/json");
  });
}

HealthServer::~HealthServer() { Stop(); }

core::Result<void> HealthServer::Start(const std::string& host, int port) {
  port_ = port == 0 ? http_->bind_to_any_port(host) : (http_->bind_to_port(host, port) ? port : -1);
  if (port_ <= 0) {
    return core::Unavailable("xlsync could not listen on " + host + ":" + std::to_string(port) +
                             ": another program may use the port; choose another with --listen.");
  }
  thread_ = std::thread([this] { http_->listen_after_bind(); });
  return {};
}

void HealthServer::Stop() {
  if (!thread_.joinable()) return;
  http_->stop();
  thread_.join();
}

}  // namespace xlsync::server
