#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/result.h"
#include "testing/fake_odoo/http_reply.h"
#include "testing/fake_odoo/json2_service.h"
#include "testing/fake_odoo/odoo_backend.h"
#include "testing/fake_odoo/rpc_service.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace xlsync::fakes {

/// The HTTP side of the fake Odoo on 127.0.0.1: /jsonrpc, /json/2 (19), /web/version (19),
/// /web/webclient/version_info and the /__fake__ control routes; applies scripted faults and
/// the injected latency, and logs every call. Serves on a pool of background threads.
class HttpFront {
 public:
  explicit HttpFront(OdooBackend& backend);
  ~HttpFront();
  HttpFront(const HttpFront&) = delete;
  HttpFront& operator=(const HttpFront&) = delete;

  /// Binds 127.0.0.1:`port` (0 = any free port) and serves; returns the bound port.
  core::Result<int> Start(int port, int worker_threads);
  /// Stops serving and wakes any call sleeping on injected latency. Idempotent.
  void Stop();

 private:
  void AddOdooRoutes();
  void AddControlRoutes();
  void ServeJsonRpc(const httplib::Request& request, httplib::Response& response, const std::string& route);
  void ServeJson2(const httplib::Request& request, httplib::Response& response);
  /// Applies a matching fault; true when it answered the call (nothing more to do).
  bool ApplyFault(const std::string& transport, const CallInfo& info, const httplib::Request& request,
                  httplib::Response& response, bool json2, const nlohmann::json& rpc_id);
  void Log(const std::string& transport, const CallInfo& info, const std::string& error);
  /// Waits as long as a call of `records` records costs (stopped early by Stop()).
  void Pause(std::chrono::microseconds duration);

  OdooBackend& backend_;
  RpcService rpc_;
  Json2Service json2_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  std::mutex pause_mutex_;
  std::condition_variable pause_wake_;
  bool stopping_ = false;
};

/// Writes `reply` into an httplib response.
void Send(const HttpReply& reply, httplib::Response& response);

}  // namespace xlsync::fakes
