#include "msgraph/workbook_session.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/text.h"
#include "msgraph/json_fields.h"

namespace xlsync::msgraph {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr std::string_view kSessionHeader = "workbook-session-id";
// §6.2: a persistent session expires after ~5 idle minutes; refreshing after 2 leaves margin.
constexpr std::chrono::minutes kKeepAliveAfter{2};
// §6.2 polling: start at 1 s, grow to the suggested 30 s, give up after a few minutes.
constexpr seconds kFirstPoll{1};
constexpr seconds kLongestPoll{30};
constexpr std::chrono::minutes kOperationLimit{5};

enum class Loss { kNone, kRejected, kMaybeApplied };

// §6.2: invalidSession* codes reject the call before it runs, so a replay is always safe; a 502
// or 503 ends the session too, but the call may have been applied.
Loss LossOf(const http::Response& response) {
  const GraphErrorBody body = ParseGraphError(response.body);
  if (HasCode(body, "invalidSessionReCreatable") || HasCode(body, "invalidSessionUnexpected") ||
      HasCode(body, "invalidSessionAuthentication")) {
    return Loss::kRejected;
  }
  if (response.status == 502 || response.status == 503) return Loss::kMaybeApplied;
  return Loss::kNone;
}

}  // namespace

WorkbookSession::WorkbookSession(GraphClient& graph, const core::Clock& clock,
                                 core::Sleeper& sleeper, std::string workbook_path)
    : graph_(graph), clock_(clock), sleeper_(sleeper), path_(std::move(workbook_path)) {}

core::Result<void> WorkbookSession::Create() {
  auto id = RequestSession();
  if (!id) return std::move(id).error();
  id_ = *id;
  last_used_ = clock_.Now();
  ++sessions_created_;
  spdlog::debug("opened Excel session {} on {}", sessions_created_, path_);
  return {};
}

core::Result<std::string> WorkbookSession::RequestSession() {
  GraphRequest request;
  request.method = http::Method::kPost;
  request.path = path_ + "/createSession";
  request.body = R"({"persistChanges":true})";
  request.headers.Set("Prefer", "respond-async");
  // §6.2: createSession may answer 504 and the documented answer is to repeat it; a spare
  // session is harmless, so it is retried like an idempotent call.
  request.idempotency = http::Idempotency::kIdempotent;
  request.what = "opening an Excel session on the workbook";
  auto reply = graph_.Exchange(request);
  if (!reply) return std::move(reply).error();
  if (reply->status == 202) {
    const auto location = reply->headers.Get("Location");
    if (!location) {
      return core::Unavailable(
          "Excel accepted the session request without saying where to "
          "follow it: try again in a few minutes.",
          "HTTP 202");
    }
    return AwaitOperation(*location);
  }
  if (!http::IsSuccess(*reply)) return graph_.ErrorFor(request, *reply);
  auto json = graph_.ParseReply(request, *reply);
  if (!json) return std::move(json).error();
  const std::string id = StringField(*json, "id");
  if (id.empty()) {
    return core::Unavailable("Excel opened a session without an id: try again in a few minutes.",
                             "createSession");
  }
  return id;
}

core::Result<std::string> WorkbookSession::AwaitOperation(const std::string& location) {
  const auto path = graph_.PathOf(location);
  if (!path) {
    return core::Unavailable(
        "Excel answered the session request with an address outside "
        "Microsoft Graph: check the Microsoft Graph address setting.",
        "HTTP 202");
  }
  milliseconds delay = kFirstPoll;
  milliseconds waited{0};
  const std::string what = "waiting for Excel to open the workbook";
  while (true) {
    // The poll carries no session header (§6.2).
    auto operation = graph_.SendJson(http::Method::kGet, *path, nullptr, {},
                                     http::Idempotency::kIdempotent, what);
    if (!operation) return std::move(operation).error();
    const std::string status = core::ToLower(StringField(*operation, "status"));
    if (status == "succeeded") return ReadSessionId(StringField(*operation, "resourceLocation"));
    if (status == "failed") {
      const nlohmann::json* error = Field(*operation, "error");
      const GraphErrorBody body = error ? ParseGraphErrorObject(*error) : GraphErrorBody{};
      return MapGraphError(500, body, CallContext{"GET", *path, what, ""});
    }
    if (waited >= kOperationLimit) {
      return core::Timeout(
          "Excel took more than five minutes to open the workbook: try again "
          "later, or check that the workbook opens in the browser.",
          "operation " + status);
    }
    if (!sleeper_.SleepFor(delay)) {
      return core::Cancelled("The run was stopped while Excel was opening the workbook.");
    }
    waited += delay;
    delay = std::min<milliseconds>(delay * 2, kLongestPoll);
  }
}

