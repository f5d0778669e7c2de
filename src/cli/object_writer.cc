#include "cli/object_writer.h"

#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include <sstream>

#include "core/clock.h"
#include "scheduler/schedule_rule.h"

namespace xlsync::cli {
namespace {

constexpr char kMasked[] = "********";

/// The audit details of one save: on create every value, on update each changed field as
/// {"old": ..., "new": ...}. Secrets never enter it, only the words "********" / "replaced".
class ChangeLog {
 public:
  explicit ChangeLog(bool creating) : creating_(creating) {}

  template <typename T>
  void Field(const std::string& name, const T& old_value, const T& new_value) {
    if (creating_) {
      details_[name] = new_value;
    } else if (old_value != new_value) {
      details_[name] = {{"old", old_value}, {"new", new_value}};
      changed_.push_back(name);
    }
  }
  void SecretReplaced() {
    details_["secret"] = creating_ ? kMasked : "replaced";
    if (!creating_) changed_.push_back("secret");
  }
  void Source(const std::string& source) {
    if (!source.empty()) details_["source"] = source;
  }
  const std::vector<std::string>& changed() const { return changed_; }
  std::string Json() const { return details_.dump(); }

 private:
  bool creating_;
  nlohmann::json details_ = nlohmann::json::object();
  std::vector<std::string> changed_;
};

/// Each key of a task's stored TOML as text, so a change reads "page_size: 1000 -> 500".
std::map<std::string, std::string> SpecValues(const std::string& spec_toml) {
  std::map<std::string, std::string> values;
  try {
    const toml::table table = toml::parse(spec_toml);
    for (const auto& [key, node] : table) {
      std::ostringstream text;
      if (auto plain = node.value_exact<std::string>()) {
        text << *plain;  // unquoted, so the audit reads "sale.order", not "'sale.order'"
      } else {
        node.visit([&](const auto& value) { text << value; });
      }
      values[std::string(key.str())] = text.str();
    }
  } catch (const toml::parse_error&) {
    values["spec"] = spec_toml;  // stored text that no longer parses is compared whole
  }
  return values;
}

void DiffSpec(const std::string& before, const std::string& after, ChangeLog& log) {
  const auto old_values = SpecValues(before);
  const auto new_values = SpecValues(after);
  for (const auto& [key, value] : new_values) {
    auto found = old_values.find(key);
    log.Field(key, found == old_values.end() ? std::string() : found->second, value);
  }
}

std::string ScheduleText(const std::vector<store::Schedule>& schedules) {
  std::string text;
  for (const auto& schedule : schedules) {
    text += (text.empty() ? "" : "; ") + DescribeSchedule(schedule) + (schedule.catch_up ? "" : " (no catch-up)");
  }
  return text.empty() ? "none" : text;
}

bool SameSchedules(const std::vector<store::Schedule>& a, const std::vector<store::Schedule>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].kind != b[i].kind || a[i].expression != b[i].expression || a[i].time_zone != b[i].time_zone ||
        a[i].enabled != b[i].enabled || a[i].catch_up != b[i].catch_up) {
      return false;
    }
  }
  return true;
}

template <typename T>
core::Result<std::optional<T>> FindByName(core::Result<T> found) {
  if (found) return std::optional<T>(std::move(*found));
  if (IsNotFound(found.error())) return std::optional<T>();
  return std::move(found).error();
}

}  // namespace

bool IsNotFound(const core::Error& error) { return error.code == core::ErrorCode::kNotFound; }

std::string DescribeSchedule(const store::Schedule& schedule) {
  auto rule = scheduler::ScheduleRule::Parse(schedule.kind, schedule.expression, schedule.time_zone);
  if (!rule) return schedule.kind + " " + schedule.expression;
  return rule->Describe();
}

ObjectWriter::ObjectWriter(store::Store& store, std::string actor, std::string source)
    : store_(store), actor_(std::move(actor)), source_(std::move(source)) {}

