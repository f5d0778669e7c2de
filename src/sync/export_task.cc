#include "sync/export_task.h"

#include <toml++/toml.h>

#include <algorithm>
#include <span>
#include <sstream>

#include "excel/sheet_name.h"
#include "excel/table_name.h"

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

// `expected`: "a list of field names, such as [\"name\", \"email\"]".
core::Result<void> TakeList(const toml::table& table, std::string_view key, std::vector<std::string>& target,
                            std::string_view origin, std::string_view expected) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return {};
  const toml::array* list = node->as_array();
  const std::string what = "\"" + std::string(key) + "\" must be " + std::string(expected) + ".";
  if (list == nullptr) return TaskError(origin, what);
  target.clear();
  for (const auto& item : *list) {
    auto text = item.value<std::string>();
    if (!text) return TaskError(origin, what);
    target.push_back(*text);
  }
  return {};
}

toml::array ListOf(const std::vector<std::string>& texts) {
  toml::array list;
  for (const auto& text : texts) list.push_back(text);
  return list;
}

bool OneOf(std::string_view value, std::span<const std::string_view> choices) {
  return std::find(choices.begin(), choices.end(), value) != choices.end();
}

std::string Joined(std::span<const std::string_view> choices) {
  std::string text;
  for (const auto choice : choices) text += (text.empty() ? "" : ", ") + std::string(choice);
  return text;
}

// "date_order:month" -> granularity checked; a bare field is fine.
core::Result<void> ValidateGroupBy(const ExportTask& task) {
  if (task.group_by.size() > 2) {
    return core::InvalidInput("A grouped export groups by one or two fields, not " +
                              std::to_string(task.group_by.size()) + ": remove the others from group_by.");
  }
  for (const auto& spec : task.group_by) {
    const auto colon = spec.find(':');
    if (spec.empty() || colon == 0) {
      return core::InvalidInput("The group_by entry \"" + spec + "\" names no field: write a field such as "
                                "\"partner_id\" or \"date_order:month\".");
    }
    if (colon != std::string::npos && !OneOf(std::string_view(spec).substr(colon + 1), kGroupGranularities)) {
      return core::InvalidInput("The group_by entry \"" + spec + "\" has an unknown date grouping: use one of " +
                                Joined(kGroupGranularities) + ".");
    }
  }
  for (const auto& spec : task.aggregates) {
    const auto colon = spec.find(':');
    if (spec == "__count") continue;
    if (colon == std::string::npos || colon == 0 ||
        !OneOf(std::string_view(spec).substr(colon + 1), kAggregateFunctions)) {
      return core::InvalidInput("The aggregate \"" + spec + "\" is not understood: write \"field:function\" with "
                                "a function among " + Joined(kAggregateFunctions) + ", or \"__count\".");
    }
  }
  if (task.group_by.empty() && !task.aggregates.empty()) {
    return core::InvalidInput("The task lists aggregates but no group_by: add the fields to group by, or remove "
                              "the aggregates.");
  }
  if (!task.group_by.empty() && task.row_links) {
    return core::InvalidInput("A grouped export has no records to link to: turn row_links off.");
  }
  return {};
}

core::Result<void> ValidateLook(const ExportTask& task) {
  if (task.header != "labels" && task.header != "names") {
    return core::InvalidInput("The header \"" + task.header + "\" is not available: use \"labels\" (field "
                              "labels in the task's language) or \"names\" (technical names).");
  }
  for (const auto& field : task.percent_fields) {
    if (std::find(task.fields.begin(), task.fields.end(), field) == task.fields.end()) {
      return core::InvalidInput("The percentage field \"" + field + "\" is not among the task's fields: add it "
                                "to fields or remove it from percent_fields.");
    }
  }
  if (!task.table.empty()) {
    XLSYNC_RETURN_IF_ERROR(excel::ValidateTableName(task.table));
    XLSYNC_RETURN_IF_ERROR(excel::ValidateTableStyle(task.table_style));
  }
  if (!task.burst_workbook.empty() && task.burst_by.empty()) {
    return core::InvalidInput("burst_workbook is set but burst_by is not: name the field whose values split "
                              "the export.");
  }
  if (!task.burst_workbook.empty() && task.burst_workbook.find("{value}") == std::string::npos) {
    return core::InvalidInput("burst_workbook must contain {value}, such as \"/Reports/Sales {value}.xlsx\", so "
                              "that each value gets its own workbook.");
  }
  return ValidateGroupBy(task);
}

