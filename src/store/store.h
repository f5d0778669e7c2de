#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/secret.h"
#include "store/records.h"

namespace xlsync::store {

/// What a list of runs is narrowed to.
struct RunFilter {
  std::optional<int64_t> task_id;
  std::optional<std::string> status;
  int limit = 50;  // newest first
};

/// What EnqueueRun did: the run's id, and whether that run was already waiting (coalesced).
struct Enqueued {
  int64_t run_id = 0;
  bool already_queued = false;
};

/// Everything xlsync remembers, behind one interface: SQLite here, PostgreSQL later, callers
/// unchanged. Secrets go in through the Set*Secret calls and come out only through the
/// *Secret() readers (sealed at rest with the master key). Every call is thread-safe. Names are
/// unique per kind; lookups by name are exact. Errors are plain sentences (NotFound for an
/// unknown id or name, Conflict for a name taken or a row still referenced).
class Store {
 public:
  virtual ~Store() = default;

  // Odoo connections. Create/Update ignore id, secret_set and timestamps of the argument.
  virtual core::Result<int64_t> CreateOdooConnection(const OdooConnection& connection) = 0;
  virtual core::Result<void> UpdateOdooConnection(const OdooConnection& connection) = 0;
  virtual core::Result<void> SetOdooSecret(int64_t id, const core::Secret& secret) = 0;
  virtual core::Result<OdooConnection> GetOdooConnection(int64_t id) = 0;
  virtual core::Result<OdooConnection> FindOdooConnection(const std::string& name) = 0;
  virtual core::Result<std::vector<OdooConnection>> ListOdooConnections() = 0;
  virtual core::Result<core::Secret> OdooSecret(int64_t id) = 0;
  virtual core::Result<void> DeleteOdooConnection(int64_t id) = 0;  // Conflict while a task uses it

  // Microsoft connections, the same way.
  virtual core::Result<int64_t> CreateMicrosoftConnection(const MicrosoftConnection& connection) = 0;
  virtual core::Result<void> UpdateMicrosoftConnection(const MicrosoftConnection& connection) = 0;
  virtual core::Result<void> SetMicrosoftSecret(int64_t id, const core::Secret& secret) = 0;
  virtual core::Result<MicrosoftConnection> GetMicrosoftConnection(int64_t id) = 0;
  virtual core::Result<MicrosoftConnection> FindMicrosoftConnection(const std::string& name) = 0;
  virtual core::Result<std::vector<MicrosoftConnection>> ListMicrosoftConnections() = 0;
  virtual core::Result<core::Secret> MicrosoftSecret(int64_t id) = 0;
  virtual core::Result<void> DeleteMicrosoftConnection(int64_t id) = 0;

  // Tasks. Deleting a task deletes its schedules; its runs are kept until pruned.
  virtual core::Result<int64_t> CreateTask(const Task& task) = 0;
  virtual core::Result<void> UpdateTask(const Task& task) = 0;
  virtual core::Result<Task> GetTask(int64_t id) = 0;
  virtual core::Result<Task> FindTask(const std::string& name) = 0;
  virtual core::Result<std::vector<Task>> ListTasks() = 0;
  virtual core::Result<void> DeleteTask(int64_t id) = 0;

  // Schedules of a task.
  virtual core::Result<int64_t> CreateSchedule(const Schedule& schedule) = 0;
  virtual core::Result<void> UpdateSchedule(const Schedule& schedule) = 0;
  virtual core::Result<std::vector<Schedule>> ListSchedules(std::optional<int64_t> task_id) = 0;
  virtual core::Result<void> DeleteSchedule(int64_t id) = 0;
  /// Records that a schedule fired at `fired_at` and when it fires next.
  virtual core::Result<void> MarkScheduleFired(int64_t id, core::TimePoint fired_at,
                                               std::optional<core::TimePoint> next_run_at) = 0;

  // The run queue. A trigger while a run of the task waits is coalesced: EnqueueRun returns the
  // run already queued for the task (not a resumed one) instead of adding a second, so triggers
  // during a run are queued once, not stacked. The database refuses two running runs of a task.
  virtual core::Result<Enqueued> EnqueueRun(const Run& run) = 0;
  /// Claims the oldest queued run that may start now (not_before passed, its task not running,
  /// no running run of a task with the same workbook_key, fewer than `max_running` runs running
  /// under any lease) and marks it running under `owner` until `lease_until`. nullopt: none.
  virtual core::Result<std::optional<Run>> ClaimNextRun(const std::string& owner, core::TimePoint now,
                                                        core::TimePoint lease_until, int max_running) = 0;
  /// Claims one queued run (xlsync task run) under the same rules as ClaimNextRun, except the
  /// parallel limit; nullopt while its task or workbook is busy.
  virtual core::Result<std::optional<Run>> ClaimRun(int64_t run_id, const std::string& owner, core::TimePoint now,
                                                    core::TimePoint lease_until) = 0;
  /// Queues a failed run again for its next attempt (attempt + 1), not before `not_before`; its
  /// checkpoint is kept, so the attempt continues where the last one stopped.
  virtual core::Result<void> RetryRun(int64_t run_id, core::TimePoint not_before) = 0;
  /// Puts a run left "running" under an owner that is gone, or "interrupted", back in the queue
  /// with its counters and checkpoint kept (it resumes); its queued_at is kept, so it goes first.
  virtual core::Result<void> RequeueRun(int64_t run_id) = 0;
  virtual core::Result<void> RenewLease(int64_t run_id, const std::string& owner, core::TimePoint lease_until) = 0;
  /// Stores counters and, when `status` is a final one, the end time and error.
  virtual core::Result<void> UpdateRun(const Run& run) = 0;
  virtual core::Result<Run> GetRun(int64_t id) = 0;
  virtual core::Result<std::vector<Run>> ListRuns(const RunFilter& filter) = 0;
  /// Deletes finished runs (with their log lines and checkpoints) that ended before `before`.
  virtual core::Result<int64_t> PruneRuns(core::TimePoint before) = 0;

  // Run log lines and checkpoints.
  virtual core::Result<void> AppendRunLog(int64_t run_id, const std::string& level, const std::string& message) = 0;
  virtual core::Result<std::vector<RunLogLine>> RunLog(int64_t run_id) = 0;
  virtual core::Result<void> SaveCheckpoint(const Checkpoint& checkpoint) = 0;
  virtual core::Result<std::optional<Checkpoint>> LoadCheckpoint(int64_t run_id) = 0;
  virtual core::Result<void> ClearCheckpoint(int64_t run_id) = 0;

  // The audit log: append and read only (the database itself refuses UPDATE and DELETE).
  virtual core::Result<void> AppendAudit(const AuditEntry& entry) = 0;
  virtual core::Result<std::vector<AuditEntry>> ListAudit(int limit) = 0;  // newest first

  // Users.
  virtual core::Result<int64_t> CreateUser(const User& user) = 0;
  virtual core::Result<void> UpdateUser(const User& user) = 0;
  virtual core::Result<User> FindUser(const std::string& name) = 0;
  virtual core::Result<std::vector<User>> ListUsers() = 0;
  virtual core::Result<void> DeleteUser(int64_t id) = 0;

  /// A cheap round trip that proves the store answers (for /readyz).
  virtual core::Result<void> Ping() = 0;
};

}  // namespace xlsync::store
