#include "odoo/json_rpc_transport.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

// JSON-RPC errors are HTTP 200 with `error.data` naming the exception; `error.code` is 200 up to
// 18 and 0 from 19 and means nothing (odoo-api.md §4).
ServerFault FaultOf(const json& error) {
  ServerFault fault;
  const json data = error.is_object() && error.contains("data") ? error["data"] : json::object();
  fault.name = StringMember(data, "name");
  fault.message = StringMember(data, "message");
  if (fault.message.empty()) fault.message = StringMember(error, "message");
  fault.debug = StringMember(data, "debug");
  return fault;
}

}  // namespace

JsonRpcTransport::JsonRpcTransport(OdooHttp http, std::string database, std::string login,
                                   core::Secret secret)
    : http_(std::move(http)),
      database_(std::move(database)),
      login_(std::move(login)),
      secret_(std::move(secret)) {}

core::Result<int64_t> JsonRpcTransport::Authenticate() {
  if (login_.empty()) {
    return core::InvalidInput(
        "The Odoo login is empty: enter the user's login (often an e-mail address), which "
        "JSON-RPC needs.");
  }
  if (secret_.empty()) {
    return core::InvalidInput(
        "The Odoo connection has no API key or password: enter an API key (preferred) or the "
        "user's password.");
  }
  // A refused login is `result: false`, not an error (§2), and is never retried (§7).
  const json args = json::array({database_, login_, secret_.Reveal(), json::object()});
  auto result = Post({{"service", "common"}, {"method", "authenticate"}, {"args", args}},
                     Site("", "authenticate"), http::Idempotency::kIdempotent);
  if (!result) return std::move(result).error();
  if (result->is_number_integer() && result->get<int64_t>() > 0) {
    uid_ = result->get<int64_t>();
    return uid_;
  }
  if (result->is_boolean() && !result->get<bool>()) {
    return core::Unauthenticated("Odoo refused the login for " + login_ + " on database " +
                                     database_ + ": check the login and the password or API key.",
                                 "authenticate:false");
  }
  return core::Internal("xlsync did not understand Odoo's answer to the login on " +
                        http_.origin() + ": check that the URL points to an Odoo server.");
}

core::Result<json> JsonRpcTransport::Call(const std::string& model, const std::string& method,
                                          const json& ids, const json& kwargs) {
  if (uid_ == 0) {
    return core::Internal("xlsync called Odoo before logging in: report this to support.");
  }
  // Record methods take the ids as args[0]; @api.model methods take no positional argument,
  // and the context travels inside kwargs (§2).
  const json args = ids.is_null() ? json::array() : json::array({ids});
  json params = {{"service", "object"},
                 {"method", "execute_kw"},
                 {"args", json::array({database_, uid_, secret_.Reveal(), model, method, args,
                                       kwargs.is_object() ? kwargs : json::object()})}};
  CallSite site = Site(model, method);
  site.order = StringMember(kwargs, "order");
  return Post(std::move(params), site, IdempotencyOf(method));
}

core::Result<json> JsonRpcTransport::CallService(const std::string& service,
                                                 const std::string& method, json args) {
  return Post({{"service", service}, {"method", method}, {"args", std::move(args)}},
              Site("", method), http::Idempotency::kIdempotent);
}

core::Result<json> JsonRpcTransport::Post(json params, const CallSite& site,
                                          http::Idempotency idempotency) {
  const json envelope = {
      {"jsonrpc", "2.0"}, {"method", "call"}, {"id", ++next_id_}, {"params", std::move(params)}};
  http::Request request;
  request.method = http::Method::kPost;
  request.url = http_.Url("/jsonrpc");
  request.headers.Set("Content-Type", "application/json");
  request.body = DumpJson(envelope);
  auto reply =
      http_.Send(std::move(request), idempotency,
                 "Odoo JSON-RPC " + (site.model.empty() ? "" : site.model + ".") + site.method);
  if (!reply) return std::move(reply).error();
  last_reply_bytes_ = reply->body.size();
  if (reply->status == 404) {
    // Newer servers can switch the deprecated RPC off and answer 404 (odoo-api.md §1).
    return http_.Redacted(core::InvalidInput(
        "The Odoo server at " + http_.origin() +
            " has its JSON-RPC API turned off (HTTP 404 on /jsonrpc): use an API key so xlsync "
            "can use JSON-2.",
        "HTTP 404"));
  }
  auto body = reply->status == 200 ? ParseJson(reply->body) : std::nullopt;
  if (!body || !body->is_object()) return http_.ReplyError(*reply);
  if (const auto error = body->find("error"); error != body->end()) {
    return http_.Redacted(ClassifyFault(FaultOf(*error), site));
  }
  // `result` is omitted when the method returns None (§2).
  // Moved out, not copied: a page of records is most of what this process handles.
  const auto result = body->find("result");
  return result == body->end() ? json(nullptr) : std::move(*result);
}

CallSite JsonRpcTransport::Site(const std::string& model, const std::string& method) const {
  return CallSite{http_.origin(), database_, login_, model, method, {}};
}

}  // namespace xlsync::odoo
