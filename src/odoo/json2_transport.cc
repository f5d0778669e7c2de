#include "odoo/json2_transport.h"

#include "http/url.h"

namespace xlsync::odoo {

using nlohmann::json;

std::optional<ServerFault> Json2FaultOf(const http::Response& reply) {
  ServerFault fault;
  fault.http_status = reply.status;
  const auto body = ParseJson(reply.body);
  if (body && body->is_object()) {
    // 19.0 final: {"name", "message", "arguments", "context", "debug"} (odoo-api.md §5).
    fault.name = StringMember(*body, "name");
    fault.message = StringMember(*body, "message");
    const auto arguments = body->find("arguments");
    if (fault.message.empty() && arguments != body->end() && arguments->is_array() &&
        !arguments->empty() && arguments->front().is_string()) {
      fault.message = arguments->front().get<std::string>();
    }
    fault.debug = StringMember(*body, "debug");
    return fault;
  }
  if (body && body->is_string()) {  // early saas-18.4 builds sent a bare string
    fault.message = body->get<std::string>();
    return fault;
  }
  if (reply.status == 401) return fault;
  return std::nullopt;
}

Json2Transport::Json2Transport(OdooHttp http, std::string database, core::Secret api_key)
    : http_(std::move(http)), database_(std::move(database)), api_key_(std::move(api_key)) {}

core::Result<int64_t> Json2Transport::Authenticate() {
  if (api_key_.empty()) {
    return core::InvalidInput(
        "JSON-2 needs an API key: create one in Odoo under Preferences > Account Security and "
        "enter it in the connection, or choose JSON-RPC.");
  }
  // The key identifies the user; context_get returns that user's context, uid included (§5).
  auto context = Call("res.users", "context_get", nullptr, json::object());
  if (!context) return std::move(context).error();
  const auto uid = context->is_object() ? context->find("uid") : context->end();
  if (uid == context->end() || !uid->is_number_integer() || uid->get<int64_t>() <= 0) {
    return core::Internal("xlsync did not understand Odoo's answer to context_get on " +
                          http_.origin() + ": check that the URL points to an Odoo server.");
  }
  return uid->get<int64_t>();
}

core::Result<json> Json2Transport::Call(const std::string& model, const std::string& method,
                                        const json& ids, const json& kwargs) {
  // Named arguments only, plus the reserved `ids` and `context` keys (§5).
  json body = kwargs.is_object() ? kwargs : json::object();
  if (!ids.is_null()) body["ids"] = ids;
  http::Request request;
  request.method = http::Method::kPost;
  request.url =
      http_.Url("/json/2/" + http::PercentEncode(model) + "/" + http::PercentEncode(method));
  request.headers.Set("Authorization", "bearer " + api_key_.Reveal());
  if (!database_.empty()) request.headers.Set("X-Odoo-Database", database_);
  request.headers.Set("Content-Type", "application/json");
  request.body = DumpJson(body);
  const CallSite site{http_.origin(), database_, "", model, method, StringMember(kwargs, "order")};
  auto reply =
      http_.Send(std::move(request), IdempotencyOf(method), "Odoo JSON-2 " + model + "." + method);
  if (!reply) return std::move(reply).error();
  last_reply_bytes_ = reply->body.size();
  if (reply->status == 200) {
    auto value = ParseJson(reply->body);
    if (!value) return http_.ReplyError(*reply);
    return *std::move(value);
  }
  return ErrorOf(*reply, site);
}

core::Result<json> Json2Transport::ErrorOf(const http::Response& reply,
                                           const CallSite& site) const {
  if (reply.status >= 300 && reply.status < 400) {
    // Odoo 18 and older have no /json/2 route and redirect to /web/login (fixture
    // json2_not_available_in_18).
    return http_.Redacted(core::InvalidInput(
        "The Odoo server at " + http_.origin() +
            " has no JSON-2 API (it is older than Odoo 19): choose JSON-RPC in the connection "
            "settings.",
        "HTTP " + std::to_string(reply.status)));
  }
  const bool proxy =
      reply.status == 429 || reply.status == 502 || reply.status == 503 || reply.status == 504;
  const auto fault = proxy ? std::nullopt : Json2FaultOf(reply);
  if (!fault) return http_.ReplyError(reply);
  return http_.Redacted(ClassifyFault(*fault, site));
}

}  // namespace xlsync::odoo
