#include <toml++/toml.h>

#include <map>
#include <sstream>

#include "cli/config_as_code.h"
#include "scheduler/schedule_rule.h"
#include "sync/export_task.h"

namespace xlsync::cli {
namespace {

/// Key/value lines of `table` in toml++'s quoting, in the order the entries are given (a
/// toml::table sorts its keys; the dump reads better with the name first).
class Lines {
 public:
  template <typename T>
  Lines& Add(std::string_view key, T&& value) {
    toml::table one{{key, std::forward<T>(value)}};
    std::ostringstream line;
    line << one;
    text_ += line.str() + "\n";
    return *this;
  }
  Lines& Raw(const std::string& text) {
    text_ += text + "\n";
    return *this;
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
};

/// "file:/etc/x.key" -> <key>_file = "/etc/x.key"; "env:VAR" -> <key>_env = "VAR"; otherwise a
/// comment, since the secret is stored but the dump cannot say where it came from.
void AddSecret(Lines& lines, const std::string& key, const std::string& reference, bool secret_set) {
  if (reference.rfind("file:", 0) == 0) {
    lines.Add(key + "_file", reference.substr(5));
  } else if (reference.rfind("env:", 0) == 0) {
    lines.Add(key + "_env", reference.substr(4));
  } else if (secret_set) {
    lines.Raw("# secret set; add " + key + "_file or " + key + "_env to replace it");
  } else {
    lines.Raw("# no secret yet; add " + key + "_file or " + key + "_env");
  }
}

std::string DumpOdoo(const store::OdooConnection& connection) {
  Lines lines;
  lines.Raw("[[odoo_connection]]")
      .Add("name", connection.name)
      .Add("url", connection.url)
      .Add("database", connection.database)
      .Add("login", connection.login)
      .Add("auth", connection.auth)
      .Add("protocol", connection.protocol);
  AddSecret(lines, connection.auth, connection.secret_reference, connection.secret_set);
  return lines.text();
}

std::string DumpMicrosoft(const store::MicrosoftConnection& connection) {
  Lines lines;
  lines.Raw("[[microsoft_connection]]")
      .Add("name", connection.name)
      .Add("tenant_id", connection.tenant_id)
      .Add("client_id", connection.client_id)
      .Add("user_upn", connection.user_upn)
      .Add("authority_host", connection.authority_host)
      .Add("graph_url", connection.graph_url);
  AddSecret(lines, "client_secret", connection.secret_reference, connection.secret_set);
  return lines.text();
}

void AddSpec(Lines& lines, const sync::ExportTask& spec) {
  toml::array fields;
  for (const auto& field : spec.fields) fields.push_back(field);
  lines.Add("model", spec.model)
      .Add("fields", std::move(fields))
      .Add("domain", spec.domain.dump())
      .Add("order", spec.order)
      .Add("page_size", static_cast<int64_t>(spec.page_size))
      .Add("lang", spec.lang)
      .Add("time_zone", spec.time_zone)
      .Add("include_archived", spec.include_archived)
      .Add("x2many_as_ids", spec.x2many_as_ids)
      .Add("binary_placeholder", spec.binary_placeholder)
      .Add("allow_formulas", spec.allow_formulas)
      .Add("workbook", spec.workbook)
      .Add("sheet", spec.sheet)
      .Add("mode", spec.mode);
}

void AddSchedule(Lines& lines, const store::Schedule& schedule) {
  lines.Raw("[[task.schedule]]");
  if (schedule.kind == "cron") {
    lines.Add("cron", schedule.expression).Add("time_zone", schedule.time_zone);
  } else {
    lines.Add("every", schedule.expression);
  }
  lines.Add("catch_up", schedule.catch_up).Add("enabled", schedule.enabled);
}

core::Result<std::string> DumpTask(store::Store& store, const store::Task& task, const std::string& odoo,
                                   const std::string& microsoft) {
  auto spec = sync::ParseTaskToml(task.spec_toml, "the stored task \"" + task.name + "\"");
  if (!spec) return std::move(spec).error();
  auto schedules = store.ListSchedules(task.id);
  if (!schedules) return std::move(schedules).error();
  Lines lines;
  lines.Raw("[[task]]")
      .Add("name", task.name)
      .Add("odoo", odoo)
      .Add("microsoft", microsoft)
      .Add("enabled", task.enabled)
      .Add("max_attempts", static_cast<int64_t>(task.max_attempts))
      .Add("retry_backoff_seconds", static_cast<int64_t>(task.retry_backoff_seconds));
  AddSpec(lines, *spec);
  for (const auto& schedule : *schedules) AddSchedule(lines.Raw(""), schedule);
  return lines.text();
}

}  // namespace

core::Result<std::string> DumpConfig(store::Store& store) {
  auto odoo = store.ListOdooConnections();
  if (!odoo) return std::move(odoo).error();
  auto microsoft = store.ListMicrosoftConnections();
  if (!microsoft) return std::move(microsoft).error();
  auto tasks = store.ListTasks();
  if (!tasks) return std::move(tasks).error();
  std::map<int64_t, std::string> odoo_names;
  std::map<int64_t, std::string> microsoft_names;
  std::string text = "# xlsync configuration, written by `xlsync dump`; `xlsync apply` reads it back.\n";
  for (const auto& connection : *odoo) {
    odoo_names[connection.id] = connection.name;
    text += "\n" + DumpOdoo(connection);
  }
  for (const auto& connection : *microsoft) {
    microsoft_names[connection.id] = connection.name;
    text += "\n" + DumpMicrosoft(connection);
  }
  for (const auto& task : *tasks) {
    auto section = DumpTask(store, task, odoo_names[task.odoo_connection_id],
                            microsoft_names[task.microsoft_connection_id]);
    if (!section) return std::move(section).error();
    text += "\n" + *section;
  }
  return text;
}

}  // namespace xlsync::cli
