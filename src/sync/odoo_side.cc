#include "sync/odoo_side.h"

#include <spdlog/spdlog.h>

#include "sync/grouped_record_source.h"
#include "sync/odoo_record_source.h"

namespace xlsync::sync {
namespace {

// A grouped export reads groups, not records: reading them now counts them and proves the
// filter and the group-bys valid before the sheet is touched (odoo-api.md §9.1).
core::Result<OdooSide> PrepareGrouped(OdooSide side, const ExportTask& task, const odoo::Schema& schema) {
  auto plan = PlanGroupedExport(task, schema);
  if (!plan) return std::move(plan).error();
  auto groups = odoo::ReadGroups(*side.client, plan->query);
  if (!groups) return std::move(groups).error();
  side.count = static_cast<int64_t>(groups->size());
  side.grouped = std::move(*plan);
  side.groups = std::move(*groups);
  spdlog::info("{} groups of {} match the filter", side.count, task.model);
  return side;
}

}  // namespace

core::Result<OdooSide> PrepareOdoo(http::Client& http, core::Sleeper& sleeper, const odoo::Settings& settings,
                                   const ExportTask& task, http::RetryCounters& counters) {
  auto options = ConvertOptionsOf(task);
  if (!options) return std::move(options).error();
  OdooSide side;
  side.client = std::make_unique<odoo::Client>(http, sleeper, settings, &counters);
  XLSYNC_RETURN_IF_ERROR(side.client->Connect());
  spdlog::info("Odoo {} at {}: logged in as uid {}", side.client->version().text, settings.url,
               side.client->uid());
  const odoo::Context context = OdooContextOf(task);
  auto schema = side.client->FieldsGet(task.model, context);
  if (!schema) return std::move(schema).error();
  if (!task.group_by.empty()) return PrepareGrouped(std::move(side), task, *schema);
  // Each comodel on a dotted path is described once, in the task's language (its labels head
  // the related columns).
  auto plan = odoo::RelatedPlan::Build(*side.client, *schema, task.fields, context);
  if (!plan) return std::move(plan).error();
  auto converter = odoo::CellConverter::Create(*schema, task.fields, *options, &*plan);
  if (!converter) return std::move(converter).error();
  side.plan = std::move(*plan);
  side.warnings = converter->warnings();
  side.converter.emplace(std::move(*converter));
  // Counting with the filter proves the filter is valid before the sheet is touched.
  auto count = side.client->SearchCount(task.model, task.domain, context);
  if (!count) return std::move(count).error();
  side.count = *count;
  spdlog::info("{} records of {} match the filter", side.count, task.model);
  return side;
}

std::unique_ptr<RecordSource> MakeRecordSource(OdooSide& side, const ExportTask& task, int64_t after_id) {
  if (!task.group_by.empty() && side.grouped) {
    // The groups read by PrepareOdoo, unless the filter changed since (a burst value's slice).
    GroupedPlan plan = *side.grouped;
    std::optional<std::vector<odoo::Group>> groups;
    if (plan.query.domain == task.domain) groups = side.groups;
    plan.query.domain = task.domain;
    return std::make_unique<GroupedRecordSource>(*side.client, std::move(plan), FirstPageSize(task),
                                                 std::move(groups));
  }
  odoo::ReadSpec spec;
  spec.model = task.model;
  spec.domain = task.domain;
  spec.fields = side.converter->read_fields();
  spec.order = task.order;
  spec.page_size = FirstPageSize(task);
  spec.max_page_size = MaxPageSize(task);
  spec.context = OdooContextOf(task);
  spec.after_id = after_id;
  return std::make_unique<OdooRecordSource>(*side.client, std::move(spec), std::move(*side.converter),
                                            std::move(side.plan));
}

core::Result<const date::time_zone*> LocateTimeZone(const std::string& name) {
  try {
    return date::locate_zone(name.empty() ? std::string("UTC") : name);
  } catch (const std::exception&) {
    return core::InvalidInput("The time zone \"" + name + "\" is unknown: use an IANA name such as "
                              "Europe/Brussels or UTC.");
  }
}

odoo::Context OdooContextOf(const ExportTask& task) {
  odoo::Context context;
  context.lang = task.lang;
  context.active_test = !task.include_archived;
  context.bin_size = task.binary_placeholder;  // sizes instead of file contents (odoo-api.md §9.3)
  return context;
}

core::Result<odoo::ConvertOptions> ConvertOptionsOf(const ExportTask& task) {
  auto zone = LocateTimeZone(task.time_zone);
  if (!zone) return std::move(zone).error();
  odoo::ConvertOptions options;
  options.time_zone = *zone;
  options.x2many_as_ids = task.x2many_as_ids;
  options.binary_placeholder = task.binary_placeholder;
  options.percent_fields = task.percent_fields;
  options.header_names = task.header == "names";
  return options;
}

}  // namespace xlsync::sync
