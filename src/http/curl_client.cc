#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/text.h"
#include "http/client.h"
#include "http/url.h"

namespace xlsync::http {
namespace {

size_t AppendBody(char* data, size_t size, size_t count, void* target) {
  static_cast<std::string*>(target)->append(data, size * count);
  return size * count;
}

size_t AppendHeader(char* data, size_t size, size_t count, void* target) {
  auto& headers = *static_cast<Headers*>(target);
  std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    headers = Headers();  // A new status line (after 100 Continue): start over.
  } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
    headers.Add(std::string(core::Trim(line.substr(0, colon))),
                std::string(core::Trim(line.substr(colon + 1))));
  }
  return size * count;
}

struct CurlListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

/// Keeps idle easy handles so their connections (keep-alive, TLS sessions) are reused.
class CurlClient final : public Client {
 public:
  explicit CurlClient(ClientOptions options) : options_(std::move(options)) {}
  ~CurlClient() override {
    for (CURL* handle : idle_) curl_easy_cleanup(handle);
  }
  CurlClient(const CurlClient&) = delete;
  CurlClient& operator=(const CurlClient&) = delete;

  core::Result<Response> Send(const Request& request) override {
    CURL* handle = Acquire();
    const auto start = std::chrono::steady_clock::now();
    auto result = Perform(handle, request);
    Release(handle);
    if (result && spdlog::should_log(spdlog::level::debug)) {
      // The origin only: paths can carry sharing links and queries can carry filters.
      const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::steady_clock::now() - start);
      spdlog::debug("HTTP {} {} -> {}: {} bytes sent, {} received in {} ms",
                    MethodName(request.method), OriginOf(request.url), result->status,
                    request.body.size(), result->body.size(), took.count());
    }
    return result;
  }

 private:
  CURL* Acquire() {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        CURL* handle = idle_.back();
        idle_.pop_back();
        curl_easy_reset(handle);  // Keeps the handle's live connections and caches.
        return handle;
      }
    }
    return curl_easy_init();
  }

  void Release(CURL* handle) {
    std::lock_guard lock(mutex_);
    idle_.push_back(handle);
  }

  core::Result<Response> Perform(CURL* handle, const Request& request) {
    Response response;
    std::unique_ptr<curl_slist, CurlListDeleter> header_list;
    curl_slist* list = curl_slist_append(nullptr, "Expect:");  // No 100-continue round trip.
    for (const auto& [name, value] : request.headers.items()) {
      list = curl_slist_append(list, (name + ": " + value).c_str());
    }
    header_list.reset(list);

    curl_easy_setopt(handle, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, header_list.get());
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.ca_file.empty()) curl_easy_setopt(handle, CURLOPT_CAINFO, options_.ca_file.c_str());
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(options_.connect_timeout.count()));
    const auto timeout = request.timeout.count() > 0 ? request.timeout : options_.request_timeout;
    curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, AppendBody);
    curl_easy_setopt(handle, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, AppendHeader);
    curl_easy_setopt(handle, CURLOPT_HEADERDATA, &response.headers);

    const bool has_body = request.method != Method::kGet &&
                          (request.method != Method::kDelete || !request.body.empty());
    if (request.method == Method::kGet) {
      curl_easy_setopt(handle, CURLOPT_HTTPGET, 1L);
    } else {
      curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, std::string(MethodName(request.method)).c_str());
    }
    if (has_body) {
      curl_easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.data());
      curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE,
                       static_cast<curl_off_t>(request.body.size()));
    }

    const CURLcode code = curl_easy_perform(handle);
    if (code != CURLE_OK) return TransportError(code, request);
    long status = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    return response;
  }

  static core::Error TransportError(CURLcode code, const Request& request) {
    const std::string where = OriginOf(request.url);
    std::string upstream = CurlCodeName(code);
    core::Error error =
        code == CURLE_OPERATION_TIMEDOUT
            ? core::Timeout("No answer from " + where + " in time: check that the service is "
                            "up and reachable, then try again.", upstream)
            : core::Unavailable("Could not reach " + where + " (" + curl_easy_strerror(code) +
                                    "): check the address and your network, then try again.",
                                upstream);
    error.detail += " " + std::string(MethodName(request.method)) + " " + where;
    return error;
  }

  static std::string CurlCodeName(CURLcode code) {
    switch (code) {
      case CURLE_COULDNT_CONNECT: return std::string(kCouldNotConnect);
      case CURLE_COULDNT_RESOLVE_HOST: return std::string(kCouldNotResolve);
      case CURLE_OPERATION_TIMEDOUT: return std::string(kTimedOut);
      case CURLE_GOT_NOTHING: return "CURLE_GOT_NOTHING";
      case CURLE_RECV_ERROR: return "CURLE_RECV_ERROR";
      case CURLE_SEND_ERROR: return "CURLE_SEND_ERROR";
      case CURLE_PARTIAL_FILE: return "CURLE_PARTIAL_FILE";
      case CURLE_SSL_CONNECT_ERROR: return "CURLE_SSL_CONNECT_ERROR";
      case CURLE_PEER_FAILED_VERIFICATION: return "CURLE_PEER_FAILED_VERIFICATION";
      case CURLE_UNSUPPORTED_PROTOCOL: return "CURLE_UNSUPPORTED_PROTOCOL";
      case CURLE_URL_MALFORMAT: return "CURLE_URL_MALFORMAT";
      default: return "CURLE_" + std::to_string(static_cast<int>(code));
    }
  }

  ClientOptions options_;
  std::mutex mutex_;
  std::vector<CURL*> idle_;
};

}  // namespace

std::unique_ptr<Client> MakeCurlClient(const ClientOptions& options) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  return std::make_unique<CurlClient>(options);
}

bool NeverReachedServer(const core::Error& error) {
  return error.upstream == kCouldNotConnect || error.upstream == kCouldNotResolve;
}

}  // namespace xlsync::http
