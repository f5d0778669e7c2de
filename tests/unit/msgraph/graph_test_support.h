#pragma once

#include <string>

#include "http/message.h"
#include "msgraph/graph_client.h"
#include "msgraph/settings.h"
#include "msgraph/token_provider.h"
#include "testing/support/recording_sleeper.h"
#include "testing/support/scripted_http_client.h"

namespace xlsync::fakes {

inline constexpr std::string_view kGraphBase = "https://graph.microsoft.com/v1.0";

inline msgraph::Settings TestGraphSettings() {
  msgraph::Settings settings;
  settings.tenant_id = "11111111-2222-3333-4444-555555555555";
  settings.client_id = "535fb089-9ff3-47b6-9bfb-4f1264799865";
  settings.client_secret = core::Secret("Xy8Q~ab+cd/ef=gh");
  settings.user_upn = "finance@contoso.com";
  return settings;
}

inline http::Response Reply(int status, std::string body = {}, http::Headers headers = {}) {
  if (!body.empty() && !headers.Get("Content-Type")) {
    headers.Set("Content-Type", "application/json");
  }
  return http::Response{status, std::move(headers), std::move(body)};
}

/// A token endpoint success in the shape of msgraph.md §2.3.
inline http::Response TokenReply(const std::string& token, int expires_in = 3599) {
  return Reply(200, R"({"token_type":"Bearer","expires_in":)" + std::to_string(expires_in) +
                        R"(,"ext_expires_in":)" + std::to_string(expires_in) +
                        R"(,"access_token":")" + token + R"("})");
}

/// A Graph error body in the shape of msgraph.md §3.2, with an optional inner code.
inline http::Response GraphError(int status, const std::string& code, const std::string& message,
                                 const std::string& inner_code = {}, http::Headers headers = {}) {
  std::string inner =
      R"("date":"2024-05-02T10:11:12","request-id":"req-1","client-request-id":"c-1")";
  if (!inner_code.empty()) inner = R"("code":")" + inner_code + R"(",)" + inner;
  return Reply(status,
               R"({"error":{"code":")" + code + R"(","message":")" + message +
                   R"(","innerError":{)" + inner + "}}}",
               std::move(headers));
}

/// The path of a recorded Graph request, without "https://graph.microsoft.com/v1.0".
inline std::string GraphPath(const http::Request& request) {
  return request.url.starts_with(kGraphBase) ? request.url.substr(kGraphBase.size()) : request.url;
}

/// Scripted transport, fake time and a real TokenProvider and GraphClient over them.
struct GraphHarness {
  ScriptedHttpClient http;
  FakeClock clock;
  RecordingSleeper sleeper{&clock};
  msgraph::TokenProvider tokens{http, clock, sleeper, TestGraphSettings()};
  msgraph::GraphClient graph{http, tokens, sleeper, TestGraphSettings()};

  void EnqueueToken(const std::string& token = "token-1") { http.Enqueue(TokenReply(token)); }
};

}  // namespace xlsync::fakes
