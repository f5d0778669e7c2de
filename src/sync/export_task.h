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
  int page_size = 0;  // records per Odoo request; 0 = automatic (FirstPageSize, MaxPageSize)
  std::string lang = "en_US";
  std::string time_zone = "UTC";
  bool include_archived = false;
  std::string workbook;  // item id, "/path/in/drive.xlsx" or a sharing link
  std::string sheet = "Sheet1";
  std::string mode = "replace";
  bool x2many_as_ids = false;
  bool binary_placeholder = false;
  bool allow_formulas = false;

  // How the sheet looks and what it holds beyond plain records.
  std::string header = "labels";            // "labels" (in `lang`) or "names" (technical)
  std::vector<std::string> percent_fields;  // numbers shown as percentages: Odoo's 12.5 is 12.5 %
  std::string table;                        // write the data as this named Excel table; "" = none
  std::string table_style = "TableStyleMedium2";
  bool row_links = false;                   // a last column linking each row to its Odoo record
  bool rollover = false;                    // past Excel's row limit, go on in "<sheet> (2)", ...
  std::string burst_by;                     // one sheet per value of this field; "" = one sheet
  std::string burst_workbook;               // with burst_by: one workbook per value ("{value}")
  std::vector<std::string> group_by;        // grouped export: "partner_id", "date_order:month"
  std::vector<std::string> aggregates;      // with group_by: "amount_total:sum", "__count"
};

/// Date granularities a grouped export may use after "field:" (Odoo's read_group).
inline constexpr std::string_view kGroupGranularities[] = {"day", "week", "month", "quarter", "year"};
/// Aggregate functions a grouped export may use after "field:".
inline constexpr std::string_view kAggregateFunctions[] = {"sum", "avg", "min", "max", "count"};

/// Automatic pages start at 1,000 records and grow to about odoo::kPageBytes of answer, at most
/// this many records.
inline constexpr int kAutoFirstPage = 1000;
inline constexpr int kAutoMaxPage = 10'000;
/// Records in the first Odoo request: the task's page size, or kAutoFirstPage when automatic.
int FirstPageSize(const ExportTask& task);
/// Records in any Odoo request at most: the task's page size (every page that size), or
/// kAutoMaxPage when automatic.
int MaxPageSize(const ExportTask& task);

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
