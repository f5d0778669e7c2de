#include "testing/fake_graph/session_store.h"

#include "core/text.h"

namespace xlsync::fakes {

WorkbookSession& SessionStore::Create(std::string drive_id, std::string item_id,
                                      bool persist_changes, core::TimePoint now,
                                      std::unique_ptr<Workbook> scratch) {
  WorkbookSession session;
  // Opaque, long and full of characters that must survive a header (§6.2: never parsed).
  session.id = "cluster=FAKE1&session=" + core::NewGuid() + ".F1.A82.1.V24." + core::NewGuid();
  session.drive_id = std::move(drive_id);
  session.item_id = std::move(item_id);
  session.persist_changes = persist_changes;
  session.last_activity = now;
  session.scratch = std::move(scratch);
  const std::string id = session.id;
  return sessions_.emplace(id, std::move(session)).first->second;
}

WorkbookSession* SessionStore::Use(std::string_view id, std::string_view drive_id,
                                   std::string_view item_id, core::TimePoint now,
                                   std::chrono::milliseconds idle_timeout,
                                   std::chrono::milliseconds scratch_idle_timeout) {
  const auto found = sessions_.find(id);
  if (found == sessions_.end()) return nullptr;
  WorkbookSession& session = found->second;
  const auto timeout = session.persist_changes ? idle_timeout : scratch_idle_timeout;
  if (now - session.last_activity > timeout) {
    sessions_.erase(found);  // Expired: its scratch copy, if any, is gone with it.
    return nullptr;
  }
  if (session.drive_id != drive_id || session.item_id != item_id) return nullptr;
  session.last_activity = now;
  return &session;
}

bool SessionStore::Close(std::string_view id) {
  const auto found = sessions_.find(id);
  if (found == sessions_.end()) return false;
  sessions_.erase(found);
  return true;
}

SessionOperation& SessionStore::AddOperation(std::string drive_id, std::string item_id,
                                             bool persist_changes) {
  SessionOperation operation;
  operation.id = core::NewGuid();
  operation.key = core::NewGuid();
  operation.drive_id = std::move(drive_id);
  operation.item_id = std::move(item_id);
  operation.persist_changes = persist_changes;
  const std::string id = operation.id;
  return operations_.emplace(id, std::move(operation)).first->second;
}

SessionOperation* SessionStore::FindOperation(std::string_view id) {
  const auto found = operations_.find(id);
  return found == operations_.end() ? nullptr : &found->second;
}

SessionOperation* SessionStore::FindOperationByKey(std::string_view key) {
  for (auto& [id, operation] : operations_) {
    if (operation.key == key) return &operation;
  }
  return nullptr;
}

WorkbookSession* SessionStore::Find(std::string_view id) {
  const auto found = sessions_.find(id);
  return found == sessions_.end() ? nullptr : &found->second;
}

std::vector<std::string> SessionStore::Ids() const {
  std::vector<std::string> ids;
  for (const auto& [id, session] : sessions_) ids.push_back(id);
  return ids;
}

void SessionStore::Clear() {
  sessions_.clear();
  operations_.clear();
}

}  // namespace xlsync::fakes
