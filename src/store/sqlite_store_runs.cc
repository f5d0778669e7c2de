#include "store/sqlite_store.h"

#include <limits>

#include "store/sqlite_store_internal.h"

namespace xlsync::store {
namespace {

using namespace sqlite_internal;

constexpr const char* kRunColumns =
    "SELECT id, COALESCE(task_id, 0), task_name, trigger, started_by, status, attempt, queued_at, "
    "not_before, "
    "started_at, ended_at, rows_read, rows_written, odoo_requests, graph_requests, retries, "
    "throttle_waits, "
    "error_message, error_code, lease_owner, lease_until FROM runs ";

Run ReadRun(const SqliteStatement& row) {
  return Run{row.Int(0),
             row.Int(1),
             row.Text(2),
             row.Text(3),
             row.Text(4),
             row.Text(5),
             static_cast<int>(row.Int(6)),
             row.Time(7),
             row.OptionalTime(8),
             row.OptionalTime(9),
             row.OptionalTime(10),
             row.Int(11),
             row.Int(12),
             row.Int(13),
             row.Int(14),
             row.Int(15),
             row.Int(16),
             row.Text(17),
             row.Text(18),
             row.Text(19),
             row.OptionalTime(20)};
}

int64_t ReadInt(const SqliteStatement& row) { return row.Int(0); }

bool IsFinal(const std::string& status) {
  return status == "succeeded" || status == "failed" || status == "cancelled";
}

core::Result<void> ValidateStatus(const std::string& status) {
  if (IsFinal(status) || status == "queued" || status == "running" || status == "interrupted")
    return {};
  return core::InvalidInput(
      "The run status \"" + status +
      "\" is not known: use queued, running, succeeded, failed, interrupted or cancelled.");
}

}  // namespace

core::Result<Run> SqliteStore::LoadRun(int64_t id) {
  return QueryOne<Run>(db_, std::string(kRunColumns) + "WHERE id = ?1", ReadRun,
                       NoSuchId(kRunKind, id), id);
}

// Coalescing and the insert share one write transaction, so two triggers racing (CLI and
// service) still leave a single queued run.
core::Result<Enqueued> SqliteStore::EnqueueRun(const Run& run) {
  std::lock_guard lock(mutex_);
  auto transaction = SqliteTransaction::Begin(db_);
  if (!transaction) return std::move(transaction).error();
  auto task_name = QueryOne<std::string>(
      db_, "SELECT name FROM tasks WHERE id = ?1",
      [](const SqliteStatement& row) { return row.Text(0); }, NoSuchId(kTaskKind, run.task_id),
      run.task_id);
  if (!task_name) return std::move(task_name).error();
  auto waiting = QueryAll<int64_t>(db_,
                                   "SELECT id FROM runs WHERE task_id = ?1 AND status = 'queued' "
                                   "AND trigger <> 'resume' ORDER BY id LIMIT 1",
                                   ReadInt, run.task_id);
  if (!waiting) return std::move(waiting).error();
  if (!waiting->empty()) return Enqueued{waiting->front(), true};
  const core::TimePoint queued_at = run.queued_at == core::TimePoint{} ? Now() : run.queued_at;
  XLSYNC_RETURN_IF_ERROR(
      db_.Execute("INSERT INTO runs (task_id, task_name, trigger, started_by, status, attempt, "
                  "queued_at, not_before) "
                  "VALUES (?1, ?2, ?3, ?4, 'queued', ?5, ?6, ?7)",
                  run.task_id, *task_name, run.trigger, run.started_by, run.attempt, queued_at,
                  run.not_before));
  const int64_t id = db_.LastInsertId();
  XLSYNC_RETURN_IF_ERROR(transaction->Commit());
  return Enqueued{id, false};
}

// The oldest queued run that may start: its wait is over, its task is not running, and no task
// writing the same workbook is running (they would fight over the workbook session).
core::Result<std::optional<int64_t>> SqliteStore::PickClaimableRun(core::TimePoint now, int max_running,
                                                                   std::optional<int64_t> only_run) {
  auto running =
      QueryOne<int64_t>(db_, "SELECT COUNT(*) FROM runs WHERE status = 'running'", ReadInt,
                        core::Internal("Counting running runs returned nothing."));
  if (!running) return std::move(running).error();
  if (*running >= max_running) return std::optional<int64_t>();
  auto candidates = QueryAll<int64_t>(
      db_,
      "SELECT r.id FROM runs r JOIN tasks t ON t.id = r.task_id "
      "WHERE r.status = 'queued' AND (r.not_before IS NULL OR r.not_before <= ?1) "
      "AND NOT EXISTS (SELECT 1 FROM runs x WHERE x.status = 'running' "
      "AND x.task_id = r.task_id) "
      "AND (t.workbook_key = '' OR NOT EXISTS (SELECT 1 FROM runs x JOIN tasks xt "
      "ON xt.id = x.task_id WHERE x.status = 'running' "
      "AND xt.workbook_key = t.workbook_key)) "
      "AND (?2 = 0 OR r.id = ?2) "
      "ORDER BY r.queued_at, r.id LIMIT 1",
      ReadInt, now, only_run.value_or(0));
  if (!candidates) return std::move(candidates).error();
  if (candidates->empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(candidates->front());
}

core::Result<std::optional<Run>> SqliteStore::ClaimNextRun(const std::string& owner,
                                                           core::TimePoint now,
                                                           core::TimePoint lease_until,
                                                           int max_running) {
  return ClaimPicked(std::nullopt, owner, now, lease_until, max_running);
}

core::Result<std::optional<Run>> SqliteStore::ClaimRun(int64_t run_id, const std::string& owner, core::TimePoint now,
                                                       core::TimePoint lease_until) {
  return ClaimPicked(run_id, owner, now, lease_until, std::numeric_limits<int>::max());
}

core::Result<void> SqliteStore::RetryRun(int64_t run_id, core::TimePoint not_before) {
  std::lock_guard lock(mutex_);
  XLSYNC_RETURN_IF_ERROR(
      db_.Execute("UPDATE runs SET status = 'queued', attempt = attempt + 1, not_before = ?1, lease_owner = '', "
                  "lease_until = NULL, ended_at = NULL WHERE id = ?2 AND status = 'failed'",
                  not_before, run_id));
  if (db_.Changes() > 0) return {};
  auto run = LoadRun(run_id);
  if (!run) return std::move(run).error();
  return core::Conflict("The run " + std::to_string(run_id) + " has not failed (" + run->status +
                            "), so it is not tried again.",
                        "runNotFailed");
}

core::Result<std::optional<Run>> SqliteStore::ClaimPicked(std::optional<int64_t> only_run, const std::string& owner,
                                                          core::TimePoint now, core::TimePoint lease_until,
                                                          int max_running) {
  std::lock_guard lock(mutex_);
  auto transaction = SqliteTransaction::Begin(db_);
  if (!transaction) return std::move(transaction).error();
  auto picked = PickClaimableRun(now, max_running, only_run);
  if (!picked) return std::move(picked).error();
  if (!*picked) return std::optional<Run>();
  XLSYNC_RETURN_IF_ERROR(
      db_.Execute("UPDATE runs SET status = 'running', lease_owner = ?1, lease_until = ?2, "
                  "started_at = COALESCE(started_at, ?3) "
                  "WHERE id = ?4",
                  owner, lease_until, now, **picked));
  auto run = LoadRun(**picked);
  if (!run) return std::move(run).error();
  XLSYNC_RETURN_IF_ERROR(transaction->Commit());
  return std::optional<Run>(std::move(*run));
}

core::Result<void> SqliteStore::RequeueRun(int64_t run_id) {
  std::lock_guard lock(mutex_);
  XLSYNC_RETURN_IF_ERROR(
      db_.Execute("UPDATE runs SET status = 'queued', lease_owner = '', lease_until = NULL "
                  "WHERE id = ?1 AND status IN ('queued', 'running', 'interrupted')",
                  run_id));
  if (db_.Changes() > 0) return {};
  auto run = LoadRun(run_id);
  if (!run) return std::move(run).error();
  return core::Conflict("The run " + std::to_string(run_id) + " has already ended (" + run->status +
                            "): start a new run instead.",
                        "runEnded");
}

core::Result<void> SqliteStore::RenewLease(int64_t run_id, const std::string& owner,
                                           core::TimePoint lease_until) {
  std::lock_guard lock(mutex_);
  XLSYNC_RETURN_IF_ERROR(db_.Execute(
      "UPDATE runs SET lease_until = ?1 WHERE id = ?2 AND lease_owner = ?3 AND status = 'running'",
      lease_until, run_id, owner));
  if (db_.Changes() > 0) return {};
  auto run = LoadRun(run_id);
  if (!run) return std::move(run).error();
  return core::Conflict("The run " + std::to_string(run_id) +
                            " is no longer leased to this worker (lost lease): stop working on it.",
                        "leaseLost");
}

// A final status stamps the end (the caller's ended_at, else now) and ends the lease; the owner
// stays on the row so the history shows which process ran it.
core::Result<void> SqliteStore::UpdateRun(const Run& run) {
  XLSYNC_RETURN_IF_ERROR(ValidateStatus(run.status));
  const bool ends = IsFinal(run.status);
  const std::optional<core::TimePoint> ended_at =
      ends ? std::optional(run.ended_at.value_or(Now())) : run.ended_at;
  std::lock_guard lock(mutex_);
  auto updated =
      ChangeOne(db_,
                "UPDATE runs SET status = ?1, attempt = ?2, rows_read = ?3, rows_written = ?4, "
                "odoo_requests = ?5, graph_requests = ?6, retries = ?7, throttle_waits = ?8, "
                "error_message = ?9, error_code = ?10, ended_at = ?11, "
                "lease_until = CASE WHEN ?12 THEN NULL ELSE lease_until END WHERE id = ?13",
                NoSuchId(kRunKind, run.id), run.status, run.attempt, run.rows_read,
                run.rows_written, run.odoo_requests, run.graph_requests, run.retries,
                run.throttle_waits, run.error_message, run.error_code, ended_at, ends, run.id);
  if (!updated && updated.error().upstream == "uniqueConstraint") {
    updated.error().message =
        "The task of run " + std::to_string(run.id) +
        " already has a running run: wait for it to end before starting another.";
  }
  return updated;
}

core::Result<Run> SqliteStore::GetRun(int64_t id) {
  std::lock_guard lock(mutex_);
  return LoadRun(id);
}

core::Result<std::vector<Run>> SqliteStore::ListRuns(const RunFilter& filter) {
  std::lock_guard lock(mutex_);
  return QueryAll<Run>(
      db_,
      std::string(kRunColumns) +
          "WHERE (?1 = 0 OR task_id = ?2) AND (?3 = 0 OR status = ?4) ORDER BY id DESC LIMIT ?5",
      ReadRun, filter.task_id.has_value(), filter.task_id.value_or(0), filter.status.has_value(),
      filter.status.value_or(""), filter.limit > 0 ? filter.limit : -1);
}

// Log lines and checkpoints go with their run (ON DELETE CASCADE).
core::Result<int64_t> SqliteStore::PruneRuns(core::TimePoint before) {
  std::lock_guard lock(mutex_);
  XLSYNC_RETURN_IF_ERROR(db_.Execute(
      "DELETE FROM runs WHERE status IN ('succeeded', 'failed', 'cancelled') AND ended_at < ?1",
      before));
  return db_.Changes();
}

}  // namespace xlsync::store
