#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace xlsync::sync {

/// What to export and where: an Odoo model, its fields and filter, and the target sheet.
struct ExportTask {
  std::string name = "export";
  std::string model;
  std::vector<std::string> fields;
  nlohmann::json domain = nlohmann::json::array();
  std::string order = "id";
  int page_size = 1000;
  std::string lang = "en_US";
  std::string time_zone = "UTC";
  bool include_archived = false;
  std::string workbook;  // item id, "/path/in/drive.xlsx" or a sharing link
  std::string sheet = "Sheet1";
  std::string mode = "replace";
  bool x2many_as_ids = false;
  bool binary_placeholder = false;
  bool allow_formulas = false;
};

/// Checks a task before anything is read or written: one plain sentence per problem.
core::Result<void> ValidateTask(const ExportTask& task);

/// Parses an Odoo domain written as JSON ([["state", "=", "sale"]]); "" means no filter.
core::Result<nlohmann::json> ParseDomain(std::string_view text);

/// Reads a task from TOML text (keys as in ExportTask; target keys workbook, sheet and mode may
/// also sit in a [target] table). `origin` names the file in messages.
core::Result<ExportTask> ParseTaskToml(std::string_view text, std::string_view origin);

/// Writes every key of `task` as TOML text that ParseTaskToml reads back to the same task (the
/// domain as JSON text); how the store keeps a task.
std::string FormatTaskToml(const ExportTask& task);

}  // namespace xlsync::sync
