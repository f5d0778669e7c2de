#include "testing/fake_odoo/json2_service.h"

#include <regex>

#include "core/text.h"
#include "testing/fake_odoo/odoo_error.h"
#include "testing/fake_odoo/odoo_messages.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

constexpr const char* kNoBearer = "User not authenticated, use an API Key with a Bearer Authorization header.";

bool IsWerkzeug(const core::Error& error) { return error.upstream.rfind("werkzeug.", 0) == 0; }

HttpReply Unauthorized(const std::string& message) {
  HttpReply reply = Json2Error(OdooError(exc::kUnauthorized, message));
  reply.headers.emplace_back("WWW-Authenticate", "Bearer");
  return reply;
}

}  // namespace

HttpReply Json2Error(const core::Error& error) {
  HttpReply reply;
  reply.status = Json2Status(error.upstream);
  json body = ErrorData(error);
  // werkzeug exceptions carry (description, code) as their arguments.
  if (IsWerkzeug(error)) body["arguments"] = json::array({error.message, reply.status});
  reply.body = body.dump();
  return reply;
}

HttpReply Json2NotRouted() {
  return Json2Error(OdooError(exc::kNotFound, "Did you mean POST /json/2/<model>/<method>?"));
}

HttpReply Json2Service::Handle(const Json2Request& request, CallInfo& info) {
  info.service = "json2";
  info.model = request.model;
  info.method = request.method;
  // A database the server does not serve is not routed at all: werkzeug's HTML 404.
  if (!request.database.empty() && request.database != backend_.options().database) {
    return WerkzeugPage(404, "Not Found",
                        "The requested URL was not found on the server. If you entered the URL manually please "
                        "check your spelling and try again.");
  }
  const std::string mimetype = core::ToLower(core::Trim(request.content_type.substr(0, request.content_type.find(';'))));
  if (!request.body.empty() && mimetype != "application/json") {
    HttpReply reply = Json2Error(OdooError(exc::kUnsupportedMediaType,
                                           "The server does not support the media type transmitted in the request."));
    reply.headers.emplace_back("Accept", "application/json");
    return reply;
  }
  static const std::regex kBearer(R"(^bearer\s+(.+)$)", std::regex::icase);
  std::smatch match;
  if (!std::regex_match(request.authorization, match, kBearer)) return Unauthorized(kNoBearer);
  const FakeUser* user = backend_.UserByApiKey(std::string(core::Trim(match[1].str())));
  if (!user) return Unauthorized("Invalid apikey");
  json body = request.body.empty() ? json::object() : json::parse(request.body, nullptr, false);
  if (body.is_discarded()) {
    return Json2Error(OdooError(exc::kBadRequest, "could not parse the body as json: Expecting value"));
  }
  if (!body.is_object()) return Json2Error(OdooError(exc::kBadRequest, "the body must be a json object"));
  auto result = Call(*user, request, std::move(body), info);
  if (!result) return Json2Error(result.error());
  HttpReply reply;
  reply.body = result->dump(-1, ' ', false, json::error_handler_t::replace);
  return reply;
}

core::Result<json> Json2Service::Call(const FakeUser& user, const Json2Request& request, json body, CallInfo& info) {
  const int version = backend_.version();
  if (!backend_.schema().Find(request.model)) {
    return OdooError(exc::kNotFound, "the model '" + request.model + "' does not exist");
  }
  if (!request.method.empty() && request.method.front() == '_') {
    return msg::PrivateMethod(version, request.model, request.method);
  }
  if (!FindMethod(request.method, request.model, version)) {
    return OdooError(exc::kNotFound, msg::MethodNotFound(version, request.model, request.method).message);
  }
  const json ids = body.contains("ids") ? body["ids"] : json::array();
  const json context = body.contains("context") ? body["context"] : json::object();
  body.erase("ids");
  body.erase("context");
  auto bind = [&](const MethodSpec& spec) { return BindNamed(spec, request.model, ids, body); };
  return backend_.CallModel(&user, request.model, request.method, bind, context, info.records);
}

}  // namespace xlsync::fakes
