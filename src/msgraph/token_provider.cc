#include "msgraph/token_provider.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/text.h"
#include "http/retry.h"
#include "http/url.h"
#include "msgraph/json_fields.h"
#include "msgraph/token_errors.h"

namespace xlsync::msgraph {
namespace {

using std::chrono::seconds;

// msgraph.md §2.3: renew when less than 5 minutes remain; a short-lived token is renewed at half
// its lifetime instead, so it is not fetched again on every call.
constexpr seconds kRenewMargin{300};

std::string Scope(std::string_view graph_url) {
  while (graph_url.ends_with('/')) graph_url.remove_suffix(1);
  return std::string(graph_url) + "/.default";
}

}  // namespace

TokenProvider::TokenProvider(http::Client& http, const core::Clock& clock, core::Sleeper& sleeper,
                             Settings settings)
    : http_(http), clock_(clock), sleeper_(sleeper), settings_(std::move(settings)) {}

std::string TokenProvider::TokenUrl() const {
  return http::JoinUrl(settings_.authority_host,
                       http::PercentEncode(core::Trim(settings_.tenant_id)) + "/oauth2/v2.0/token");
}

bool TokenProvider::IsFresh(const std::optional<Cached>& cached) const {
  return cached && clock_.Now() < cached->renew_at;
}

core::Result<std::string> TokenProvider::AccessToken() {
  {
    std::lock_guard lock(mutex_);
    if (IsFresh(cached_)) return cached_->token;
  }
  std::lock_guard renewing(renew_mutex_);
  {
    std::lock_guard lock(mutex_);  // another thread may have renewed while this one waited
    if (IsFresh(cached_)) return cached_->token;
  }
  auto fresh = RequestToken();
  if (!fresh) return std::move(fresh).error();
  std::lock_guard lock(mutex_);
  cached_ = *fresh;
  ++tokens_issued_;
  return cached_->token;
}

void TokenProvider::Invalidate(const std::string& token) {
  std::lock_guard lock(mutex_);
  if (cached_ && cached_->token == token) cached_.reset();
}

int TokenProvider::tokens_issued() const {
  std::lock_guard lock(mutex_);
  return tokens_issued_;
}

core::Result<TokenProvider::Cached> TokenProvider::RequestToken() {
  http::Request request;
  request.method = http::Method::kPost;
  request.url = TokenUrl();
  request.timeout = settings_.timeout;
  request.headers.Set("Content-Type", "application/x-www-form-urlencoded");
  request.headers.Set("Accept", "application/json");
  request.headers.Set("client-request-id", core::NewGuid());
  // msgraph.md §2.1: every value URL-encoded (secrets carry ~ + / =); one resource's /.default.
  request.body = http::FormEncode({{"client_id", std::string(core::Trim(settings_.client_id))},
                                   {"scope", Scope(settings_.graph_url)},
                                   {"client_secret", settings_.client_secret.Reveal()},
                                   {"grant_type", "client_credentials"}});
  http::RetryPolicy policy;
  policy.max_attempts = 5;
  policy.max_total_wait = std::chrono::minutes(2);
  policy.is_transient = IsTransientTokenOutcome;
  auto reply =
      http::RetryLoop(policy, http::BackoffPolicy(), http::Idempotency::kIdempotent, sleeper_,
                      "getting a Microsoft Graph token", [&] { return http_.Send(request); });
  if (!reply) {
    core::Error error = std::move(reply).error();
    error.message = core::Redact(std::move(error.message), {settings_.client_secret.Reveal()});
    error.detail = core::Redact(std::move(error.detail), {settings_.client_secret.Reveal()});
    return error;
  }
  if (!http::IsSuccess(*reply)) {
    core::Error error = MapTokenError(*reply);
    spdlog::info("Microsoft sign-in failed: {} ({}) {}", error.message, error.upstream,
                 error.detail);
    return error;
  }
  return ReadTokenReply(*reply);
}

core::Result<TokenProvider::Cached> TokenProvider::ReadTokenReply(
    const http::Response& response) const {
  const nlohmann::json json = ParseJson(response.body);
  const std::string token = StringField(json, "access_token");
  const auto expires_in = NumberField(json, "expires_in");
  if (token.empty() || !expires_in || *expires_in <= 0 ||
      !core::EqualsIgnoreCase(StringField(json, "token_type"), "Bearer")) {
    return core::Unavailable(
        "Microsoft sign-in answered with an unreadable token: try again in "
        "a few minutes.",
        "HTTP " + std::to_string(response.status));
  }
  const auto now = clock_.Now();
  const seconds lifetime{static_cast<long long>(*expires_in)};
  auto renew_at = now + std::max(lifetime - kRenewMargin, lifetime / 2);
  if (const auto refresh_in = NumberField(json, "refresh_in"); refresh_in && *refresh_in > 0) {
    renew_at = std::min(renew_at, now + seconds(static_cast<long long>(*refresh_in)));
  }
  return Cached{token, renew_at};
}

}  // namespace xlsync::msgraph
