#pragma once

#include <date/tz.h>

#include <cstddef>
#include <string>
#include <vector>

#include "core/cell.h"
#include "core/result.h"
#include "odoo/field.h"
#include "odoo/read_group.h"
#include "odoo/schema.h"
#include "sync/export_task.h"

namespace xlsync::sync {

/// Where one column of a grouped export takes its cells from: a group-by value (keys[index];
/// dates by `granularity`) or an aggregate (aggregates[index]; `field` empty for "__count").
struct GroupedColumn {
  bool aggregate = false;
  size_t index = 0;
  odoo::Field field;
  std::string granularity;
};

/// A grouped export (task.group_by, task.aggregates) checked against the model's fields_get:
/// the grouped read to run, the sheet's columns (group-bys first, then aggregates) and how each
/// takes its cells. Datetime buckets are cut in the task's time zone. A value; share freely.
struct GroupedPlan {
  odoo::GroupQuery query;
  std::vector<core::Column> columns;
  std::vector<GroupedColumn> sources;  // one per column
  const date::time_zone* zone = nullptr;
};

/// Builds the plan, or InvalidInput in one sentence for: an unknown field, a field that cannot
/// be grouped (several values per record, files, not stored), a date granularity on a field
/// that is not a date, an aggregate of a field that is not a number (only count takes any
/// field), or one Odoo does not store. A date group-by without granularity is by month and
/// no aggregates means ["__count"].
core::Result<GroupedPlan> PlanGroupedExport(const ExportTask& task, const odoo::Schema& schema);

}  // namespace xlsync::sync
