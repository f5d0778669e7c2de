// The Odoo routes of HttpFront: /jsonrpc and the JSON-RPC web routes (odoo-api.md §2, §6),
// /json/2 (§5: only on the 19 profile; earlier versions redirect to the login page like the
// captured 18.0 server), /web/version and /json/version (19 only).
#include <httplib.h>

#include <cctype>
#include <cstdio>

#include "core/text.h"
#include "testing/fake_odoo/http_front.h"
#include "testing/fake_odoo/odoo_error.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

constexpr const char* kJsonType = "application/json; charset=utf-8";

std::string Mimetype(const httplib::Request& request) {
  const std::string type = request.get_header_value("Content-Type");
  return core::ToLower(core::Trim(std::string_view(type).substr(0, type.find(';'))));
}

// werkzeug's url_quote of the redirect target: only unreserved characters stay as they are.
std::string Quote(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buffer[4];
      std::snprintf(buffer, sizeof(buffer), "%%%02X", c);
      out += buffer;
    }
  }
  return out;
}

HttpReply LoginRedirect(const httplib::Request& request) {
  const std::string target = "/web/login?redirect=" + Quote(request.path + "?");
  HttpReply reply;
  reply.status = 303;
  reply.content_type = "text/html; charset=utf-8";
  reply.headers.emplace_back("Location", target);
  reply.body = "<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n"
               "<p>You should be redirected automatically to the target URL: <a href=\"" + target + "\">" + target +
               "</a>. If not, click the link.\n";
  return reply;
}

HttpReply NotFoundPage() {
  return WerkzeugPage(404, "Not Found",
                      "The requested URL was not found on the server. If you entered the URL manually please check "
                      "your spelling and try again.");
}

}  // namespace

void HttpFront::AddOdooRoutes() {
  auto rpc = [this](std::string route) {
    return [this, route](const httplib::Request& request, httplib::Response& response) {
      ServeJsonRpc(request, response, route);
    };
  };
  server_->Post("/jsonrpc", rpc("/jsonrpc"));
  server_->Post("/web/webclient/version_info", rpc("/web/webclient/version_info"));
  server_->Post("/web/database/list", rpc("/web/database/list"));
  server_->Get("/jsonrpc", [](const httplib::Request&, httplib::Response& response) {
    Send(WerkzeugPage(405, "Method Not Allowed", "The method is not allowed for the requested URL."), response);
  });
  auto version = [this](const httplib::Request&, httplib::Response& response) {
    const int v = backend_.version();
    if (v < 19) return Send(NotFoundPage(), response);
    const json body = {{"version_info", json::array({v, 0, 0, "final", 0, ""})}, {"version", std::to_string(v) + ".0"}};
    response.set_content(body.dump(), kJsonType);
  };
  server_->Get("/web/version", version);
  server_->Get("/json/version", version);
  server_->Post(R"(/json/2/([^/]+)/([^/]+))", [this](const httplib::Request& request, httplib::Response& response) {
    ServeJson2(request, response);
  });
  auto not_routed = [this](const httplib::Request& request, httplib::Response& response) {
    Send(backend_.version() >= 19 ? Json2NotRouted() : LoginRedirect(request), response);
  };
  const char* kAnyJson2 = R"(/json/2(/.*)?)";
  server_->Get(kAnyJson2, not_routed);
  server_->Post(kAnyJson2, not_routed);
  server_->Put(kAnyJson2, not_routed);
  server_->Patch(kAnyJson2, not_routed);
  server_->Delete(kAnyJson2, not_routed);
  server_->set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (response.status == 404 && response.body.empty()) Send(NotFoundPage(), response);
  });
}

void HttpFront::ServeJsonRpc(const httplib::Request& request, httplib::Response& response, const std::string& route) {
  const int version = backend_.version();
  const std::string mimetype = Mimetype(request);
  if (mimetype != "application/json" && mimetype != "application/json-rpc") {
    const std::string type = version >= 19 ? "jsonrpc" : "json";
    return Send(WerkzeugPage(400, "Bad Request", "Request inferred type is compatible with ['http'] but '" + route +
                                                     "' is type='" + type + "'."), response);
  }
  // odoo/http.py answers these two with a bare 400 that bypasses the JSON error handler.
  const json body = json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    HttpReply reply{400, "text/html; charset=utf-8", body.is_discarded() ? "Invalid JSON data" : "Invalid JSON-RPC data", {}};
    return Send(reply, response);
  }
  const json id = body.contains("id") ? body["id"] : json(nullptr);
  const json params = body.contains("params") ? body["params"] : json::object();
  CallInfo info;
  if (route == "/jsonrpc") {
    info = RpcService::Identify(params);
  } else {
    info.service = "web";
    info.method = route.substr(route.rfind('/') + 1);
  }
  if (ApplyFault("jsonrpc", info, request, response, false, id)) return;
  core::Result<json> outcome = json();
  if (route == "/jsonrpc") outcome = rpc_.Dispatch(params, info);
  else if (info.method == "version_info") outcome = RpcService::VersionInfo(version);
  else outcome = json::array({backend_.options().database});
  Log("jsonrpc", info, outcome ? "" : outcome.error().upstream);
  Pause(backend_.LatencyFor(info.records));
  // make_json_response: json.dumps(ensure_ascii=False), so UTF-8 travels unescaped.
  response.set_content(JsonRpcEnvelope(id, outcome, version).dump(-1, ' ', false, json::error_handler_t::replace),
                       kJsonType);
}

void HttpFront::ServeJson2(const httplib::Request& request, httplib::Response& response) {
  if (backend_.version() < 19) return Send(LoginRedirect(request), response);
  Json2Request call{request.matches[1].str(), request.matches[2].str(), request.get_header_value("Authorization"),
                    request.get_header_value("Content-Type"), request.get_header_value("X-Odoo-Database"),
                    request.body};
  CallInfo info{"json2", call.method, call.model, 0};
  if (ApplyFault("json2", info, request, response, true, nullptr)) return;
  const HttpReply reply = json2_.Handle(call, info);
  std::string error;
  if (reply.status >= 400) {
    const json body = json::parse(reply.body, nullptr, false);
    error = body.is_object() && body.contains("name") ? body["name"].get<std::string>() : "http " + std::to_string(reply.status);
  }
  Log("json2", info, error);
  Pause(backend_.LatencyFor(info.records));
  Send(reply, response);
}

}  // namespace xlsync::fakes
