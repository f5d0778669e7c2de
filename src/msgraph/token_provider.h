#pragma once

#include <mutex>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "core/sleeper.h"
#include "http/client.h"
#include "msgraph/settings.h"

namespace xlsync::msgraph {

/// Client-credentials access tokens for Microsoft Graph (msgraph.md §2): one secret, cached,
/// renewed when less than 5 minutes remain or the STS's `refresh_in` has passed, one renewal in
/// flight at a time. Thread-safe.
class TokenProvider {
 public:
  TokenProvider(http::Client& http, const core::Clock& clock, core::Sleeper& sleeper,
                Settings settings);

  /// A token valid for at least a few more minutes, or the sign-in failure as one sentence.
  core::Result<std::string> AccessToken();
  /// After a Graph 401: drops the cached token, but only if it is still `token` (another thread
  /// may already have renewed it).
  void Invalidate(const std::string& token);
  int tokens_issued() const;

  /// The token endpoint for these settings: "<authority>/<tenant>/oauth2/v2.0/token".
  std::string TokenUrl() const;

 private:
  struct Cached {
    std::string token;
    core::TimePoint renew_at;
  };

  bool IsFresh(const std::optional<Cached>& cached) const;
  core::Result<Cached> RequestToken();
  core::Result<Cached> ReadTokenReply(const http::Response& response) const;

  http::Client& http_;
  const core::Clock& clock_;
  core::Sleeper& sleeper_;
  const Settings settings_;

  std::mutex renew_mutex_;    // held for a whole renewal: one request to the STS at a time
  mutable std::mutex mutex_;  // guards the fields below
  std::optional<Cached> cached_;
  int tokens_issued_ = 0;
};

}  // namespace xlsync::msgraph
