#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/sleeper.h"
#include "http/client.h"
#include "http/retry.h"

namespace xlsync::odoo {

/// The HTTP side both transports share: one Odoo base URL, the retry policy, and plain errors
/// for replies that are not Odoo answers (unreachable, web pages, proxy errors). Secrets given
/// here are removed from every message it builds. A value; the client, sleeper and counters it
/// points to must outlive it.
class OdooHttp {
 public:
  OdooHttp(http::Client& client, core::Sleeper& sleeper, http::RetryCounters* counters,
           std::string base_url, std::chrono::milliseconds timeout,
           std::vector<std::string> secrets);

  /// Sends with retries (transient: transport failures, 429, 502, 503, 504); a transport
  /// failure comes back as "Could not reach the Odoo server at ...".
  core::Result<http::Response> Send(http::Request request, http::Idempotency idempotency,
                                    std::string_view what) const;

  std::string Url(std::string_view path) const;
  const std::string& origin() const { return origin_; }
  std::chrono::milliseconds timeout() const { return timeout_; }

  /// A reply that carries no Odoo answer: a proxy error after the retries, or a web page.
  core::Error ReplyError(const http::Response& response) const;
  /// Removes the secrets from the message and detail (Odoo may echo its input).
  core::Error Redacted(core::Error error) const;

 private:
  http::Client* client_;
  core::Sleeper* sleeper_;
  http::RetryCounters* counters_;
  std::string base_url_;
  std::string origin_;
  std::chrono::milliseconds timeout_;
  std::vector<std::string> secrets_;
};

/// Odoo's retry policy (odoo-api.md §7): bounded to 6 attempts and 2 minutes of waiting.
http::RetryPolicy OdooRetryPolicy(http::RetryCounters* counters);
/// True for outcomes worth trying again: connection failures, timeouts, 429/502/503/504.
bool IsTransientOdooOutcome(const core::Result<http::Response>& outcome);

/// Parses a body without throwing; nullopt when it is not JSON.
std::optional<nlohmann::json> ParseJson(std::string_view body);
/// Serialises for the wire without throwing (invalid UTF-8 is replaced).
std::string DumpJson(const nlohmann::json& value);
/// The string member `key` of an object, or "" when absent or not a string.
std::string StringMember(const nlohmann::json& object, std::string_view key);

}  // namespace xlsync::odoo
