#pragma once

#include <date/tz.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/sleeper.h"
#include "http/client.h"
#include "http/retry.h"
#include "odoo/cell_converter.h"
#include "odoo/client.h"
#include "odoo/related_fields.h"
#include "odoo/settings.h"
#include "odoo/read_group.h"
#include "sync/export_task.h"
#include "sync/grouped_plan.h"
#include "sync/record_source.h"

namespace xlsync::sync {

/// The Odoo side of a run, ready to stream: logged in, schema read, fields resolved, filter
/// checked and counted. Shared by exports, previews and forecasts.
struct OdooSide {
  std::unique_ptr<odoo::Client> client;
  std::optional<odoo::CellConverter> converter;
  odoo::RelatedPlan plan;  // the task's related (dotted) fields; empty when it has none
  int64_t count = 0;  // records matching the task's filter when the side was prepared
  // A grouped export (task.group_by) has no converter: its plan, and its groups (`count` of
  // them) read when the side was prepared.
  std::optional<GroupedPlan> grouped;
  std::vector<odoo::Group> groups;
  std::vector<std::string> warnings;  // for the run summary (fields left out, ...)
};

/// Connects to Odoo and checks the task against it before anything is written anywhere.
core::Result<OdooSide> PrepareOdoo(http::Client& http, core::Sleeper& sleeper, const odoo::Settings& settings,
                                   const ExportTask& task, http::RetryCounters& counters);

/// The rows of the task, read after `after_id` (keyset resume; 0 = from the start). Takes the
/// side's converter; the side's client must outlive the source. A grouped task gets one row per
/// group (GroupedRecordSource, no resume), from the side's groups while the filter is the same.
std::unique_ptr<RecordSource> MakeRecordSource(OdooSide& side, const ExportTask& task, int64_t after_id);

/// The IANA time zone of a task ("Europe/Brussels"), or a plain error naming it.
core::Result<const date::time_zone*> LocateTimeZone(const std::string& name);

/// The Odoo context a task reads with (language, archived records, binary sizes).
odoo::Context OdooContextOf(const ExportTask& task);

/// How a task turns Odoo values into cells (time zone, x2many as ids, binary placeholder,
/// percentages, header of technical names).
core::Result<odoo::ConvertOptions> ConvertOptionsOf(const ExportTask& task);

}  // namespace xlsync::sync
