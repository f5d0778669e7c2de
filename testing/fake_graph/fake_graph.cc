#include "testing/fake_graph/fake_graph.h"

#include <chrono>

#include "core/text.h"
#include "testing/fake_graph/control_routes.h"
#include "testing/fake_graph/fake_graph_impl.h"
#include "testing/fake_graph/graph_router.h"
#include "testing/fake_graph/time_text.h"
#include "testing/fake_graph/token_endpoint.h"

namespace xlsync::fakes {
namespace {

constexpr std::size_t kServerPayloadLimit = 64u << 20;  // the 5 MB Graph cap is checked by hand

std::string TableRouteKind(std::string_view lower) {
  if (lower.find("/rows/add") != std::string::npos) return "table_rows_add";
  if (lower.find("/rows") != std::string::npos) return "table_rows";
  if (lower.find("/columns/add") != std::string::npos) return "table_columns_add";
  if (lower.find("/columns") != std::string::npos) return "table_columns";
  if (lower.ends_with("/tables/add")) return "table_add";
  if (lower.ends_with("/converttorange")) return "table_convert";
  return "table";
}

std::string RouteKind(std::string_view path) {
  if (TokenEndpoint::Matches(path)) return "token";
  const std::string lower = core::ToLower(path);
  if (lower.find("/workbook") != std::string::npos) {
    if (lower.find("/format/autofit") != std::string::npos) return "autofit";
    if (lower.find("/format") != std::string::npos) return "format";
    if (lower.find("/tables") != std::string::npos) return TableRouteKind(lower);
    if (lower.find("range(") != std::string::npos || lower.find("usedrange") != std::string::npos) {
      if (lower.ends_with("/insert")) return "range_insert";
      if (lower.ends_with("/delete")) return "range_delete";
      return "range";
    }
    if (lower.find("/worksheets") != std::string::npos) return "worksheet";
    if (lower.find("operations") != std::string::npos ||
        lower.find("sessioninfo") != std::string::npos)
      return "operation";
    if (lower.find("session") != std::string::npos) return "session";
    return "workbook";
  }
  if (lower.find("/shares/") != std::string::npos) return "share";
  if (lower.find("/items/") != std::string::npos || lower.find("/root") != std::string::npos)
    return "item";
  if (lower.find("/drive") != std::string::npos) return "drive";
  return "other";
}

std::string_view FaultName(const std::optional<FaultSpec>& fault) {
  if (!fault) return "";
  switch (fault->kind) {
    case FaultKind::kStatus:
      return "status";
    case FaultKind::kResetBeforeApply:
      return "reset_before_apply";
    case FaultKind::kResetAfterApply:
      return "reset_after_apply";
    case FaultKind::kDelay:
      return "delay";
  }
  return "";
}

/// Drops the connection: the headers go out, then the body never comes (curl reports a
/// transfer error, so the client gets no usable reply).
void Drop(httplib::Response& response) {
  response.status = 200;
  response.set_content_provider(1, "application/json",
                                [](size_t, size_t, httplib::DataSink&) { return false; });
}

void Write(const Reply& reply, httplib::Response& response) {
  response.status = reply.status;
  for (const auto& [name, value] : reply.headers) response.set_header(name, value);
  if (!reply.body.empty()) response.set_content(reply.body, reply.content_type);
}

}  // namespace

FakeGraph::Impl::Impl(FakeGraphOptions options)
    : state(std::move(options)),
      call_latency_ms(state.options.call_latency.count()),
      per_kib_latency_us(state.options.per_kib_latency.count()) {}

core::Result<void> FakeGraph::Impl::Start(FakeGraph& owner) {
  if (server_) return core::Internal("The fake Graph is already started.");
  server_ = std::make_unique<httplib::Server>();
  sleeper_ = std::make_unique<core::InterruptibleSleeper>();
  server_->set_payload_max_length(kServerPayloadLimit);
  server_->set_keep_alive_max_count(1000);
  // An idle keep-alive connection holds a worker until this timeout, and Stop() waits for the
  // workers: keep it short so the fake stops promptly while clients still hold connections.
  server_->set_keep_alive_timeout(1);
  // Headers and body go out in separate writes: without TCP_NODELAY every reply waits ~40 ms
  // for the client's delayed ACK.
  server_->set_tcp_nodelay(true);
  auto handler = [this, &owner](const httplib::Request& request, httplib::Response& response) {
    Serve(owner, request, response);
  };
  server_->Get(".*", handler);
  server_->Post(".*", handler);
  server_->Put(".*", handler);
  server_->Patch(".*", handler);
  server_->Delete(".*", handler);
  const int requested = state.options.port;
  port = requested > 0 ? (server_->bind_to_port("127.0.0.1", requested) ? requested : -1)
                       : server_->bind_to_any_port("127.0.0.1");
  if (port <= 0) {
    server_.reset();
    return core::Unavailable("The fake Graph could not listen on 127.0.0.1:" +
                             std::to_string(requested) + ": choose another port.");
  }
  {
    std::lock_guard lock(state.mutex);
    state.base_url = "http://127.0.0.1:" + std::to_string(port);
  }
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!server_->is_running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return {};
}

void FakeGraph::Impl::Stop() {
  if (!server_) return;
  sleeper_->Shutdown();  // Wakes requests waiting out their latency.
  server_->stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
}

void FakeGraph::Impl::Serve(FakeGraph& owner, const httplib::Request& request,
                            httplib::Response& response) {
  try {
    const Exchange exchange = MakeExchange(request);
    if (exchange.path.starts_with("/__fake__/"))
      return Write(ControlRoutes::Handle(owner, exchange), response);
    const bool token_route = TokenEndpoint::Matches(exchange.path);
    const std::optional<FaultSpec> fault = state.faults.Next(exchange.method, exchange.path);
    if (fault && fault->kind == FaultKind::kResetBeforeApply) {
      Record(exchange, nullptr, fault);
      return Drop(response);
    }
    Reply reply = Answer(exchange, fault, token_route);
    Finish(exchange, reply, token_route);
    Wait(exchange.body.size() + reply.body.size(), fault);
    Record(exchange, &reply, fault);
    if (fault && fault->kind == FaultKind::kResetAfterApply) return Drop(response);
    Write(reply, response);
  } catch (const std::exception& error) {
    // The one catch-all of this thread entry (style.md): a bug in the fake answers 500.
    response.status = 500;
    response.set_content(
        nlohmann::json({{"error", {{"code", "generalException"}, {"message", error.what()}}}})
            .dump(),
        "application/json");
  }
}

Exchange FakeGraph::Impl::MakeExchange(const httplib::Request& request) const {
  Exchange exchange;
  exchange.method = request.method;
  exchange.raw_path = request.target.substr(0, request.target.find('?'));
  exchange.path = request.path;
  for (const auto& [name, value] : request.params) exchange.query.emplace(name, value);
  for (const auto& [name, value] : request.headers) exchange.headers.Add(name, value);
  exchange.body = request.body;
  exchange.request_id = core::NewGuid();
  exchange.client_request_id =
      exchange.headers.Get("client-request-id").value_or(exchange.request_id);
  exchange.time = state.clock.Now();
  return exchange;
}

Reply FakeGraph::Impl::Answer(const Exchange& exchange, const std::optional<FaultSpec>& fault,
                              bool token_route) {
  if (fault && fault->kind == FaultKind::kStatus) {
    // A status fault answers before anything is applied.
    if (token_route)
      return TokenEndpoint::ErrorReply(FaultInjector::AadErrorFor(*fault), state, exchange);
    return Reply::Fail(
        FaultInjector::GraphErrorFor(*fault, exchange.path.find("/workbook") != std::string::npos));
  }
  std::lock_guard lock(state.mutex);
  return token_route ? TokenEndpoint::Handle(state, exchange) : GraphRouter::Route(state, exchange);
}

void FakeGraph::Impl::Finish(const Exchange& exchange, Reply& reply, bool token_route) const {
  if (exchange.headers.Get("client-request-id")) {
    reply.headers.emplace_back("client-request-id", exchange.client_request_id);
  }
  if (token_route) return;
  reply.headers.emplace_back("request-id", exchange.request_id);
  if (!exchange.headers.Get("client-request-id")) {
    reply.headers.emplace_back("client-request-id", exchange.client_request_id);
  }
  reply.headers.emplace_back(
      "x-ms-ags-diagnostic",
      R"({"ServerInfo":{"DataCenter":"Loopback","Slice":"E","Ring":"0","ScaleUnit":"000","RoleInstance":"fake-graph"}})");
  if (!reply.error) return;
  const GraphError& error = *reply.error;
  reply.body = error
                   .ToJson(TimeText::GraphDate(exchange.time), exchange.request_id,
                           exchange.client_request_id)
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  reply.content_type = "application/json";
  if (error.retry_after_seconds)
    reply.headers.emplace_back("Retry-After", std::to_string(*error.retry_after_seconds));
  if (error.challenge) {
    reply.headers.emplace_back(
        "WWW-Authenticate",
        "Bearer realm=\"\", authorization_uri=\"" + state.base_url +
            "/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
  }
}

void FakeGraph::Impl::Wait(std::size_t bytes, const std::optional<FaultSpec>& fault) {
  auto wait = std::chrono::milliseconds(call_latency_ms.load()) +
              std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::microseconds(
                  per_kib_latency_us.load() * static_cast<long long>(bytes) / 1024));
  if (fault && fault->kind == FaultKind::kDelay) wait += fault->delay;
  if (wait.count() <= 0) return;
  core::Sleeper& sleeper = state.options.sleeper ? *state.options.sleeper : *sleeper_;
  sleeper.SleepFor(wait);
}

void FakeGraph::Impl::Record(const Exchange& exchange, const Reply* reply,
                             const std::optional<FaultSpec>& fault) {
  LoggedRequest entry;
  entry.method = exchange.method;
  entry.path = exchange.path;
  entry.request_bytes = exchange.body.size();
  entry.route_kind = RouteKind(exchange.path);
  entry.session_id = exchange.headers.Get("workbook-session-id").value_or("");
  entry.client_request_id = exchange.client_request_id;
  entry.fault = std::string(FaultName(fault));
  entry.time = exchange.time;
  std::uint64_t cells = 0;
  if (reply) {
    entry.status = fault && fault->kind == FaultKind::kResetAfterApply ? 0 : reply->status;
    entry.response_bytes = reply->body.size();
    if (entry.session_id.empty()) entry.session_id = reply->session_id;
    cells = reply->cells_written;
  }
  state.log.Record(std::move(entry), cells);
}

FakeGraph::FakeGraph(FakeGraphOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}

FakeGraph::~FakeGraph() { Stop(); }

core::Result<void> FakeGraph::Start() { return impl_->Start(*this); }

void FakeGraph::Stop() { impl_->Stop(); }

int FakeGraph::port() const { return impl_->port; }

std::string FakeGraph::url() const { return "http://127.0.0.1:" + std::to_string(impl_->port); }

}  // namespace xlsync::fakes