core::Result<Written> ObjectWriter::SaveOdoo(store::OdooConnection wanted, const std::optional<core::Secret>& secret) {
  auto existing = FindByName(store_.FindOdooConnection(wanted.name));
  if (!existing) return std::move(existing).error();
  const bool creating = !existing->has_value();
  const store::OdooConnection before = creating ? store::OdooConnection{} : **existing;
  if (!secret) wanted.secret_reference = before.secret_reference;
  ChangeLog log(creating);
  log.Field("url", before.url, wanted.url);
  log.Field("database", before.database, wanted.database);
  log.Field("login", before.login, wanted.login);
  log.Field("auth", before.auth, wanted.auth);
  log.Field("protocol", before.protocol, wanted.protocol);
  log.Field("secret_reference", before.secret_reference, wanted.secret_reference);
  bool secret_changed = secret.has_value();
  if (secret && !creating && before.secret_set) {
    auto stored = store_.OdooSecret(before.id);
    secret_changed = !stored || stored->Reveal() != secret->Reveal();
  }
  if (secret_changed) log.SecretReplaced();
  if (!creating && log.changed().empty()) return Written{WriteOutcome::kUnchanged, before.id, {}};
  int64_t id = before.id;
  if (creating) {
    auto created = store_.CreateOdooConnection(wanted);
    if (!created) return std::move(created).error();
    id = *created;
  } else {
    wanted.id = id;
    XLSYNC_RETURN_IF_ERROR(store_.UpdateOdooConnection(wanted));
  }
  if (secret_changed) XLSYNC_RETURN_IF_ERROR(store_.SetOdooSecret(id, *secret));
  log.Source(source_);
  XLSYNC_RETURN_IF_ERROR(Audit(creating ? "create" : "update", "odoo_connection", id, wanted.name, log.Json()));
  return Written{creating ? WriteOutcome::kCreated : WriteOutcome::kUpdated, id, log.changed()};
}

core::Result<Written> ObjectWriter::SaveMicrosoft(store::MicrosoftConnection wanted,
                                                  const std::optional<core::Secret>& secret) {
  auto existing = FindByName(store_.FindMicrosoftConnection(wanted.name));
  if (!existing) return std::move(existing).error();
  const bool creating = !existing->has_value();
  const store::MicrosoftConnection before = creating ? store::MicrosoftConnection{} : **existing;
  if (!secret) wanted.secret_reference = before.secret_reference;
  ChangeLog log(creating);
  log.Field("tenant_id", before.tenant_id, wanted.tenant_id);
  log.Field("client_id", before.client_id, wanted.client_id);
  log.Field("user_upn", before.user_upn, wanted.user_upn);
  log.Field("authority_host", before.authority_host, wanted.authority_host);
  log.Field("graph_url", before.graph_url, wanted.graph_url);
  log.Field("secret_reference", before.secret_reference, wanted.secret_reference);
  bool secret_changed = secret.has_value();
  if (secret && !creating && before.secret_set) {
    auto stored = store_.MicrosoftSecret(before.id);
    secret_changed = !stored || stored->Reveal() != secret->Reveal();
  }
  if (secret_changed) log.SecretReplaced();
  if (!creating && log.changed().empty()) return Written{WriteOutcome::kUnchanged, before.id, {}};
  int64_t id = before.id;
  if (creating) {
    auto created = store_.CreateMicrosoftConnection(wanted);
    if (!created) return std::move(created).error();
    id = *created;
  } else {
    wanted.id = id;
    XLSYNC_RETURN_IF_ERROR(store_.UpdateMicrosoftConnection(wanted));
  }
  if (secret_changed) XLSYNC_RETURN_IF_ERROR(store_.SetMicrosoftSecret(id, *secret));
  log.Source(source_);
  XLSYNC_RETURN_IF_ERROR(Audit(creating ? "create" : "update", "microsoft_connection", id, wanted.name, log.Json()));
  return Written{creating ? WriteOutcome::kCreated : WriteOutcome::kUpdated, id, log.changed()};
}