core::Result<void> TakeTarget(const toml::table& table, ExportTask& task, std::string_view origin) {
  XLSYNC_RETURN_IF_ERROR(Take(table, "workbook", task.workbook, origin, "a text"));
  XLSYNC_RETURN_IF_ERROR(Take(table, "sheet", task.sheet, origin, "a text"));
  XLSYNC_RETURN_IF_ERROR(Take(table, "mode", task.mode, origin, "a text"));
  XLSYNC_RETURN_IF_ERROR(Take(table, "table", task.table, origin, "a table name such as \"OdooOrders\""));
  XLSYNC_RETURN_IF_ERROR(Take(table, "table_style", task.table_style, origin, "a style such as \"TableStyleMedium2\""));
  XLSYNC_RETURN_IF_ERROR(Take(table, "rollover", task.rollover, origin, "true or false"));
  XLSYNC_RETURN_IF_ERROR(Take(table, "burst_workbook", task.burst_workbook, origin, "a path with {value}"));
  return {};
}

}  // namespace

int FirstPageSize(const ExportTask& task) { return task.page_size > 0 ? task.page_size : kAutoFirstPage; }

int MaxPageSize(const ExportTask& task) { return task.page_size > 0 ? task.page_size : kAutoMaxPage; }

core::Result<void> ValidateTask(const ExportTask& task) {
  if (task.model.empty()) {
    return core::InvalidInput("The task names no Odoo model: set one, such as sale.order or res.partner.");
  }
  if (task.fields.empty() && task.group_by.empty()) {
    return core::InvalidInput("The task names no fields: list the fields to export, such as name and email.");
  }
  if (task.workbook.empty()) {
    return core::InvalidInput("The task names no workbook: give its OneDrive/SharePoint link, its path "
                              "(such as /Reports/Sales.xlsx) or its item ID.");
  }
  if (task.mode != "replace") {
    return core::InvalidInput("The mode \"" + task.mode + "\" is not available: use \"replace\".");
  }
  if (task.page_size < 0 || task.page_size > 20'000) {
    return core::InvalidInput("The page size " + std::to_string(task.page_size) +
                              " is out of range: use 0 (automatic, the default) or a number from 1 to 20000.");
  }
  if (!task.domain.is_array()) {
    return core::InvalidInput("The filter must be an Odoo domain list, such as [[\"state\", \"=\", \"sale\"]].");
  }
  XLSYNC_RETURN_IF_ERROR(ValidateLook(task));
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
  XLSYNC_RETURN_IF_ERROR(TakeList(table, "fields", task.fields, origin, "a list of field names, such as [\"name\", \"email\"]"));
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
  XLSYNC_RETURN_IF_ERROR(Take(table, "header", task.header, origin, "\"labels\" or \"names\""));
  XLSYNC_RETURN_IF_ERROR(TakeList(table, "percent_fields", task.percent_fields, origin, "a list of field names, such as [\"discount\"]"));
  XLSYNC_RETURN_IF_ERROR(Take(table, "row_links", task.row_links, origin, "true or false"));
  XLSYNC_RETURN_IF_ERROR(Take(table, "burst_by", task.burst_by, origin, "a field name such as \"company_id\""));
  XLSYNC_RETURN_IF_ERROR(TakeList(table, "group_by", task.group_by, origin, "a list such as [\"partner_id\", \"date_order:month\"]"));
  XLSYNC_RETURN_IF_ERROR(TakeList(table, "aggregates", task.aggregates, origin, "a list such as [\"amount_total:sum\", \"__count\"]"));
  XLSYNC_RETURN_IF_ERROR(TakeTarget(table, task, origin));
  if (const toml::table* target = table["target"].as_table()) {
    XLSYNC_RETURN_IF_ERROR(TakeTarget(*target, task, origin));
  }
  return task;
}

std::string FormatTaskToml(const ExportTask& task) {
  // toml++ quotes and escapes every value, so any name, filter or link survives the round trip.
  const toml::table table{
      {"name", task.name},
      {"model", task.model},
      {"fields", ListOf(task.fields)},
      {"domain", task.domain.dump()},
      {"order", task.order},
      {"page_size", static_cast<int64_t>(task.page_size)},
      {"lang", task.lang},
      {"time_zone", task.time_zone},
      {"include_archived", task.include_archived},
      {"x2many_as_ids", task.x2many_as_ids},
      {"binary_placeholder", task.binary_placeholder},
      {"allow_formulas", task.allow_formulas},
      {"header", task.header},
      {"percent_fields", ListOf(task.percent_fields)},
      {"row_links", task.row_links},
      {"burst_by", task.burst_by},
      {"group_by", ListOf(task.group_by)},
      {"aggregates", ListOf(task.aggregates)},
      {"workbook", task.workbook},
      {"sheet", task.sheet},
      {"mode", task.mode},
      {"table", task.table},
      {"table_style", task.table_style},
      {"rollover", task.rollover},
      {"burst_workbook", task.burst_workbook},
  };
  std::ostringstream text;
  text << table << "\n";
  return text.str();
}

}  // namespace xlsync::sync
