#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "http/message.h"
#include "odoo/settings.h"
#include "testing/support/scripted_http_client.h"

// Replies in the shapes real Odoo servers send (odoo-api.md §2, §4, §5, §6), with our own data.
namespace xlsync::fakes {

inline constexpr const char* kOdooUrl = "https://acme.odoo.com";
inline constexpr const char* kPassword = "s3cret-Pa55";
inline constexpr const char* kApiKey = "6578616d706c65206a736f6e20617069206b6579";

inline http::Response JsonReply(int status, const nlohmann::json& body) {
  return {status, {{"Content-Type", "application/json; charset=utf-8"}}, body.dump()};
}

inline http::Response RpcResult(const nlohmann::json& result) {
  return JsonReply(200, {{"jsonrpc", "2.0"}, {"id", 1}, {"result", result}});
}

/// A JSON-RPC error envelope: HTTP 200, `code` 200 up to Odoo 18 and 0 from 19.
inline http::Response RpcError(const std::string& name, const std::string& message,
                               int code = 200) {
  const nlohmann::json data = {
      {"name", name},
      {"debug",
       "Traceback (most recent call last):\n  [frames trimmed]\n" + name + ": " + message + "\n"},
      {"message", message},
      {"arguments", {message}},
      {"context", nlohmann::json::object()}};
  return JsonReply(200,
                   {{"jsonrpc", "2.0"},
                    {"id", 1},
                    {"error", {{"code", code}, {"message", "Odoo Server Error"}, {"data", data}}}});
}

/// A JSON-2 error object (Odoo 19.0 final).
inline http::Response Json2Error(int status, const std::string& name, const std::string& message) {
  return JsonReply(status, {{"name", name},
                            {"message", message},
                            {"arguments", {message, status}},
                            {"context", nlohmann::json::object()},
                            {"debug", "Traceback (most recent call last):\n" + name + "\n"}});
}

inline http::Response HtmlReply(
    int status, const std::string& body = "<!doctype html><title>Error</title><h1>Oops</h1>") {
  return {status, {{"Content-Type", "text/html; charset=utf-8"}}, body};
}

inline http::Response WebVersion(const std::string& version) {
  return JsonReply(200, {{"version_info", {19, 0, 0, "final", 0, ""}}, {"version", version}});
}

inline http::Response CommonVersion(const std::string& version, int major = 18) {
  return RpcResult({{"server_version", version},
                    {"server_version_info", {major, 0, 0, "final", 0, ""}},
                    {"server_serie", std::to_string(major) + ".0"},
                    {"protocol_version", 1}});
}

inline nlohmann::json BodyOf(const http::Request& request) {
  return nlohmann::json::parse(request.body);
}

/// The `args` of a JSON-RPC request: [db, uid, secret, model, method, args, kwargs].
inline nlohmann::json RpcArgs(const http::Request& request) {
  return BodyOf(request)["params"]["args"];
}

inline odoo::Settings JsonRpcSettings() {
  odoo::Settings settings;
  settings.url = kOdooUrl;
  settings.database = "acme";
  settings.login = "admin@acme.test";
  settings.password = core::Secret(kPassword);
  settings.protocol = odoo::Protocol::kJsonRpc;
  return settings;
}

inline odoo::Settings Json2Settings() {
  odoo::Settings settings;
  settings.url = kOdooUrl;
  settings.database = "acme";
  settings.api_key = core::Secret(kApiKey);
  settings.protocol = odoo::Protocol::kAuto;
  return settings;
}

/// What Connect() reads with JsonRpcSettings(): common.version, then authenticate -> uid.
inline void QueueJsonRpcConnect(ScriptedHttpClient& http, int uid = 2) {
  http.Enqueue(CommonVersion("18.0-20250702"));
  http.Enqueue(RpcResult(uid));
}

/// What Connect() reads with Json2Settings() on Odoo 19: /web/version, then context_get.
inline void QueueJson2Connect(ScriptedHttpClient& http, int uid = 2) {
  http.Enqueue(WebVersion("19.0+e"));
  http.Enqueue(JsonReply(200, {{"lang", "en_US"}, {"tz", "Europe/Brussels"}, {"uid", uid}}));
}

}  // namespace xlsync::fakes
