#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/secret.h"
#include "store/store.h"

namespace xlsync::cli {

/// What saving an object did.
enum class WriteOutcome { kCreated, kUpdated, kUnchanged };

/// The outcome of one save: the object's id and the names of the fields that changed.
struct Written {
  WriteOutcome outcome = WriteOutcome::kUnchanged;
  int64_t id = 0;
  std::vector<std::string> changed;
};

/// Creates or updates connections and tasks BY NAME, and audits every change (actor, action,
/// the changed fields old -> new, secrets only as "********" / "replaced"). An object equal to
/// the stored one is left alone and not audited. Shared by `apply` and the admin commands.
class ObjectWriter {
 public:
  ObjectWriter(store::Store& store, std::string actor, std::string source = {});

  /// Without `secret`, the stored secret and its reference are kept.
  core::Result<Written> SaveOdoo(store::OdooConnection wanted, const std::optional<core::Secret>& secret);
  core::Result<Written> SaveMicrosoft(store::MicrosoftConnection wanted, const std::optional<core::Secret>& secret);
  /// `schedules` (task_id ignored) replace the task's schedules; nullopt keeps them.
  core::Result<Written> SaveTask(store::Task wanted, const std::optional<std::vector<store::Schedule>>& schedules);

  core::Result<void> RemoveOdoo(const store::OdooConnection& connection);
  core::Result<void> RemoveMicrosoft(const store::MicrosoftConnection& connection);
  core::Result<void> RemoveTask(const store::Task& task);

 private:
  core::Result<void> Audit(const std::string& action, const std::string& kind, int64_t id, const std::string& name,
                           const std::string& details);
  core::Result<void> ReplaceSchedules(int64_t task_id, const std::vector<store::Schedule>& schedules);

  store::Store& store_;
  std::string actor_;
  std::string source_;
};

/// "every weekday at 07:00 (Europe/Brussels)", or the stored expression when it no longer parses.
std::string DescribeSchedule(const store::Schedule& schedule);

/// True when the error says the object does not exist.
bool IsNotFound(const core::Error& error);

}  // namespace xlsync::cli
