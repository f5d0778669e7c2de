#include "odoo/odoo_http.h"

#include <algorithm>

#include "core/text.h"
#include "http/url.h"

namespace xlsync::odoo {
namespace {

constexpr int kMaxAttempts = 6;
constexpr std::chrono::minutes kMaxTotalWait{2};
constexpr std::chrono::milliseconds kFirstBackoff{500};
constexpr std::chrono::milliseconds kMaxBackoff{30'000};
constexpr size_t kBodyExcerpt = 200;

// Failures that retrying cannot fix: a wrong host name or a TLS/URL problem wants a human.
bool IsPermanentTransportFailure(const std::string& upstream) {
  return upstream == http::kCouldNotResolve || upstream == "CURLE_PEER_FAILED_VERIFICATION" ||
         upstream == "CURLE_URL_MALFORMAT" || upstream == "CURLE_UNSUPPORTED_PROTOCOL";
}

std::string StatusText(int status) { return "HTTP " + std::to_string(status); }

}  // namespace

OdooHttp::OdooHttp(http::Client& client, core::Sleeper& sleeper, http::RetryCounters* counters,
                   std::string base_url, std::chrono::milliseconds timeout,
                   std::vector<std::string> secrets)
    : client_(&client),
      sleeper_(&sleeper),
      counters_(counters),
      base_url_(std::move(base_url)),
      timeout_(timeout),
      secrets_(std::move(secrets)) {
  while (base_url_.ends_with('/')) base_url_.pop_back();
  origin_ = base_url_;
}

core::Result<http::Response> OdooHttp::Send(http::Request request, http::Idempotency idempotency,
                                            std::string_view what) const {
  request.timeout = timeout_;
  // Reads are idempotent, so a reset or a proxy 502/504 is simply tried again (odoo-api.md §7:
  // workers killed at limit_time_real show up as dropped connections or proxy errors).
  auto outcome =
      http::RetryLoop(OdooRetryPolicy(counters_), http::BackoffPolicy(kFirstBackoff, kMaxBackoff),
                      idempotency, *sleeper_, what, [&] { return client_->Send(request); });
  if (outcome) return outcome;
  core::Error cause = std::move(outcome).error();
  if (cause.code != core::ErrorCode::kUnavailable && cause.code != core::ErrorCode::kTimeout) {
    return Redacted(std::move(cause));
  }
  core::Error error =
      cause.code == core::ErrorCode::kTimeout
          ? core::Timeout("The Odoo server at " + origin_ +
                              " did not answer in time: check that it is up, or lower the page "
                              "size, then try again.",
                          cause.upstream)
          : core::Unavailable("Could not reach the Odoo server at " + origin_ +
                                  ": check the URL and your network, then try again.",
                              cause.upstream);
  error.detail += " | " + std::string(what) + ": " + cause.message + " " + cause.detail;
  return Redacted(std::move(error));
}

std::string OdooHttp::Url(std::string_view path) const { return http::JoinUrl(base_url_, path); }

core::Error OdooHttp::ReplyError(const http::Response& response) const {
  const int status = response.status;
  core::Error error;
  if (status == 429) {
    error = core::Throttled("The Odoo server at " + origin_ +
                                " kept asking xlsync to slow down (HTTP 429): wait a few minutes, "
                                "then try again.",
                            StatusText(status));
  } else if (status == 502 || status == 503 || status == 504) {
    error = core::Unavailable("The Odoo server at " + origin_ + " is not answering (" +
                                  StatusText(status) +
                                  " from its proxy): try again in a few minutes, and lower the "
                                  "page size if it keeps happening.",
                              StatusText(status));
  } else if (status >= 500) {
    error =
        core::Unavailable("The Odoo server at " + origin_ + " failed with " + StatusText(status) +
                              " and no answer: try again later, and if it keeps happening "
                              "ask the Odoo administrator to check the server log.",
                          StatusText(status));
  } else {
    error = core::InvalidInput("The address " + origin_ + " answered " + StatusText(status) +
                                   " with a web page instead of Odoo's API: check that the Odoo "
                                   "URL is the address of the Odoo server itself.",
                               StatusText(status));
  }
  error.detail += " | body: " + response.body.substr(0, kBodyExcerpt);
  return Redacted(std::move(error));
}

core::Error OdooHttp::Redacted(core::Error error) const {
  error.message = core::Redact(std::move(error.message), secrets_);
  error.detail = core::Redact(std::move(error.detail), secrets_);
  error.upstream = core::Redact(std::move(error.upstream), secrets_);
  return error;
}

http::RetryPolicy OdooRetryPolicy(http::RetryCounters* counters) {
  http::RetryPolicy policy;
  policy.max_attempts = kMaxAttempts;
  policy.max_total_wait = kMaxTotalWait;
  policy.is_transient = IsTransientOdooOutcome;
  policy.counters = counters;
  return policy;
}

bool IsTransientOdooOutcome(const core::Result<http::Response>& outcome) {
  if (!outcome) {
    const core::Error& error = outcome.error();
    const bool network =
        error.code == core::ErrorCode::kUnavailable || error.code == core::ErrorCode::kTimeout;
    return network && !IsPermanentTransportFailure(error.upstream);
  }
  const int status = outcome->status;
  return status == 429 || status == 502 || status == 503 || status == 504;
}

std::optional<nlohmann::json> ParseJson(std::string_view body) {
  auto value = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return std::nullopt;
  return value;
}

std::string DumpJson(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string StringMember(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return {};
  const auto found = object.find(key);
  if (found == object.end() || !found->is_string()) return {};
  return found->get<std::string>();
}

}  // namespace xlsync::odoo
