#include <bit>
#include <nlohmann/json.hpp>

#include "store/sqlite_store.h"
#include "store/sqlite_store_internal.h"

namespace xlsync::store {
namespace {

using namespace sqlite_internal;

// A line or checkpoint for a run that does not exist trips the foreign key; say which run.
core::Error RunMissingOr(core::Error error, int64_t run_id) {
  if (error.upstream != "foreignKeyConstraint") return error;
  return NoSuchId(kRunKind, run_id);
}

}  // namespace

// seq is computed inside the INSERT, one statement, so it stays gapless per run even with two
// processes appending.
core::Result<void> SqliteStore::AppendRunLog(int64_t run_id, const std::string& level,
                                             const std::string& message) {
  std::lock_guard lock(mutex_);
  auto appended = db_.Execute(
      "INSERT INTO run_log (run_id, seq, at, level, message) "
      "SELECT ?1, COALESCE(MAX(seq), 0) + 1, ?2, ?3, ?4 FROM run_log WHERE run_id = ?1",
      run_id, Now(), level, message);
  if (!appended) return RunMissingOr(std::move(appended).error(), run_id);
  return {};
}

core::Result<std::vector<RunLogLine>> SqliteStore::RunLog(int64_t run_id) {
  std::lock_guard lock(mutex_);
  return QueryAll<RunLogLine>(
      db_, "SELECT run_id, seq, at, level, message FROM run_log WHERE run_id = ?1 ORDER BY seq",
      [](const SqliteStatement& row) {
        return RunLogLine{row.Int(0), row.Int(1), row.Time(2), row.Text(3), row.Text(4)};
      },
      run_id);
}

// SQLite integers are signed 64-bit: the digest is stored bit for bit.
core::Result<void> SqliteStore::SaveCheckpoint(const Checkpoint& c) {
  const core::TimePoint updated_at = c.updated_at == core::TimePoint{} ? Now() : c.updated_at;
  std::lock_guard lock(mutex_);
  auto saved = db_.Execute(
      "INSERT INTO checkpoints (run_id, rows, last_id, digest, last_nonempty_row, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (run_id) DO UPDATE SET rows = excluded.rows, "
      "last_id = excluded.last_id, digest = excluded.digest, last_nonempty_row = "
      "excluded.last_nonempty_row, "
      "updated_at = excluded.updated_at",
      c.run_id, c.rows, c.last_id, std::bit_cast<int64_t>(c.digest), c.last_nonempty_row,
      updated_at);
  if (!saved) return RunMissingOr(std::move(saved).error(), c.run_id);
  return {};
}

core::Result<std::optional<Checkpoint>> SqliteStore::LoadCheckpoint(int64_t run_id) {
  std::lock_guard lock(mutex_);
  auto rows = QueryAll<Checkpoint>(
      db_,
      "SELECT run_id, rows, last_id, digest, last_nonempty_row, updated_at FROM checkpoints WHERE "
      "run_id = ?1",
      [](const SqliteStatement& row) {
        return Checkpoint{row.Int(0), row.Int(1), row.Int(2), std::bit_cast<uint64_t>(row.Int(3)),
                          row.Int(4), row.Time(5)};
      },
      run_id);
  if (!rows) return std::move(rows).error();
  if (rows->empty()) return std::optional<Checkpoint>();
  return std::optional<Checkpoint>(rows->front());
}

core::Result<void> SqliteStore::ClearCheckpoint(int64_t run_id) {
  std::lock_guard lock(mutex_);
  return db_.Execute("DELETE FROM checkpoints WHERE run_id = ?1", run_id);
}

// Empty details are stored as "{}"; anything else must already be JSON (masked by the caller).
core::Result<void> SqliteStore::AppendAudit(const AuditEntry& e) {
  const std::string details = e.details.empty() ? "{}" : e.details;
  if (!nlohmann::json::accept(details)) {
    return core::InvalidInput("The audit entry for " + e.action + " " + e.object_kind + " \"" +
                              e.object_name +
                              "\" has details that are not JSON: pass them as a JSON object.");
  }
  const core::TimePoint at = e.at == core::TimePoint{} ? Now() : e.at;
  std::lock_guard lock(mutex_);
  return db_.Execute(
      "INSERT INTO audit (at, actor, action, object_kind, object_id, object_name, details) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      at, e.actor, e.action, e.object_kind, e.object_id, e.object_name, details);
}

core::Result<std::vector<AuditEntry>> SqliteStore::ListAudit(int limit) {
  std::lock_guard lock(mutex_);
  return QueryAll<AuditEntry>(
      db_,
      "SELECT id, at, actor, action, object_kind, object_id, object_name, details FROM audit ORDER "
      "BY id DESC "
      "LIMIT ?1",
      [](const SqliteStatement& row) {
        return AuditEntry{row.Int(0),  row.Time(1), row.Text(2), row.Text(3),
                          row.Text(4), row.Int(5),  row.Text(6), row.Text(7)};
      },
      limit > 0 ? limit : -1);
}

}  // namespace xlsync::store
