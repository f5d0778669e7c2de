#include "cli/config_as_code.h"

#include <toml++/toml.h>

#include <set>
#include <sstream>

#include "cli/object_writer.h"
#include "cli/secret_reference.h"
#include "scheduler/schedule_rule.h"
#include "sync/export_task.h"

namespace xlsync::cli {
namespace {

struct OdooPlan {
  store::OdooConnection connection;
  std::optional<core::Secret> secret;
};

struct MicrosoftPlan {
  store::MicrosoftConnection connection;
  std::optional<core::Secret> secret;
};

struct TaskPlan {
  store::Task task;
  std::string odoo;
  std::string microsoft;
  std::string workbook;
  std::vector<store::Schedule> schedules;
};

/// The whole file, checked, before anything is written.
struct Plan {
  std::vector<OdooPlan> odoo;
  std::vector<MicrosoftPlan> microsoft;
  std::vector<TaskPlan> tasks;
};

const std::set<std::string> kOdooKeys{"name", "url", "database", "login", "auth", "protocol",
                                      "api_key_file", "api_key_env", "password_file", "password_env"};
const std::set<std::string> kMicrosoftKeys{"name", "tenant_id", "client_id", "user_upn", "authority_host",
                                           "graph_url", "client_secret_file", "client_secret_env"};
const std::set<std::string> kTaskMetaKeys{"odoo", "microsoft", "enabled", "max_attempts", "retry_backoff_seconds",
                                          "schedule"};
const std::set<std::string> kTaskSpecKeys{"name", "model", "fields", "domain", "order", "page_size", "lang",
                                          "time_zone", "include_archived", "x2many_as_ids", "binary_placeholder",
                                          "allow_formulas", "workbook", "sheet", "mode", "target"};
const std::set<std::string> kScheduleKeys{"cron", "every", "time_zone", "catch_up", "enabled"};

/// Reads one [[kind]] table and names it in every message: `<file>: [[task]] "orders" ...`.
class Section {
 public:
  Section(const toml::table& table, std::string_view origin, std::string kind)
      : table_(table), origin_(origin), kind_(std::move(kind)) {
    name_ = table_["name"].value_or(std::string());
  }

  const std::string& name() const { return name_; }
  core::Error Fail(const std::string& what) const {
    return core::InvalidInput(std::string(origin_) + ": [[" + kind_ + "]] " +
                              (name_.empty() ? std::string("without a name") : "\"" + name_ + "\"") + " " + what);
  }

  core::Result<void> CheckKeys(const std::set<std::string>& allowed, const std::set<std::string>& inline_secrets) const {
    if (name_.empty()) return Fail("has no name: give every object a unique name = \"...\".");
    for (const auto& [key, node] : table_) {
      const std::string text(key.str());
      if (inline_secrets.count(text) != 0) {
        return Fail("writes " + text + " inline in the file: put it in a file (" + text +
                    "_file) or an environment variable (" + text + "_env) instead.");
      }
      if (allowed.count(text) == 0) return Fail("has an unknown key \"" + text + "\": remove it or fix its spelling.");
    }
    return {};
  }

  template <typename T>
  core::Result<void> Take(std::string_view key, T& target, std::string_view expected) const {
    const toml::node* node = table_.get(key);
    if (node == nullptr) return {};
    auto value = node->value<T>();
    if (!value) return Fail("has \"" + std::string(key) + "\" that is not " + std::string(expected) + ".");
    target = *value;
    return {};
  }

  /// The secret named by `<key>_file` or `<key>_env`, read now so an unreadable one stops the apply.
  core::Result<std::optional<core::Secret>> Secret(const std::string& key, std::string_view what,
                                                   const EnvironmentLookup& env, std::string& reference) const {
    std::string file;
    std::string variable;
    XLSYNC_RETURN_IF_ERROR(Take(key + "_file", file, "a path"));
    XLSYNC_RETURN_IF_ERROR(Take(key + "_env", variable, "a variable name"));
    if (!file.empty() && !variable.empty()) {
      return Fail("gives both " + key + "_file and " + key + "_env: keep one.");
    }
    if (file.empty() && variable.empty()) return std::optional<core::Secret>();
    reference = file.empty() ? EnvReference(variable) : FileReference(file);
    auto secret = ReadSecretReference(reference, what, env);
    if (!secret) return Fail("cannot be applied: " + secret.error().message);
    return std::optional<core::Secret>(std::move(*secret));
  }

