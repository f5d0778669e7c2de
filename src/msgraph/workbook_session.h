#pragma once

#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "core/sleeper.h"
#include "msgraph/graph_client.h"

namespace xlsync::msgraph {

/// One persistent Excel session on one workbook (msgraph.md §6.2): created with
/// persistChanges:true (201, or 202 and operation polling), kept alive when idle for 2 minutes,
/// re-created and the call replayed when Excel reports it lost, closed at the end.
/// Not thread-safe: one writer per workbook (§4.1).
class WorkbookSession {
 public:
  /// `workbook_path` is "/drives/{d}/items/{i}/workbook".
  WorkbookSession(GraphClient& graph, const core::Clock& clock, core::Sleeper& sleeper,
                  std::string workbook_path);

  core::Result<void> Create();
  core::Result<void> KeepAlive();
  core::Result<void> Close();

  /// Sends one call inside the session (creating it first when needed); `relative` follows the
  /// workbook path ("/worksheets"). Returns only 2xx replies; anything else is a mapped Error.
  core::Result<http::Response> Send(http::Method method, const std::string& relative,
                                    std::string body, http::Idempotency idempotency,
                                    std::string_view what);

  bool is_open() const { return !id_.empty(); }
  const std::string& path() const { return path_; }
  int sessions_created() const { return sessions_created_; }

 private:
  core::Result<std::string> RequestSession();
  core::Result<std::string> AwaitOperation(const std::string& location);
  core::Result<std::string> ReadSessionId(const std::string& path);
  GraphRequest InSession(http::Method method, const std::string& relative, std::string body,
                         http::Idempotency idempotency, std::string_view what) const;

  GraphClient& graph_;
  const core::Clock& clock_;
  core::Sleeper& sleeper_;
  const std::string path_;
  std::string id_;
  core::TimePoint last_used_{};
  int sessions_created_ = 0;
};

}  // namespace xlsync::msgraph
