#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "store/secret_box.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace xlsync::store {

/// The embedded Store: one SQLite file (WAL, so the CLI and the service may share it), secrets
/// sealed with the master key. Thread-safe: one connection behind a mutex. Deleted tasks leave
/// their runs with task_id 0 and their task_name, until pruned.
class SqliteStore final : public Store {
 public:
  /// Opens or creates the database (":memory:" for tests), upgrades its schema, and checks that
  /// `box` holds the key the database was created with (PermissionDenied "keyMismatch" if not).
  static core::Result<std::unique_ptr<SqliteStore>> Open(const std::string& path, SecretBox box);

  core::Result<int64_t> CreateOdooConnection(const OdooConnection& connection) override;
  core::Result<void> UpdateOdooConnection(const OdooConnection& connection) override;
  core::Result<void> SetOdooSecret(int64_t id, const core::Secret& secret) override;
  core::Result<OdooConnection> GetOdooConnection(int64_t id) override;
  core::Result<OdooConnection> FindOdooConnection(const std::string& name) override;
  core::Result<std::vector<OdooConnection>> ListOdooConnections() override;
  core::Result<core::Secret> OdooSecret(int64_t id) override;
  core::Result<void> DeleteOdooConnection(int64_t id) override;

  core::Result<int64_t> CreateMicrosoftConnection(const MicrosoftConnection& connection) override;
  core::Result<void> UpdateMicrosoftConnection(const MicrosoftConnection& connection) override;
  core::Result<void> SetMicrosoftSecret(int64_t id, const core::Secret& secret) override;
  core::Result<MicrosoftConnection> GetMicrosoftConnection(int64_t id) override;
  core::Result<MicrosoftConnection> FindMicrosoftConnection(const std::string& name) override;
  core::Result<std::vector<MicrosoftConnection>> ListMicrosoftConnections() override;
  core::Result<core::Secret> MicrosoftSecret(int64_t id) override;
  core::Result<void> DeleteMicrosoftConnection(int64_t id) override;

  core::Result<int64_t> CreateTask(const Task& task) override;
  core::Result<void> UpdateTask(const Task& task) override;
  core::Result<Task> GetTask(int64_t id) override;
  core::Result<Task> FindTask(const std::string& name) override;
  core::Result<std::vector<Task>> ListTasks() override;
  core::Result<void> DeleteTask(int64_t id) override;

  core::Result<int64_t> CreateSchedule(const Schedule& schedule) override;
  core::Result<void> UpdateSchedule(const Schedule& schedule) override;
  core::Result<std::vector<Schedule>> ListSchedules(std::optional<int64_t> task_id) override;
  core::Result<void> DeleteSchedule(int64_t id) override;
  core::Result<void> MarkScheduleFired(int64_t id, core::TimePoint fired_at,
                                       std::optional<core::TimePoint> next_run_at) override;

  core::Result<Enqueued> EnqueueRun(const Run& run) override;
  core::Result<std::optional<Run>> ClaimNextRun(const std::string& owner, core::TimePoint now,
                                                core::TimePoint lease_until,
                                                int max_running) override;
  core::Result<std::optional<Run>> ClaimRun(int64_t run_id, const std::string& owner, core::TimePoint now,
                                            core::TimePoint lease_until) override;
  core::Result<void> RetryRun(int64_t run_id, core::TimePoint not_before) override;
  core::Result<void> RequeueRun(int64_t run_id) override;
  core::Result<void> RenewLease(int64_t run_id, const std::string& owner,
                                core::TimePoint lease_until) override;
  core::Result<void> UpdateRun(const Run& run) override;
  core::Result<Run> GetRun(int64_t id) override;
  core::Result<std::vector<Run>> ListRuns(const RunFilter& filter) override;
  core::Result<int64_t> PruneRuns(core::TimePoint before) override;

  core::Result<void> AppendRunLog(int64_t run_id, const std::string& level,
                                  const std::string& message) override;
  core::Result<std::vector<RunLogLine>> RunLog(int64_t run_id) override;
  core::Result<void> SaveCheckpoint(const Checkpoint& checkpoint) override;
  core::Result<std::optional<Checkpoint>> LoadCheckpoint(int64_t run_id) override;
  core::Result<void> ClearCheckpoint(int64_t run_id) override;

  core::Result<void> AppendAudit(const AuditEntry& entry) override;
  core::Result<std::vector<AuditEntry>> ListAudit(int limit) override;

  core::Result<int64_t> CreateUser(const User& user) override;
  core::Result<void> UpdateUser(const User& user) override;
  core::Result<User> FindUser(const std::string& name) override;
  core::Result<std::vector<User>> ListUsers() override;
  core::Result<void> DeleteUser(int64_t id) override;

  core::Result<void> Ping() override;

 private:
  SqliteStore(SqliteDb db, SecretBox box) : db_(std::move(db)), box_(std::move(box)) {}

  core::Result<void> CheckKey();
  core::Result<void> SetSecret(const char* kind, int64_t id, const core::Secret& secret);
  core::Result<core::Secret> OpenSecret(const char* kind, int64_t id, const std::string& name,
                                        const std::string& missing);
  core::Result<void> DeleteConnection(const char* kind, int64_t id, const std::string& name);
  core::Result<Run> LoadRun(int64_t id);
  core::Result<std::optional<int64_t>> PickClaimableRun(core::TimePoint now, int max_running,
                                                        std::optional<int64_t> only_run = std::nullopt);
  core::Result<std::optional<Run>> ClaimPicked(std::optional<int64_t> only_run, const std::string& owner,
                                               core::TimePoint now, core::TimePoint lease_until, int max_running);

  std::mutex mutex_;
  SqliteDb db_;
  SecretBox box_;
};

}  // namespace xlsync::store
