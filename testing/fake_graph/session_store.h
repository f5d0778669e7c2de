#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "testing/fake_graph/workbook.h"

namespace xlsync::fakes {

/// One workbook session (msgraph.md §6.2). A persistChanges:false session works on a scratch
/// copy of the workbook that disappears with the session.
struct WorkbookSession {
  std::string id;
  std::string drive_id;
  std::string item_id;
  bool persist_changes = true;
  core::TimePoint last_activity;
  std::unique_ptr<Workbook> scratch;
};

/// A createSession that answered 202: polled through operations/{id} (§6.2).
struct SessionOperation {
  std::string id;
  std::string drive_id;
  std::string item_id;
  bool persist_changes = true;
  int polls = 0;
  std::string session_id;  // set once the operation has succeeded
  std::string key;         // sessionInfoResource(key='...')
};

/// Sessions and pending createSession operations. Not thread-safe: callers hold the state lock.
class SessionStore {
 public:
  WorkbookSession& Create(std::string drive_id, std::string item_id, bool persist_changes,
                          core::TimePoint now, std::unique_ptr<Workbook> scratch);
  /// The live session for that workbook, touched; nullptr when unknown, closed, killed, bound to
  /// another workbook or idle past its timeout (then it is dropped).
  WorkbookSession* Use(std::string_view id, std::string_view drive_id, std::string_view item_id,
                       core::TimePoint now, std::chrono::milliseconds idle_timeout,
                       std::chrono::milliseconds scratch_idle_timeout);
  bool Close(std::string_view id);
  bool Kill(std::string_view id) { return Close(id); }
  void KillAll() { sessions_.clear(); }
  std::vector<std::string> Ids() const;

  SessionOperation& AddOperation(std::string drive_id, std::string item_id, bool persist_changes);
  SessionOperation* FindOperation(std::string_view id);
  SessionOperation* FindOperationByKey(std::string_view key);
  WorkbookSession* Find(std::string_view id);
  void Clear();

 private:
  std::map<std::string, WorkbookSession, std::less<>> sessions_;
  std::map<std::string, SessionOperation, std::less<>> operations_;
};

}  // namespace xlsync::fakes
