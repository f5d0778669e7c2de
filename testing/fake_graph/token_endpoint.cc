#include "testing/fake_graph/token_endpoint.h"

#include <map>
#include <regex>

#include "core/text.h"
#include "http/url.h"
#include "testing/fake_graph/odata_path.h"
#include "testing/fake_graph/time_text.h"

namespace xlsync::fakes {
namespace {

constexpr std::string_view kAadJson = "application/json; charset=utf-8";

AadError Refuse(int status, std::string error, int code, std::string text) {
  return AadError{status, std::move(error), code, std::move(text), std::nullopt};
}

AadError MissingParameter(std::string_view name) {
  return Refuse(
      400, "invalid_request", 900144,
      "The request body must contain the following parameter: '" + std::string(name) + "'.");
}

bool IsGuid(std::string_view text) {
  static const std::regex kGuid(
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  return std::regex_match(text.begin(), text.end(), kGuid);
}

bool IsDomain(std::string_view text) {
  static const std::regex kDomain("^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,}$");
  return std::regex_match(text.begin(), text.end(), kDomain);
}

std::map<std::string, std::string> ParseForm(std::string_view body) {
  std::map<std::string, std::string> fields;
  for (const auto& pair : core::Split(body, '&')) {
    if (pair.empty()) continue;
    const auto equals = pair.find('=');
    const std::string name = http::PercentDecode(pair.substr(0, equals));
    const std::string value =
        equals == std::string::npos ? "" : http::PercentDecode(pair.substr(equals + 1));
    fields.emplace(name, value);  // the first occurrence wins
  }
  return fields;
}

/// RFC 6749 §2.3.1: "Authorization: Basic base64(urlencode(id):urlencode(secret))".
void ReadBasicAuth(const Exchange& exchange, std::map<std::string, std::string>& form) {
  const auto header = exchange.headers.Get("Authorization");
  if (!header || !core::StartsWithIgnoreCase(*header, "Basic ")) return;
  const auto decoded = Base64Decode(core::Trim(std::string_view(*header).substr(6)), false);
  if (!decoded) return;
  const auto colon = decoded->find(':');
  if (colon == std::string::npos) return;
  form.emplace("client_id", http::PercentDecode(decoded->substr(0, colon)));
  form.emplace("client_secret", http::PercentDecode(decoded->substr(colon + 1)));
}

/// Method and tenant: checked before the body is read (§2.4: 900023, then 90002).
std::optional<AadError> CheckTenant(GraphState& state, const Exchange& exchange,
                                    const Tenant*& tenant) {
  if (exchange.method != "POST") {
    return Refuse(
        405, "invalid_request", 900561,
        "The endpoint only accepts POST requests. Received a " + exchange.method + " request.");
  }
  const std::string tenant_text = ODataPath::Decode(ODataPath::Split(exchange.raw_path)[0]);
  if (!IsGuid(tenant_text) && !IsDomain(tenant_text)) {
    return Refuse(400, "invalid_request", 900023,
                  "Specified tenant identifier '" + tenant_text +
                      "' is neither a valid DNS name, nor a valid external domain.");
  }
  tenant = state.directory.FindTenant(tenant_text);
  if (!tenant) {
    return Refuse(
        400, "invalid_tenant", 90002,
        "Tenant '" + tenant_text +
            "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.");
  }
  return std::nullopt;
}

/// Grant, client, scope: the form's parameters (§2.1).
std::optional<AadError> CheckRequest(GraphState& state, const Tenant& tenant,
                                     std::map<std::string, std::string>& form,
                                     const AppRegistration*& app) {
  if (!form.contains("grant_type")) return MissingParameter("grant_type");
  if (form["grant_type"] != "client_credentials") {
    return Refuse(400, "unsupported_grant_type", 70003,
                  "The app requested an unsupported grant type '" + form["grant_type"] + "'.");
  }
  if (!form.contains("client_id")) return MissingParameter("client_id");
  app = state.directory.FindApp(tenant.guid, form["client_id"]);
  if (!app) {
    return Refuse(
        400, "unauthorized_client", 700016,
        "Application with identifier '" + form["client_id"] + "' was not found in the directory '" +
            tenant.guid +
            "'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.");
  }
  if (!form.contains("scope")) return MissingParameter("scope");
  if (form["scope"] != state.ExpectedScope()) {
    return Refuse(
        400, "invalid_scope", 70011,
        "The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope " +
            form["scope"] + " is not valid.");
  }
  return std::nullopt;
}

/// The credential: a client secret (§2.1); assertions cannot verify in the fake (§2.2).
std::optional<AadError> CheckCredential(const AppRegistration& app,
                                        std::map<std::string, std::string>& form) {
  if (form.contains("client_assertion")) {
    return Refuse(401, "invalid_client", 700027, "Client assertion failed signature validation.");
  }
  if (!form.contains("client_secret") || form["client_secret"].empty()) {
    return Refuse(
        401, "invalid_client", 7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  }
  if (form["client_secret"] != app.secret) {
    return Refuse(
        401, "invalid_client", 7000215,
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '" +
            app.client_id + "'.");
  }
  if (app.secret_expired) {
    return Refuse(
        401, "invalid_client", 7000222,
        "The provided client secret keys for app '" + app.client_id +
            "' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.");
  }
  return std::nullopt;
}

std::optional<AadError> Check(GraphState& state, const Exchange& exchange, const Tenant*& tenant,
                              const AppRegistration*& app) {
  if (auto refused = CheckTenant(state, exchange, tenant)) return refused;
  const auto content_type = exchange.headers.Get("Content-Type").value_or("");
  if (!core::StartsWithIgnoreCase(content_type, "application/x-www-form-urlencoded")) {
    return MissingParameter("grant_type");  // A non-form body has no readable parameters.
  }
  auto form = ParseForm(exchange.body);
  ReadBasicAuth(exchange, form);
  if (auto refused = CheckRequest(state, *tenant, form, app)) return refused;
  return CheckCredential(*app, form);
}

}  // namespace

bool TokenEndpoint::Matches(std::string_view path) {
  const auto segments = ODataPath::Split(path);
  return segments.size() == 4 && segments[1] == "oauth2" && segments[2] == "v2.0" &&
         segments[3] == "token";
}

Reply TokenEndpoint::Handle(GraphState& state, const Exchange& exchange) {
  const Tenant* tenant = nullptr;
  const AppRegistration* app = nullptr;
  if (auto refused = Check(state, exchange, tenant, app))
    return ErrorReply(*refused, state, exchange);
  const auto lifetime = state.options.token_lifetime;
  const std::string token = state.directory.IssueToken(
      TokenGrant{tenant->guid, app->client_id, app->access, exchange.time + lifetime});
  Reply reply = Reply::Json(200, {{"token_type", "Bearer"},
                                  {"expires_in", lifetime.count()},
                                  {"ext_expires_in", lifetime.count()},
                                  {"access_token", token}});
  reply.content_type = std::string(kAadJson);
  reply.headers.emplace_back("Cache-Control", "no-store, no-cache");
  reply.headers.emplace_back("Pragma", "no-cache");
  reply.headers.emplace_back("x-ms-request-id", exchange.request_id);
  return reply;
}

Reply TokenEndpoint::ErrorReply(const AadError& error, const GraphState& state,
                                const Exchange& exchange) {
  Reply reply =
      Reply::Json(error.status, error.ToJson(exchange.request_id, exchange.client_request_id,
                                             TimeText::Aad(exchange.time), state.base_url));
  reply.content_type = std::string(kAadJson);
  reply.headers.emplace_back("x-ms-request-id", exchange.request_id);
  if (error.retry_after_seconds) {
    reply.headers.emplace_back("Retry-After", std::to_string(*error.retry_after_seconds));
  }
  return reply;
}

}  // namespace xlsync::fakes
