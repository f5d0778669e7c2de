#include "store/sqlite_store.h"
#include "store/sqlite_store_internal.h"

namespace xlsync::store {
namespace {

using namespace sqlite_internal;

constexpr const char* kTaskColumns =
    "SELECT id, name, odoo_connection_id, microsoft_connection_id, spec_toml, workbook_key, "
    "enabled, max_attempts, "
    "retry_backoff_seconds, created_at, updated_at FROM tasks ";
constexpr const char* kScheduleColumns =
    "SELECT id, task_id, kind, expression, time_zone, enabled, catch_up, next_run_at, "
    "last_fired_at FROM schedules ";
constexpr const char* kUserColumns =
    "SELECT id, name, role, password_hash, disabled, created_at FROM users ";

Task ReadTask(const SqliteStatement& row) {
  return Task{row.Int(0),
              row.Text(1),
              row.Int(2),
              row.Int(3),
              row.Text(4),
              row.Text(5),
              row.Bool(6),
              static_cast<int>(row.Int(7)),
              static_cast<int>(row.Int(8)),
              row.Time(9),
              row.Time(10)};
}

Schedule ReadSchedule(const SqliteStatement& row) {
  return Schedule{row.Int(0),  row.Int(1),  row.Text(2),         row.Text(3),        row.Text(4),
                  row.Bool(5), row.Bool(6), row.OptionalTime(7), row.OptionalTime(8)};
}

User ReadUser(const SqliteStatement& row) {
  return User{row.Int(0), row.Text(1), row.Text(2), row.Text(3), row.Bool(4), row.Time(5)};
}

core::Result<void> ValidateTask(const Task& task) {
  if (task.name.empty()) return NeedsName(kTaskKind);
  if (task.max_attempts < 1 || task.retry_backoff_seconds < 0) {
    return core::InvalidInput("The task \"" + task.name +
                              "\" needs at least 1 attempt and a backoff of 0 seconds or more: "
                              "correct its retry settings.");
  }
  return {};
}

core::Result<void> ValidateSchedule(const Schedule& schedule) {
  if (schedule.kind != "cron" && schedule.kind != "interval") {
    return core::InvalidInput("The schedule kind \"" + schedule.kind +
                              "\" is not known: use cron or interval.");
  }
  return {};
}

core::Result<void> ValidateUser(const User& user) {
  if (user.name.empty()) return NeedsName(kUserKind);
  if (user.role != "admin" && user.role != "editor" && user.role != "operator" &&
      user.role != "viewer") {
    return core::InvalidInput("The role \"" + user.role +
                              "\" is not known: use admin, editor, operator or viewer.");
  }
  return {};
}

// Names the missing connection instead of SQLite's bare "FOREIGN KEY constraint failed".
core::Result<void> CheckConnections(SqliteDb& db, const Task& task) {
  auto read = [](const SqliteStatement& row) { return row.Int(0); };
  auto odoo =
      QueryOne<int64_t>(db, "SELECT id FROM odoo_connections WHERE id = ?1", read,
                        NoSuchId(kOdooKind, task.odoo_connection_id), task.odoo_connection_id);
  if (!odoo) return std::move(odoo).error();
  auto microsoft = QueryOne<int64_t>(db, "SELECT id FROM microsoft_connections WHERE id = ?1", read,
                                     NoSuchId(kMicrosoftKind, task.microsoft_connection_id),
                                     task.microsoft_connection_id);
  if (!microsoft) return std::move(microsoft).error();
  return {};
}

}  // namespace

core::Result<int64_t> SqliteStore::CreateTask(const Task& t) {
  XLSYNC_RETURN_IF_ERROR(ValidateTask(t));
  const core::TimePoint now = Now();
  std::lock_guard lock(mutex_);
  XLSYNC_RETURN_IF_ERROR(CheckConnections(db_, t));
  auto inserted = db_.Execute(
      "INSERT INTO tasks (name, odoo_connection_id, microsoft_connection_id, spec_toml, "
      "workbook_key, enabled, "
      "max_attempts, retry_backoff_seconds, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, "
      "?6, ?7, ?8, ?9, ?10)",
      t.name, t.odoo_connection_id, t.microsoft_connection_id, t.spec_toml, t.workbook_key,
      t.enabled, t.max_attempts, t.retry_backoff_seconds, now, now);
  if (!inserted) return NameTakenOr(std::move(inserted).error(), kTaskKind, t.name);
  return db_.LastInsertId();
}

core::Result<void> SqliteStore::UpdateTask(const Task& t) {
  XLSYNC_RETURN_IF_ERROR(ValidateTask(t));
  std::lock_guard lock(mutex_);
  XLSYNC_RETURN_IF_ERROR(CheckConnections(db_, t));
  auto updated = ChangeOne(
      db_,
      "UPDATE tasks SET name = ?1, odoo_connection_id = ?2, microsoft_connection_id = ?3, "
      "spec_toml = ?4, workbook_key = ?5, enabled = ?6, max_attempts = ?7, "
      "retry_backoff_seconds = ?8, updated_at = ?9 WHERE id = ?10",
      NoSuchId(kTaskKind, t.id), t.name, t.odoo_connection_id, t.microsoft_connection_id,
      t.spec_toml, t.workbook_key, t.enabled, t.max_attempts, t.retry_backoff_seconds, Now(), t.id);
  if (!updated) return NameTakenOr(std::move(updated).error(), kTaskKind, t.name);
  return {};
}

core::Result<Task> SqliteStore::GetTask(int64_t id) {
  std::lock_guard lock(mutex_);
  return QueryOne<Task>(db_, std::string(kTaskColumns) + "WHERE id = ?1", ReadTask,
                        NoSuchId(kTaskKind, id), id);
}

core::Result<Task> SqliteStore::FindTask(const std::string& name) {
  std::lock_guard lock(mutex_);
  return QueryOne<Task>(db_, std::string(kTaskColumns) + "WHERE name = ?1", ReadTask,
                        NoSuchName(kTaskKind, name), name);
}

core::Result<std::vector<Task>> SqliteStore::ListTasks() {
  std::lock_guard lock(mutex_);
  return QueryAll<Task>(db_, std::string(kTaskColumns) + "ORDER BY name", ReadTask);
}

// Schedules go with the task (ON DELETE CASCADE); runs keep their task_name and lose the task_id
// (ON DELETE SET NULL). Runs still waiting are cancelled: nothing could ever claim them.
core::Result<void> SqliteStore::DeleteTask(int64_t id) {
  std::lock_guard lock(mutex_);
  auto transaction = SqliteTransaction::Begin(db_);
  if (!transaction) return std::move(transaction).error();
  XLSYNC_RETURN_IF_ERROR(
      db_.Execute("UPDATE runs SET status = 'cancelled', ended_at = ?1, error_message = 'The task "
                  "was deleted.' "
                  "WHERE task_id = ?2 AND status = 'queued'",
                  Now(), id));
  XLSYNC_RETURN_IF_ERROR(
      ChangeOne(db_, "DELETE FROM tasks WHERE id = ?1", NoSuchId(kTaskKind, id), id));
  return transaction->Commit();
}

core::Result<int64_t> SqliteStore::CreateSchedule(const Schedule& s) {
  XLSYNC_RETURN_IF_ERROR(ValidateSchedule(s));
  std::lock_guard lock(mutex_);
  auto task = QueryOne<int64_t>(
      db_, "SELECT id FROM tasks WHERE id = ?1",
      [](const SqliteStatement& row) { return row.Int(0); }, NoSuchId(kTaskKind, s.task_id),
      s.task_id);
  if (!task) return std::move(task).error();
  XLSYNC_RETURN_IF_ERROR(
      db_.Execute("INSERT INTO schedules (task_id, kind, expression, time_zone, enabled, catch_up, "
                  "next_run_at, last_fired_at) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                  s.task_id, s.kind, s.expression, s.time_zone, s.enabled, s.catch_up,
                  s.next_run_at, s.last_fired_at));
  return db_.LastInsertId();
}

core::Result<void> SqliteStore::UpdateSchedule(const Schedule& s) {
  XLSYNC_RETURN_IF_ERROR(ValidateSchedule(s));
  std::lock_guard lock(mutex_);
  return ChangeOne(db_,
                   "UPDATE schedules SET kind = ?1, expression = ?2, time_zone = ?3, enabled = ?4, "
                   "catch_up = ?5, "
                   "next_run_at = ?6, last_fired_at = ?7 WHERE id = ?8",
                   NoSuchId(kScheduleKind, s.id), s.kind, s.expression, s.time_zone, s.enabled,
                   s.catch_up, s.next_run_at, s.last_fired_at, s.id);
}

core::Result<std::vector<Schedule>> SqliteStore::ListSchedules(std::optional<int64_t> task_id) {
  std::lock_guard lock(mutex_);
  if (task_id) {
    return QueryAll<Schedule>(db_, std::string(kScheduleColumns) + "WHERE task_id = ?1 ORDER BY id",
                              ReadSchedule, *task_id);
  }
  return QueryAll<Schedule>(db_, std::string(kScheduleColumns) + "ORDER BY id", ReadSchedule);
}

core::Result<void> SqliteStore::DeleteSchedule(int64_t id) {
  std::lock_guard lock(mutex_);
  return ChangeOne(db_, "DELETE FROM schedules WHERE id = ?1", NoSuchId(kScheduleKind, id), id);
}

core::Result<void> SqliteStore::MarkScheduleFired(int64_t id, core::TimePoint fired_at,
                                                  std::optional<core::TimePoint> next_run_at) {
  std::lock_guard lock(mutex_);
  return ChangeOne(db_, "UPDATE schedules SET last_fired_at = ?1, next_run_at = ?2 WHERE id = ?3",
                   NoSuchId(kScheduleKind, id), fired_at, next_run_at, id);
}

core::Result<int64_t> SqliteStore::CreateUser(const User& u) {
  XLSYNC_RETURN_IF_ERROR(ValidateUser(u));
  std::lock_guard lock(mutex_);
  auto inserted = db_.Execute(
      "INSERT INTO users (name, role, password_hash, disabled, created_at) VALUES (?1, ?2, ?3, ?4, "
      "?5)",
      u.name, u.role, u.password_hash, u.disabled, Now());
  if (!inserted) return NameTakenOr(std::move(inserted).error(), kUserKind, u.name);
  return db_.LastInsertId();
}

core::Result<void> SqliteStore::UpdateUser(const User& u) {
  XLSYNC_RETURN_IF_ERROR(ValidateUser(u));
  std::lock_guard lock(mutex_);
  auto updated = ChangeOne(
      db_, "UPDATE users SET name = ?1, role = ?2, password_hash = ?3, disabled = ?4 WHERE id = ?5",
      NoSuchId(kUserKind, u.id), u.name, u.role, u.password_hash, u.disabled, u.id);
  if (!updated) return NameTakenOr(std::move(updated).error(), kUserKind, u.name);
  return {};
}

core::Result<User> SqliteStore::FindUser(const std::string& name) {
  std::lock_guard lock(mutex_);
  return QueryOne<User>(db_, std::string(kUserColumns) + "WHERE name = ?1", ReadUser,
                        NoSuchName(kUserKind, name), name);
}

core::Result<std::vector<User>> SqliteStore::ListUsers() {
  std::lock_guard lock(mutex_);
  return QueryAll<User>(db_, std::string(kUserColumns) + "ORDER BY name", ReadUser);
}

core::Result<void> SqliteStore::DeleteUser(int64_t id) {
  std::lock_guard lock(mutex_);
  return ChangeOne(db_, "DELETE FROM users WHERE id = ?1", NoSuchId(kUserKind, id), id);
}

}  // namespace xlsync::store
