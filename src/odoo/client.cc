#include "odoo/client.h"

#include "core/text.h"
#include "http/url.h"
#include "odoo/json2_transport.h"
#include "odoo/json_rpc_transport.h"
#include "odoo/transport.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

// "saas~17" + 4 -> "saas~17.4" when common.version has no server_version text (§2).
std::string VersionTextOf(const json& info) {
  if (!info.is_array() || info.size() < 2) return {};
  const json& major = info[0];
  const json& minor = info[1];
  std::string text = major.is_string()           ? major.get<std::string>()
                     : major.is_number_integer() ? std::to_string(major.get<int64_t>())
                                                 : std::string();
  if (!text.empty() && minor.is_number_integer()) text += "." + std::to_string(minor.get<int>());
  return text;
}

}  // namespace

Client::Client(http::Client& http, core::Sleeper& sleeper, Settings settings,
               http::RetryCounters* counters)
    : settings_(std::move(settings)),
      http_(http, sleeper, counters, settings_.url, settings_.timeout,
            {settings_.password.Reveal(), settings_.api_key.Reveal()}),
      protocol_(settings_.protocol) {}

Client::~Client() = default;
Client::Client(Client&&) noexcept = default;
Client& Client::operator=(Client&&) noexcept = default;

core::Result<void> Client::CheckSettings() const {
  XLSYNC_RETURN_IF_ERROR(http::ValidateServiceUrl(settings_.url, "The Odoo URL"));
  if (core::Trim(settings_.database).empty()) {
    return core::InvalidInput(
        "The Odoo database name is empty: enter it (on Odoo Online it is the instance name, as "
        "in mycompany.odoo.com).");
  }
  return {};
}

core::Result<ServerVersion> Client::DetectVersion() {
  XLSYNC_RETURN_IF_ERROR(CheckSettings());
  std::optional<ServerVersion> web;
  if (settings_.protocol != Protocol::kJsonRpc) {
    auto probed = ProbeWebVersion();
    if (!probed) return std::move(probed).error();
    web = *probed;
  }
  if (web) {
    version_ = *web;
  } else {
    auto common = ProbeCommonVersion();
    if (!common) return std::move(common).error();
    version_ = *common;
  }
  Protocol chosen = settings_.protocol;
  if (chosen == Protocol::kAuto) {
    chosen =
        version_.AtLeast(19) && !settings_.api_key.empty() ? Protocol::kJson2 : Protocol::kJsonRpc;
  }
  // JSON-2 shipped in saas-18.4 on Odoo Online and in 19.0 on premise (odoo-api.md §1).
  if (chosen == Protocol::kJson2 && !version_.AtLeast(18, 4)) {
    return core::InvalidInput("The Odoo server at " + http_.origin() + " runs Odoo " +
                                  version_.text +
                                  ", which has no JSON-2 API: choose JSON-RPC in the connection "
                                  "settings.",
                              version_.text);
  }
  XLSYNC_RETURN_IF_ERROR(UseTransport(chosen));
  return version_;
}

// GET /web/version exists from 19 on, without authentication (§6); anything but its JSON means
// an older server, except proxy failures, which mean the server is down.
core::Result<std::optional<ServerVersion>> Client::ProbeWebVersion() {
  http::Request request;
  request.method = http::Method::kGet;
  request.url = http_.Url("/web/version");
  auto reply = http_.Send(std::move(request), http::Idempotency::kIdempotent, "Odoo version probe");
  if (!reply) return std::move(reply).error();
  if (IsTransientOdooOutcome(reply)) return http_.ReplyError(*reply);
  const auto body = reply->status == 200 ? ParseJson(reply->body) : std::nullopt;
  const std::string text = body ? StringMember(*body, "version") : std::string();
  if (text.empty()) return std::optional<ServerVersion>();
  auto parsed = ParseServerVersion(text);
  if (!parsed) return std::move(parsed).error();
  return std::optional<ServerVersion>(*std::move(parsed));
}

core::Result<ServerVersion> Client::ProbeCommonVersion() {
  JsonRpcTransport probe(http_, settings_.database, settings_.login, core::Secret());
  auto result = probe.CallService("common", "version", json::array());
  if (!result) {
    core::Error error = std::move(result).error();
    if (error.upstream == "HTTP 404" && settings_.protocol != Protocol::kJsonRpc) {
      // Neither /web/version nor /jsonrpc: whatever answers is not Odoo.
      return core::InvalidInput("The address " + http_.origin() +
                                    " does not answer like an Odoo server (HTTP 404 on "
                                    "/web/version and /jsonrpc): check the Odoo URL.",
                                "HTTP 404");
    }
    return error;
  }
  std::string text = StringMember(*result, "server_version");
  if (text.empty() && result->is_object() && result->contains("server_version_info")) {
    text = VersionTextOf((*result)["server_version_info"]);
  }
  return ParseServerVersion(text);
}

core::Result<void> Client::UseTransport(Protocol protocol) {
  uid_ = 0;
  protocol_ = protocol;
  if (protocol == Protocol::kJson2) {
    transport_ = std::make_unique<Json2Transport>(http_, settings_.database, settings_.api_key);
    return {};
  }
  // An API key works in place of the password over JSON-RPC (§7) and is preferred.
  const core::Secret& secret = settings_.api_key.empty() ? settings_.password : settings_.api_key;
  transport_ =
      std::make_unique<JsonRpcTransport>(http_, settings_.database, settings_.login, secret);
  return {};
}

core::Result<int64_t> Client::Login() {
  if (!transport_) {
    auto detected = DetectVersion();
    if (!detected) return std::move(detected).error();
  }
  auto uid = transport_->Authenticate();
  if (!uid) return std::move(uid).error();
  uid_ = *uid;
  return uid_;
}

core::Result<void> Client::Connect() {
  auto detected = DetectVersion();
  if (!detected) return std::move(detected).error();
  auto uid = Login();
  if (!uid) return std::move(uid).error();
  return {};
}

core::Result<json> Client::CallModel(const std::string& model, const std::string& method,
                                     const json& ids, json kwargs) {
  if (core::Trim(model).empty()) {
    return core::InvalidInput("No Odoo model was given: choose one, such as res.partner.");
  }
  if (!transport_) {
    auto detected = DetectVersion();
    if (!detected) return std::move(detected).error();
  }
  if (uid_ == 0) {
    auto uid = Login();
    if (!uid) return std::move(uid).error();
  }
  return transport_->Call(model, method, ids, kwargs);
}

size_t Client::last_reply_bytes() const { return transport_ ? transport_->last_reply_bytes() : 0; }

core::Error Client::Unexpected(const std::string& model, const std::string& method) const {
  return core::Internal("xlsync did not understand Odoo's answer to " + method + " on model " +
                        model + ": report this to support.");
}

}  // namespace xlsync::odoo