 private:
  const toml::table& table_;
  std::string_view origin_;
  std::string kind_;
  std::string name_;
};

template <typename Visit>
core::Result<void> ForEachTable(const toml::table& root, std::string_view key, std::string_view origin,
                                const Visit& visit) {
  const toml::node* node = root.get(key);
  if (node == nullptr) return {};
  const toml::array* list = node->as_array();
  if (list == nullptr || !list->is_array_of_tables()) {
    return core::InvalidInput(std::string(origin) + ": " + std::string(key) + " must be written as [[" +
                              std::string(key) + "]] tables.");
  }
  for (const auto& item : *list) XLSYNC_RETURN_IF_ERROR(visit(*item.as_table()));
  return {};
}

core::Result<OdooPlan> PlanOdoo(const toml::table& table, std::string_view origin, const EnvironmentLookup& env) {
  const Section section(table, origin, "odoo_connection");
  XLSYNC_RETURN_IF_ERROR(section.CheckKeys(kOdooKeys, {"api_key", "password"}));
  OdooPlan plan;
  auto& connection = plan.connection;
  connection.name = section.name();
  XLSYNC_RETURN_IF_ERROR(section.Take("url", connection.url, "a text"));
  XLSYNC_RETURN_IF_ERROR(section.Take("database", connection.database, "a text"));
  XLSYNC_RETURN_IF_ERROR(section.Take("login", connection.login, "a text"));
  const bool password_given = table.contains("password_file") || table.contains("password_env");
  connection.auth = password_given ? "password" : "api_key";
  XLSYNC_RETURN_IF_ERROR(section.Take("auth", connection.auth, "a text"));
  XLSYNC_RETURN_IF_ERROR(section.Take("protocol", connection.protocol, "a text"));
  if (connection.url.empty()) return section.Fail("has no url: give the Odoo address, such as https://mycompany.odoo.com.");
  if (connection.auth != "api_key" && connection.auth != "password") {
    return section.Fail("has auth \"" + connection.auth + "\": use \"api_key\" or \"password\".");
  }
  if (connection.protocol != "auto" && connection.protocol != "jsonrpc" && connection.protocol != "json2") {
    return section.Fail("has protocol \"" + connection.protocol + "\": use auto, jsonrpc or json2.");
  }
  const bool api_key_given = table.contains("api_key_file") || table.contains("api_key_env");
  if ((connection.auth == "api_key" && password_given) || (connection.auth == "password" && api_key_given)) {
    return section.Fail("names a secret that does not match auth = \"" + connection.auth +
                        "\": use " + connection.auth + "_file or " + connection.auth + "_env.");
  }
  auto secret = section.Secret(connection.auth, connection.auth == "password" ? "Odoo password" : "Odoo API key", env,
                               connection.secret_reference);
  if (!secret) return std::move(secret).error();
  plan.secret = std::move(*secret);
  return plan;
}

core::Result<MicrosoftPlan> PlanMicrosoft(const toml::table& table, std::string_view origin,
                                          const EnvironmentLookup& env) {
  const Section section(table, origin, "microsoft_connection");
  XLSYNC_RETURN_IF_ERROR(section.CheckKeys(kMicrosoftKeys, {"client_secret"}));
  MicrosoftPlan plan;
  auto& connection = plan.connection;
  connection.name = section.name();
  XLSYNC_RETURN_IF_ERROR(section.Take("tenant_id", connection.tenant_id, "a text"));
  XLSYNC_RETURN_IF_ERROR(section.Take("client_id", connection.client_id, "a text"));
  XLSYNC_RETURN_IF_ERROR(section.Take("user_upn", connection.user_upn, "a text"));
  XLSYNC_RETURN_IF_ERROR(section.Take("authority_host", connection.authority_host, "a text"));
  XLSYNC_RETURN_IF_ERROR(section.Take("graph_url", connection.graph_url, "a text"));
  if (connection.tenant_id.empty() || connection.client_id.empty() || connection.user_upn.empty()) {
    return section.Fail("needs tenant_id, client_id and user_upn: copy them from the app registration.");
  }
  auto secret = section.Secret("client_secret", "client secret", env, connection.secret_reference);
  if (!secret) return std::move(secret).error();
  plan.secret = std::move(*secret);
  return plan;
}

core::Result<store::Schedule> PlanSchedule(const Section& task, const toml::table& table,
                                           const std::string& default_zone) {
  const Section section(table, "", "task.schedule");
  for (const auto& [key, node] : table) {
    if (kScheduleKeys.count(std::string(key.str())) == 0) {
      return task.Fail("has a schedule with an unknown key \"" + std::string(key.str()) + "\": use cron or every, "
                       "time_zone, catch_up and enabled.");
    }
  }
  store::Schedule schedule;
  std::string cron;
  std::string every;
  schedule.time_zone = default_zone;
  XLSYNC_RETURN_IF_ERROR(section.Take("cron", cron, "a text"));
  XLSYNC_RETURN_IF_ERROR(section.Take("every", every, "a text"));
  XLSYNC_RETURN_IF_ERROR(section.Take("time_zone", schedule.time_zone, "a text"));
  XLSYNC_RETURN_IF_ERROR(section.Take("catch_up", schedule.catch_up, "true or false"));
  XLSYNC_RETURN_IF_ERROR(section.Take("enabled", schedule.enabled, "true or false"));
  if (cron.empty() == every.empty()) {
    return task.Fail("has a schedule that needs exactly one of cron = \"0 7 * * 1-5\" or every = \"15m\".");
  }
  schedule.kind = cron.empty() ? "interval" : "cron";
  auto rule = scheduler::ScheduleRule::Parse(schedule.kind, cron.empty() ? every : cron, schedule.time_zone);
  if (!rule) return task.Fail("has a schedule that cannot be used: " + rule.error().message);
  // An interval is stored as seconds (records.h), whatever unit the file used.
  schedule.expression = cron.empty() ? std::to_string(rule->interval().count()) : cron;
  if (!cron.empty()) schedule.time_zone = schedule.time_zone.empty() ? "UTC" : schedule.time_zone;
  return schedule;
}

/// The task's export keys as TOML text for sync::ParseTaskToml, then normalised by
/// FormatTaskToml so an unchanged task compares equal to the stored one.
core::Result<sync::ExportTask> PlanSpec(const Section& section, const toml::table& table, std::string_view origin) {
  toml::table spec = table;
  for (const auto& key : kTaskMetaKeys) spec.erase(key);
  std::ostringstream text;
  text << spec;
  auto task = sync::ParseTaskToml(text.str(), std::string(origin) + " [[task]] \"" + section.name() + "\"");
  if (!task) return std::move(task).error();
  if (auto valid = sync::ValidateTask(*task); !valid) return section.Fail("cannot be used: " + valid.error().message);
  return task;
}

core::Result<TaskPlan> PlanTask(const toml::table& table, std::string_view origin) {
  const Section section(table, origin, "task");
  std::set<std::string> allowed = kTaskSpecKeys;
  allowed.insert(kTaskMetaKeys.begin(), kTaskMetaKeys.end());
  XLSYNC_RETURN_IF_ERROR(section.CheckKeys(allowed, {}));
  TaskPlan plan;
  plan.task.name = section.name();
  XLSYNC_RETURN_IF_ERROR(section.Take("odoo", plan.odoo, "a connection name"));
  XLSYNC_RETURN_IF_ERROR(section.Take("microsoft", plan.microsoft, "a connection name"));
  if (plan.odoo.empty() || plan.microsoft.empty()) {
    return section.Fail("needs odoo = \"<connection name>\" and microsoft = \"<connection name>\".");
  }
  XLSYNC_RETURN_IF_ERROR(section.Take("enabled", plan.task.enabled, "true or false"));
  int64_t attempts = plan.task.max_attempts;
  int64_t backoff = plan.task.retry_backoff_seconds;
  XLSYNC_RETURN_IF_ERROR(section.Take("max_attempts", attempts, "a whole number"));
  XLSYNC_RETURN_IF_ERROR(section.Take("retry_backoff_seconds", backoff, "a whole number"));
  if (attempts < 1 || attempts > 100) return section.Fail("has max_attempts out of range: use 1 to 100.");
  if (backoff < 0 || backoff > 86'400) return section.Fail("has retry_backoff_seconds out of range: use 0 to 86400.");
  plan.task.max_attempts = static_cast<int>(attempts);
  plan.task.retry_backoff_seconds = static_cast<int>(backoff);
  auto spec = PlanSpec(section, table, origin);
  if (!spec) return std::move(spec).error();
  spec->name = plan.task.name;
  plan.task.spec_toml = sync::FormatTaskToml(*spec);
  plan.workbook = spec->workbook;
  auto visit = [&](const toml::table& schedule_table) -> core::Result<void> {
    auto schedule = PlanSchedule(section, schedule_table, spec->time_zone);
    if (!schedule) return std::move(schedule).error();
    plan.schedules.push_back(std::move(*schedule));
    return {};
  };
  XLSYNC_RETURN_IF_ERROR(ForEachTable(table, "schedule", origin, visit));
  return plan;
}

template <typename Plans, typename Find>
core::Result<void> CheckReference(const Plans& planned, const std::string& name, const Find& find,
                                  const std::string& kind, const std::string& task, std::string_view origin) {
  for (const auto& plan : planned) {
    if (plan.connection.name == name) return {};
  }
  auto found = find(name);
  if (found) return {};
  if (!IsNotFound(found.error())) return std::move(found).error();
  return core::InvalidInput(std::string(origin) + ": [[task]] \"" + task + "\" names the " + kind + " connection \"" +
                            name + "\", which is neither in the file nor stored: add it or fix the name.");
}

core::Result<Plan> MakePlan(store::Store& store, const toml::table& root, std::string_view origin,
                            const EnvironmentLookup& env) {
  for (const auto& [key, node] : root) {
    const std::string text(key.str());
    if (text != "odoo_connection" && text != "microsoft_connection" && text != "task") {
      return core::InvalidInput(std::string(origin) + " has an unknown section \"" + text +
                                "\": use [[odoo_connection]], [[microsoft_connection]] and [[task]].");
    }
  }
  Plan plan;
  std::set<std::string> names;
  auto unique = [&](const std::string& kind, const std::string& name) -> core::Result<void> {
    if (names.insert(kind + "/" + name).second) return {};
    return core::InvalidInput(std::string(origin) + " has two [[" + kind + "]] named \"" + name + "\": rename one.");
  };
  auto add_odoo = [&](const toml::table& table) -> core::Result<void> {
    auto item = PlanOdoo(table, origin, env);
    if (!item) return std::move(item).error();
    XLSYNC_RETURN_IF_ERROR(unique("odoo_connection", item->connection.name));
    plan.odoo.push_back(std::move(*item));
    return {};
  };
  auto add_microsoft = [&](const toml::table& table) -> core::Result<void> {
    auto item = PlanMicrosoft(table, origin, env);
    if (!item) return std::move(item).error();
    XLSYNC_RETURN_IF_ERROR(unique("microsoft_connection", item->connection.name));
    plan.microsoft.push_back(std::move(*item));
    return {};
  };
  auto find_odoo = [&](const std::string& name) { return store.FindOdooConnection(name); };
  auto find_microsoft = [&](const std::string& name) { return store.FindMicrosoftConnection(name); };
  auto add_task = [&](const toml::table& table) -> core::Result<void> {
    auto item = PlanTask(table, origin);
    if (!item) return std::move(item).error();
    XLSYNC_RETURN_IF_ERROR(unique("task", item->task.name));
    XLSYNC_RETURN_IF_ERROR(CheckReference(plan.odoo, item->odoo, find_odoo, "Odoo", item->task.name, origin));
    XLSYNC_RETURN_IF_ERROR(
        CheckReference(plan.microsoft, item->microsoft, find_microsoft, "Microsoft", item->task.name, origin));
    plan.tasks.push_back(std::move(*item));
    return {};
  };
  XLSYNC_RETURN_IF_ERROR(ForEachTable(root, "odoo_connection", origin, add_odoo));
  XLSYNC_RETURN_IF_ERROR(ForEachTable(root, "microsoft_connection", origin, add_microsoft));
  XLSYNC_RETURN_IF_ERROR(ForEachTable(root, "task", origin, add_task));
  return plan;
}

void Count(ApplySummary& summary, const Written& written, const std::string& kind, const std::string& name) {
  std::string line;
  switch (written.outcome) {
    case WriteOutcome::kCreated:
      ++summary.created;
      line = "created ";
      break;
    case WriteOutcome::kUpdated:
      ++summary.updated;
      line = "updated ";
      break;
    case WriteOutcome::kUnchanged:
      ++summary.unchanged;
      line = "unchanged ";
      break;
  }
  line += kind + " \"" + name + "\"";
  for (size_t i = 0; i < written.changed.size(); ++i) line += (i == 0 ? " (" : ", ") + written.changed[i];
  if (!written.changed.empty()) line += ")";
  summary.lines.push_back(std::move(line));
}

core::Result<ApplySummary> Write(store::Store& store, Plan& plan, std::string_view origin, const std::string& actor) {
  ObjectWriter writer(store, actor, std::string(origin));
  ApplySummary summary;
  for (auto& item : plan.odoo) {
    auto written = writer.SaveOdoo(item.connection, item.secret);
    if (!written) return std::move(written).error();
    Count(summary, *written, "odoo_connection", item.connection.name);
  }
  for (auto& item : plan.microsoft) {
    auto written = writer.SaveMicrosoft(item.connection, item.secret);
    if (!written) return std::move(written).error();
    Count(summary, *written, "microsoft_connection", item.connection.name);
  }
  for (auto& item : plan.tasks) {
    auto odoo = store.FindOdooConnection(item.odoo);
    if (!odoo) return std::move(odoo).error();
    auto microsoft = store.FindMicrosoftConnection(item.microsoft);
    if (!microsoft) return std::move(microsoft).error();
    item.task.odoo_connection_id = odoo->id;
    item.task.microsoft_connection_id = microsoft->id;
    item.task.workbook_key = std::to_string(microsoft->id) + "|" + item.workbook;
    auto written = writer.SaveTask(item.task, item.schedules);
    if (!written) return std::move(written).error();
    Count(summary, *written, "task", item.task.name);
  }
  return summary;
}

}  // namespace

core::Result<ApplySummary> ApplyConfig(store::Store& store, std::string_view toml_text, std::string_view origin,
                                       const std::string& actor, const EnvironmentLookup& env) {
  toml::table root;
  try {
    root = toml::parse(toml_text, origin);
  } catch (const toml::parse_error& error) {
    return core::InvalidInput(std::string(origin) + " is not valid TOML (line " +
                              std::to_string(error.source().begin.line) + ": " + std::string(error.description()) +
                              "): fix the file and try again.");
  }
  auto plan = MakePlan(store, root, origin, env);
  if (!plan) return std::move(plan).error();
  return Write(store, *plan, origin, actor);
}

}  // namespace xlsync::cli