core::Result<std::string> WorkbookSession::ReadSessionId(const std::string& location) {
  const auto path = graph_.PathOf(location);
  if (!path) {
    return core::Unavailable(
        "Excel opened the session at an address outside Microsoft Graph: "
        "check the Microsoft Graph address setting.",
        "resourceLocation");
  }
  auto session = graph_.SendJson(http::Method::kGet, *path, nullptr, {},
                                 http::Idempotency::kIdempotent, "reading the new Excel session");
  if (!session) return std::move(session).error();
  const std::string id = StringField(*session, "id");
  if (id.empty()) {
    return core::Unavailable("Excel opened a session without an id: try again in a few minutes.",
                             "sessionInfoResource");
  }
  return id;
}

GraphRequest WorkbookSession::InSession(http::Method method, const std::string& relative,
                                        std::string body, http::Idempotency idempotency,
                                        std::string_view what) const {
  GraphRequest request;
  request.method = method;
  request.path = path_ + relative;
  request.body = std::move(body);
  request.headers.Set(std::string(kSessionHeader), id_);
  request.idempotency = idempotency;
  request.what = std::string(what);
  return request;
}

core::Result<http::Response> WorkbookSession::Send(http::Method method, const std::string& relative,
                                                   std::string body, http::Idempotency idempotency,
                                                   std::string_view what) {
  if (id_.empty()) XLSYNC_RETURN_IF_ERROR(Create());
  for (int round = 1;; ++round) {
    GraphRequest request = InSession(method, relative, body, idempotency, what);
    // The replay in a new session gets the ordinary retries: the session is fresh.
    request.session_bound = round == 1;
    auto reply = graph_.Exchange(request);
    if (!reply) return reply;
    last_used_ = clock_.Now();
    if (http::IsSuccess(*reply)) return reply;
    const Loss loss = LossOf(*reply);
    if (loss == Loss::kNone || round == 2) return graph_.ErrorFor(request, *reply);
    spdlog::info("{}: the Excel session was lost (HTTP {}), opening a new one", what,
                 reply->status);
    id_.clear();
    XLSYNC_RETURN_IF_ERROR(Create());
    // A call that may have been applied is not repeated unless repeating it is harmless.
    if (loss == Loss::kMaybeApplied && idempotency == http::Idempotency::kNonIdempotent) {
      return graph_.ErrorFor(request, *reply);
    }
  }
}

core::Result<void> WorkbookSession::KeepAlive() {
  if (id_.empty() || clock_.Now() - last_used_ < kKeepAliveAfter) return {};
  GraphRequest request =
      InSession(http::Method::kPost, "/refreshSession", "", http::Idempotency::kIdempotent,
                "keeping the Excel session open");
  request.session_bound = true;
  auto reply = graph_.Exchange(request);
  if (!reply) return std::move(reply).error();
  if (http::IsSuccess(*reply)) {
    last_used_ = clock_.Now();
    return {};
  }
  if (LossOf(*reply) == Loss::kNone) return graph_.ErrorFor(request, *reply);
  spdlog::info("the Excel session expired while idle, opening a new one");
  id_.clear();
  return Create();
}

core::Result<void> WorkbookSession::Close() {
  if (id_.empty()) return {};
  GraphRequest request = InSession(http::Method::kPost, "/closeSession", "",
                                   http::Idempotency::kIdempotent, "closing the Excel session");
  request.max_attempts = 2;  // §6.2: a failed close is logged, not fatal; do not hold the run up
  id_.clear();
  auto reply = graph_.Exchange(request);
  if (!reply) {
    spdlog::warn("closing the Excel session failed: {}", reply.error().message);
    return std::move(reply).error();
  }
  if (!http::IsSuccess(*reply)) return graph_.ErrorFor(request, *reply);  // ErrorFor logs it
  return {};
}

}  // namespace xlsync::msgraph
