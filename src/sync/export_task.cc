#include "sync/export_task.h"

#include <toml++/toml.h>

#include <algorithm>
#include <sstream>

#include "excel/sheet_name.h"

namespace xlsync::sync {
namespace {

core::Error TaskError(std::string_view origin, const std::string& what) {
  return core::InvalidInput(std::string(origin) + ": " + what);
}

template <typename T>
core::Result<void> Take(const toml::table& table, std::string_view key, T& target, std::string_view origin,
                        std::string_view expected) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return {};
  auto value = node->value<T>();
  if (!value) return TaskError(origin, "\"" + std::string(key) + "\" must be " + std::string(expected) + ".");
  target = *value;
  return {};
}

core::Result<void> TakeFields(const toml::table& table, ExportTask& task, std::string_view origin) {
  const toml::node* node = table.get("fields");
  if (node == nullptr) return {};
  const toml::array* list = node->as_array();
  if (list == nullptr) return TaskError(origin, "\"fields\" must be a list of field names, such as [\"name\", \"email\"].");
  task.fields.clear();
  for (const auto& item : *list) {
    auto name = item.value<std::string>();
    if (!name) return TaskError(origin, "\"fields\" must list field names as strings.");
    task.fields.push_back(*name);
  }
  return {};
}

core::Result<void> TakeTarget(const toml::table& table, ExportTask& task, std::string_view origin) {
  XLSYNC_RETURN_IF_ERROR(Take(table, "workbook", task.workbook, origin, "a text"));
  XLSYNC_RETURN_IF_ERROR(Take(table, "sheet", task.sheet, origin, "a text"));
  XLSYNC_RETURN_IF_ERROR(Take(table, "mode", task.mode, origin, "a text"));
  return {};
}

}  // namespace

core::Result<void> ValidateTask(const ExportTask& task) {
  if (task.model.empty()) {
    return core::InvalidInput("The task names no Odoo model: set one, such as sale.order or res.partner.");
  }
  if (task.fields.empty()) {
    return core::InvalidInput("The task names no fields: list the fields to export, such as name and email.");
  }
  if (task.workbook.empty()) {
    return core::InvalidInput("The task names no workbook: give its OneDrive/SharePoint link, its path "
                              "(such as /Reports/Sales.xlsx) or its item ID.");
  }
  if (task.mode != "replace") {
    return core::InvalidInput("The mode \"" + task.mode + "\" is not available: use \"replace\".");
  }
  if (task.page_size < 1 || task.page_size > 20'000) {
    return core::InvalidInput("The page size " + std::to_string(task.page_size) +
                              " is out of range: use a number from 1 to 20000 (1000 suits most models).");
  }
  if (!task.domain.is_array()) {
    return core::InvalidInput("The filter must be an Odoo domain list, such as [[\"state\", \"=\", \"sale\"]].");
  }
  return excel::ValidateSheetName(task.sheet);
}

core::Result<nlohmann::json> ParseDomain(std::string_view text) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return nlohmann::json::array();
  nlohmann::json domain = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (domain.is_discarded() || !domain.is_array()) {
    return core::InvalidInput("The filter is not a valid Odoo domain: write it as a JSON list, such as "
                              "[[\"state\", \"=\", \"sale\"], [\"amount_total\", \">\", 100]].");
  }
  return domain;
}

core::Result<ExportTask> ParseTaskToml(std::string_view text, std::string_view origin) {
  toml::table table;
  try {
    table = toml::parse(text, origin);
  } catch (const toml::parse_error& error) {
    return core::InvalidInput(std::string(origin) + " is not valid TOML (line " +
                              std::to_string(error.source().begin.line) + ": " +
                              std::string(error.description()) + "): fix the file and try again.");
  }
  ExportTask task;
  XLSYNC_RETURN_IF_ERROR(Take(table, "name", task.name, origin, "a text"));
  XLSYNC_RETURN_IF_ERROR(Take(table, "model", task.model, origin, "a text such as \"sale.order\""));
  XLSYNC_RETURN_IF_ERROR(TakeFields(table, task, origin));
  std::string domain_text;
  XLSYNC_RETURN_IF_ERROR(Take(table, "domain", domain_text, origin, "a text holding an Odoo domain"));
  auto domain = ParseDomain(domain_text);
  if (!domain) return TaskError(origin, domain.error().message);
  task.domain = std::move(*domain);
  XLSYNC_RETURN_IF_ERROR(Take(table, "order", task.order, origin, "a text such as \"id\""));
  int64_t page_size = task.page_size;
  XLSYNC_RETURN_IF_ERROR(Take(table, "page_size", page_size, origin, "a whole number"));
  task.page_size = static_cast<int>(std::clamp<int64_t>(page_size, -1, 1'000'000));
  XLSYNC_RETURN_IF_ERROR(Take(table, "lang", task.lang, origin, "a language code such as \"en_US\""));
  XLSYNC_RETURN_IF_ERROR(Take(table, "time_zone", task.time_zone, origin, "a time zone such as \"Europe/Brussels\""));
  XLSYNC_RETURN_IF_ERROR(Take(table, "include_archived", task.include_archived, origin, "true or false"));
  XLSYNC_RETURN_IF_ERROR(Take(table, "x2many_as_ids", task.x2many_as_ids, origin, "true or false"));
  XLSYNC_RETURN_IF_ERROR(Take(table, "binary_placeholder", task.binary_placeholder, origin, "true or false"));
  XLSYNC_RETURN_IF_ERROR(Take(table, "allow_formulas", task.allow_formulas, origin, "true or false"));
  XLSYNC_RETURN_IF_ERROR(TakeTarget(table, task, origin));
  if (const toml::table* target = table["target"].as_table()) {
    XLSYNC_RETURN_IF_ERROR(TakeTarget(*target, task, origin));
  }
  return task;
}

std::string FormatTaskToml(const ExportTask& task) {
  toml::array fields;
  for (const auto& field : task.fields) fields.push_back(field);
  // toml++ quotes and escapes every value, so any name, filter or link survives the round trip.
  const toml::table table{
      {"name", task.name},
      {"model", task.model},
      {"fields", std::move(fields)},
      {"domain", task.domain.dump()},
      {"order", task.order},
      {"page_size", static_cast<int64_t>(task.page_size)},
      {"lang", task.lang},
      {"time_zone", task.time_zone},
      {"include_archived", task.include_archived},
      {"x2many_as_ids", task.x2many_as_ids},
      {"binary_placeholder", task.binary_placeholder},
      {"allow_formulas", task.allow_formulas},
      {"workbook", task.workbook},
      {"sheet", task.sheet},
      {"mode", task.mode},
  };
  std::ostringstream text;
  text << table << "\n";
  return text.str();
}

}  // namespace xlsync::sync
