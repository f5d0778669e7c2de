#include "store/migrations.h"

#include <array>
#include <string>

namespace xlsync::store {
namespace {

// Version 1: what a single-user CLI needs. Runs keep task_name so history stays readable after
// the task is deleted (task_id becomes NULL); log lines and checkpoints go with their run. The
// partial unique index lets the database itself refuse a second running run of one task.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE odoo_connections (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, url TEXT NOT NULL, database TEXT NOT NULL,
  login TEXT NOT NULL, auth TEXT NOT NULL, protocol TEXT NOT NULL, secret BLOB,
  secret_reference TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE microsoft_connections (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, tenant_id TEXT NOT NULL, client_id TEXT NOT NULL,
  user_upn TEXT NOT NULL, authority_host TEXT NOT NULL, graph_url TEXT NOT NULL, secret BLOB,
  secret_reference TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE tasks (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
  odoo_connection_id INTEGER NOT NULL REFERENCES odoo_connections(id) ON DELETE RESTRICT,
  microsoft_connection_id INTEGER NOT NULL REFERENCES microsoft_connections(id) ON DELETE RESTRICT,
  spec_toml TEXT NOT NULL, workbook_key TEXT NOT NULL DEFAULT '', enabled INTEGER NOT NULL,
  max_attempts INTEGER NOT NULL, retry_backoff_seconds INTEGER NOT NULL,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE schedules (
  id INTEGER PRIMARY KEY, task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  kind TEXT NOT NULL, expression TEXT NOT NULL, time_zone TEXT NOT NULL, enabled INTEGER NOT NULL,
  catch_up INTEGER NOT NULL, next_run_at INTEGER, last_fired_at INTEGER);
CREATE INDEX schedules_task ON schedules (task_id);
CREATE TABLE runs (
  id INTEGER PRIMARY KEY, task_id INTEGER REFERENCES tasks(id) ON DELETE SET NULL,
  task_name TEXT NOT NULL, trigger TEXT NOT NULL, started_by TEXT NOT NULL, status TEXT NOT NULL,
  attempt INTEGER NOT NULL, queued_at INTEGER NOT NULL, not_before INTEGER, started_at INTEGER,
  ended_at INTEGER, rows_read INTEGER NOT NULL DEFAULT 0, rows_written INTEGER NOT NULL DEFAULT 0,
  odoo_requests INTEGER NOT NULL DEFAULT 0, graph_requests INTEGER NOT NULL DEFAULT 0,
  error_message TEXT NOT NULL DEFAULT '', error_code TEXT NOT NULL DEFAULT '',
  lease_owner TEXT NOT NULL DEFAULT '', lease_until INTEGER);
CREATE UNIQUE INDEX runs_one_running_per_task ON runs (task_id) WHERE status = 'running';
CREATE INDEX runs_by_status ON runs (status, queued_at, id);
CREATE INDEX runs_by_task ON runs (task_id, id);
CREATE TABLE run_log (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
  at INTEGER NOT NULL, level TEXT NOT NULL, message TEXT NOT NULL, PRIMARY KEY (run_id, seq));
CREATE TABLE checkpoints (
  run_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE, rows INTEGER NOT NULL,
  last_id INTEGER NOT NULL, digest INTEGER NOT NULL, last_nonempty_row INTEGER NOT NULL,
  updated_at INTEGER NOT NULL);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  object_kind TEXT NOT NULL, object_id INTEGER NOT NULL, object_name TEXT NOT NULL, details TEXT NOT NULL);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
)sql";

// Version 2: the service (issue 4) adds its users, and runs count the retries and throttling
// waits they went through so the history can explain a slow run.
constexpr const char* kVersion2 = R"sql(
CREATE TABLE users (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
  password_hash TEXT NOT NULL DEFAULT '', disabled INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);
ALTER TABLE runs ADD COLUMN retries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN throttle_waits INTEGER NOT NULL DEFAULT 0;
)sql";

constexpr std::array<const char*, kSchemaVersion> kSteps = {kVersion1, kVersion2};

core::Result<int> UserVersion(SqliteDb& db) {
  auto statement = db.Prepare("PRAGMA user_version");
  if (!statement) return std::move(statement).error();
  auto row = statement->Step();
  if (!row) return std::move(row).error();
  return static_cast<int>(statement->Int(0));
}

core::Error TooNew(const SqliteDb& db, int found) {
  return core::Unavailable("The database " + db.path() + " was written by a newer xlsync (schema " +
                               std::to_string(found) + ", this one knows " +
                               std::to_string(kSchemaVersion) + "): upgrade xlsync.",
                           "schemaTooNew");
}

// Each step re-reads the version inside its write transaction: another process opening the same
// file at the same moment may have applied it already.
core::Result<bool> ApplyNextStep(SqliteDb& db, int target_version) {
  auto transaction = SqliteTransaction::Begin(db);
  if (!transaction) return std::move(transaction).error();
  auto version = UserVersion(db);
  if (!version) return std::move(version).error();
  if (*version > kSchemaVersion) return TooNew(db, *version);
  if (*version >= target_version) return false;
  XLSYNC_RETURN_IF_ERROR(db.ExecuteScript(kSteps[static_cast<size_t>(*version)]));
  XLSYNC_RETURN_IF_ERROR(db.ExecuteScript("PRAGMA user_version = " + std::to_string(*version + 1)));
  XLSYNC_RETURN_IF_ERROR(transaction->Commit());
  return true;
}

}  // namespace

core::Result<void> Migrate(SqliteDb& db, int target_version) {
  XLSYNC_CHECK(target_version >= 0 && target_version <= kSchemaVersion);
  auto version = UserVersion(db);
  if (!version) return std::move(version).error();
  if (*version > kSchemaVersion) return TooNew(db, *version);
  for (;;) {
    auto applied = ApplyNextStep(db, target_version);
    if (!applied) return std::move(applied).error();
    if (!*applied) return {};
  }
}

core::Result<void> MigrateForTest(sqlite3* db, int target_version) {
  SqliteDb borrowed = SqliteDb::Borrow(db, "(test database)");
  return Migrate(borrowed, target_version);
}

}  // namespace xlsync::store