core::Result<Written> ObjectWriter::SaveTask(store::Task wanted,
                                             const std::optional<std::vector<store::Schedule>>& schedules) {
  auto existing = FindByName(store_.FindTask(wanted.name));
  if (!existing) return std::move(existing).error();
  const bool creating = !existing->has_value();
  const store::Task before = creating ? store::Task{} : **existing;
  std::vector<store::Schedule> old_schedules;
  if (!creating) {
    auto listed = store_.ListSchedules(before.id);
    if (!listed) return std::move(listed).error();
    old_schedules = std::move(*listed);
  }
  ChangeLog log(creating);
  log.Field("odoo_connection_id", before.odoo_connection_id, wanted.odoo_connection_id);
  log.Field("microsoft_connection_id", before.microsoft_connection_id, wanted.microsoft_connection_id);
  log.Field("enabled", before.enabled, wanted.enabled);
  log.Field("max_attempts", before.max_attempts, wanted.max_attempts);
  log.Field("retry_backoff_seconds", before.retry_backoff_seconds, wanted.retry_backoff_seconds);
  log.Field("workbook_key", before.workbook_key, wanted.workbook_key);
  DiffSpec(before.spec_toml, wanted.spec_toml, log);
  const bool schedules_changed = schedules.has_value() && !SameSchedules(old_schedules, *schedules);
  if (schedules_changed || (creating && schedules)) {
    log.Field("schedule", ScheduleText(old_schedules), ScheduleText(*schedules));
  }
  if (!creating && log.changed().empty()) return Written{WriteOutcome::kUnchanged, before.id, {}};
  int64_t id = before.id;
  if (creating) {
    auto created = store_.CreateTask(wanted);
    if (!created) return std::move(created).error();
    id = *created;
  } else {
    wanted.id = id;
    XLSYNC_RETURN_IF_ERROR(store_.UpdateTask(wanted));
  }
  if (schedules_changed) XLSYNC_RETURN_IF_ERROR(ReplaceSchedules(id, *schedules));
  log.Source(source_);
  XLSYNC_RETURN_IF_ERROR(Audit(creating ? "create" : "update", "task", id, wanted.name, log.Json()));
  return Written{creating ? WriteOutcome::kCreated : WriteOutcome::kUpdated, id, log.changed()};
}

core::Result<void> ObjectWriter::ReplaceSchedules(int64_t task_id, const std::vector<store::Schedule>& schedules) {
  auto old_schedules = store_.ListSchedules(task_id);
  if (!old_schedules) return std::move(old_schedules).error();
  for (const auto& schedule : *old_schedules) XLSYNC_RETURN_IF_ERROR(store_.DeleteSchedule(schedule.id));
  const auto now = core::SystemClock().Now();
  for (store::Schedule schedule : schedules) {
    schedule.task_id = task_id;
    // The first time is set now so `task list` shows it; the ticker keeps it current (issue 4 §5).
    auto rule = scheduler::ScheduleRule::Parse(schedule.kind, schedule.expression, schedule.time_zone);
    if (rule) schedule.next_run_at = rule->NextAfter(now);
    auto created = store_.CreateSchedule(schedule);
    if (!created) return std::move(created).error();
  }
  return {};
}

core::Result<void> ObjectWriter::RemoveOdoo(const store::OdooConnection& connection) {
  XLSYNC_RETURN_IF_ERROR(store_.DeleteOdooConnection(connection.id));
  return Audit("delete", "odoo_connection", connection.id, connection.name, "{}");
}

core::Result<void> ObjectWriter::RemoveMicrosoft(const store::MicrosoftConnection& connection) {
  XLSYNC_RETURN_IF_ERROR(store_.DeleteMicrosoftConnection(connection.id));
  return Audit("delete", "microsoft_connection", connection.id, connection.name, "{}");
}

core::Result<void> ObjectWriter::RemoveTask(const store::Task& task) {
  XLSYNC_RETURN_IF_ERROR(store_.DeleteTask(task.id));
  return Audit("delete", "task", task.id, task.name, "{}");
}

core::Result<void> ObjectWriter::Audit(const std::string& action, const std::string& kind, int64_t id,
                                       const std::string& name, const std::string& details) {
  store::AuditEntry entry;
  entry.at = core::SystemClock().Now();
  entry.actor = actor_;
  entry.action = action;
  entry.object_kind = kind;
  entry.object_id = id;
  entry.object_name = name;
  entry.details = details;
  return store_.AppendAudit(entry);
}

}  // namespace xlsync::cli
