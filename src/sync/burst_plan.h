#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "odoo/client.h"
#include "odoo/read_group.h"
#include "odoo/schema.h"
#include "sync/export_task.h"

namespace xlsync::sync {

/// One value of a burst export's field: the terms its records add to the task's filter, the
/// text it is named after, and how many records Odoo counted for it.
struct BurstValue {
  nlohmann::json terms = nlohmann::json::array();  // [["company_id", "=", 1]]; a range for dates
  std::string display;                             // "Acme Corporation"; "None" without a value
  int64_t count = 0;
};

/// Where one value's records go: a sheet of the task's workbook named after the value, or (with
/// burst_workbook) the task's sheet in a workbook of its own.
struct BurstTarget {
  BurstValue value;
  std::string workbook;
  std::string sheet;
};

/// The distinct values of `task.burst_by` among the records the task's filter matches, in
/// Odoo's group order, read with one grouped read (odoo/read_group.h, odoo-api.md §9.1): a
/// many2one by id and name, a selection by key and label, texts, booleans and numbers as they
/// are, dates and datetimes by day. Other field types, and unknown fields, are InvalidInput.
core::Result<std::vector<BurstValue>> ReadBurstValues(odoo::Client& client, const odoo::Schema& schema,
                                                      const ExportTask& task);

/// One value from one group of a grouped read by `field` ("field:day" for dates).
BurstValue BurstValueOf(const odoo::Field& field, const odoo::Group& group);

/// Names the targets: sheets cleaned to Excel's rules and unique ("Acme", "Acme (2)"), or
/// workbook paths with "{value}" replaced by PathSafe(display).
std::vector<BurstTarget> BurstTargets(const ExportTask& task, std::vector<BurstValue> values);

/// The task with its filter narrowed to one value: its domain AND the value's terms.
ExportTask BurstSlice(const ExportTask& task, const BurstValue& value);

/// `text` fit for a file name in OneDrive or SharePoint: " * : < > ? / \ | # % and control
/// characters replaced by "_", leading and trailing spaces and dots dropped, cut to 100
/// characters; "_" when nothing is left.
std::string PathSafe(std::string_view text);

}  // namespace xlsync::sync
