#include "testing/fake_odoo/http_front.h"

#include "testing/fake_odoo/odoo_error.h"

#include <httplib.h>
#include <signal.h>
#include <spdlog/spdlog.h>

#include <csignal>

namespace xlsync::fakes {

using nlohmann::json;

void Send(const HttpReply& reply, httplib::Response& response) {
  response.status = reply.status;
  for (const auto& [name, value] : reply.headers) response.set_header(name, value);
  response.set_content(reply.body, reply.content_type.c_str());
}

HttpFront::HttpFront(OdooBackend& backend) : backend_(backend), rpc_(backend), json2_(backend) {}

HttpFront::~HttpFront() { Stop(); }

core::Result<int> HttpFront::Start(int port, int worker_threads) {
  // cpp-httplib 0.11 writes with send(..., 0): a client that hangs up mid-reply would raise
  // SIGPIPE and kill the process hosting the fake. Ignore it unless someone handles it already.
  struct sigaction current {};
  if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) std::signal(SIGPIPE, SIG_IGN);
  server_ = std::make_unique<httplib::Server>();
  const size_t workers = static_cast<size_t>(std::max(worker_threads, 1));
  server_->new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
  // Keep connections for the client's pool, but not so long that Stop() waits on idle ones.
  server_->set_keep_alive_max_count(100000);
  server_->set_keep_alive_timeout(2);
  server_->set_exception_handler([](const httplib::Request& request, httplib::Response& response,
                                    std::exception_ptr thrown) {
    // The one catch-all of the handler threads: an unexpected exception becomes a plain 500.
    std::string what = "unknown";
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const std::exception& error) {
      what = error.what();
    } catch (...) {
    }
    spdlog::error("fake odoo: unexpected exception serving {} {}: {}", request.method, request.path, what);
    Send(WerkzeugPage(500, "Internal Server Error", "The server encountered an internal error."), response);
  });
  AddOdooRoutes();
  AddControlRoutes();
  const int bound = port == 0 ? server_->bind_to_any_port("127.0.0.1")
                              : (server_->bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound <= 0) {
    return core::Unavailable("The fake Odoo could not listen on 127.0.0.1:" + std::to_string(port) +
                                 "; choose a free port or 0.",
                             "bind");
  }
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  for (int waited = 0; !server_->is_running() && waited < 5000; ++waited) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return bound;
}

void HttpFront::Stop() {
  {
    std::lock_guard lock(pause_mutex_);
    stopping_ = true;
  }
  pause_wake_.notify_all();
  if (server_) server_->stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
}

void HttpFront::Pause(std::chrono::microseconds duration) {
  if (duration.count() <= 0) return;
  std::unique_lock lock(pause_mutex_);
  pause_wake_.wait_for(lock, duration, [this] { return stopping_; });
}

void HttpFront::Log(const std::string& transport, const CallInfo& info, const std::string& error) {
  backend_.calls().Add({transport, info.service, info.method, info.model, info.records, error});
}

bool HttpFront::ApplyFault(const std::string& transport, const CallInfo& info, const httplib::Request&,
                           httplib::Response& response, bool json2, const json& rpc_id) {
  auto fault = backend_.faults().Take(transport, info.model, info.method);
  if (!fault) return false;
  switch (fault->kind) {
    case OdooFaultKind::kDelay:
      Pause(fault->delay);
      return false;
    case OdooFaultKind::kHttpStatus: {
      HttpReply reply;
      reply.status = fault->status;
      reply.content_type = "text/html";
      reply.body = fault->body.empty() ? ProxyErrorPage(fault->status) : fault->body;
      if (fault->retry_after_seconds >= 0) reply.headers.emplace_back("Retry-After", std::to_string(fault->retry_after_seconds));
      Send(reply, response);
      Log(transport, info, "http " + std::to_string(fault->status));
      return true;
    }
    case OdooFaultKind::kDrop:
      // Headers go out, then the body provider fails and the server closes the socket: the
      // client reads a truncated exchange, as when Odoo's worker is killed mid-request.
      response.set_content_provider(1, "application/json", [](size_t, size_t, httplib::DataSink&) { return false; });
      Log(transport, info, "dropped");
      return true;
    case OdooFaultKind::kOdooError: {
      const core::Error error = OdooError(fault->error_name, fault->error_message);
      if (json2) Send(Json2Error(error), response);
      else response.set_content(JsonRpcEnvelope(rpc_id, error, backend_.version()).dump(), "application/json; charset=utf-8");
      Log(transport, info, fault->error_name);
      return true;
    }
  }
  return false;
}

}  // namespace xlsync::fakes
