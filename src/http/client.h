#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "core/result.h"
#include "http/message.h"

namespace xlsync::http {

/// Sends one request and reads the whole reply: no retries, no auth, no JSON.
/// A 4xx/5xx reply is a *successful* exchange; an Error means there was no usable reply
/// (DNS, connect, TLS, timeout, reset), with curl's code name in `upstream`.
/// Thread-safe: share one per process.
class Client {
 public:
  virtual ~Client() = default;
  virtual core::Result<Response> Send(const Request& request) = 0;
};

struct ClientOptions {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds request_timeout{120'000};
  std::string user_agent = "NONISV|xlsync|xlsync/0.1";
  /// Extra CA bundle (PEM file); empty = the system store. TLS is always verified.
  std::string ca_file;
};

/// libcurl with a pool of keep-alive connections and TLS verification; the only user of curl.h.
std::unique_ptr<Client> MakeCurlClient(const ClientOptions& options);

/// Upstream codes the curl client puts on transport errors (curl's own names).
inline constexpr std::string_view kCouldNotConnect = "CURLE_COULDNT_CONNECT";
inline constexpr std::string_view kCouldNotResolve = "CURLE_COULDNT_RESOLVE_HOST";
inline constexpr std::string_view kTimedOut = "CURLE_OPERATION_TIMEDOUT";

/// True when the transport error proves the request never reached the server (nothing could
/// have been applied), so even a non-idempotent call may be replayed.
bool NeverReachedServer(const core::Error& error);

}  // namespace xlsync::http
