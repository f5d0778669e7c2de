// Grouped exports checked against fields_get before anything is read or written (odoo-api.md
// §8, §9.1): which fields Odoo can group by and aggregate, the columns' labels and formats.
#include "sync/grouped_plan.h"

#include "excel/number_format.h"
#include "sync/odoo_side.h"

namespace xlsync::sync {
namespace {

using odoo::Field;
using odoo::FieldType;

constexpr std::string_view kMonthFormat = "mmm yyyy";

bool IsDate(const Field& field) { return field.type == FieldType::kDate || field.type == FieldType::kDatetime; }

bool IsNumber(const Field& field) {
  return field.type == FieldType::kInteger || field.type == FieldType::kFloat || field.type == FieldType::kMonetary;
}

std::string Described(const Field& field) { return field.label + " (" + field.name + ")"; }

// The converter's formats (cell_converter.cc): integers whole, floats at their digits, money
// with two decimals.
std::string NumberFormatOf(const Field& field) {
  if (field.type == FieldType::kInteger) return std::string(excel::kIntegerFormat);
  if (field.type == FieldType::kMonetary) return excel::DecimalFormat(2, true);
  if (field.type == FieldType::kFloat && field.digits) return excel::DecimalFormat(field.digits->second, true);
  return {};
}

core::Result<Field> Lookup(const odoo::Schema& schema, const std::string& name) {
  auto resolved = schema.Resolve({name});
  if (!resolved) return std::move(resolved).error();
  return *resolved->front();
}

// One stored value per record is what Odoo's GROUP BY groups on (§9.1).
core::Result<void> CheckGroupable(const Field& field) {
  const char* kInstead = ": group by a many2one, selection, text, number, boolean or date field instead.";
  if (field.IsX2many()) {
    return core::InvalidInput("A grouped export cannot group by " + Described(field) +
                              ", which holds several records per row" + kInstead);
  }
  switch (field.type) {
    case FieldType::kBinary:
    case FieldType::kHtml:
    case FieldType::kProperties:
    case FieldType::kJson:
    case FieldType::kReference:
    case FieldType::kMany2oneReference:
    case FieldType::kOther:
      return core::InvalidInput("A grouped export cannot group by " + Described(field) + ", a field of type " +
                                field.type_name + kInstead);
    default: break;
  }
  if (!field.store) {
    return core::InvalidInput("Odoo cannot group by " + Described(field) +
                              " because it is computed and not stored: pick a stored field.");
  }
  return {};
}

std::string GroupByFormat(const Field& field, const std::string& granularity) {
  if (granularity == "day" || granularity == "week") return std::string(excel::kDateFormat);
  if (granularity == "month") return std::string(kMonthFormat);
  if (granularity == "year") return std::string(excel::kIntegerFormat);
  if (granularity == "quarter") return {};  // "Q1 2024" is text
  return IsNumber(field) ? NumberFormatOf(field) : std::string();
}

core::Result<void> AddGroupBy(GroupedPlan& plan, const std::string& entry, const odoo::Schema& schema, bool names) {
  const auto colon = entry.find(':');
  const std::string name = entry.substr(0, colon);
  std::string granularity = colon == std::string::npos ? std::string() : entry.substr(colon + 1);
  auto field = Lookup(schema, name);
  if (!field) return std::move(field).error();
  XLSYNC_RETURN_IF_ERROR(CheckGroupable(*field));
  if (!granularity.empty() && !IsDate(*field)) {
    return core::InvalidInput("The group_by entry \"" + entry + "\" groups by " + granularity + ", but " +
                              Described(*field) + " is not a date: write \"" + name + "\" alone.");
  }
  // read_group groups dates by month when told nothing; formatted_read_group needs it said.
  if (IsDate(*field) && granularity.empty()) granularity = "month";
  const std::string spec = granularity.empty() ? name : name + ":" + granularity;
  const std::string label = granularity.empty() ? field->label : field->label + " (" + granularity + ")";
  plan.query.group_by.push_back(spec);
  plan.columns.push_back({name, names ? spec : label, GroupByFormat(*field, granularity)});
  plan.sources.push_back({false, plan.query.group_by.size() - 1, *field, granularity});
  return {};
}

core::Result<void> AddAggregate(GroupedPlan& plan, const std::string& entry, const odoo::Schema& schema, bool names) {
  plan.query.aggregates.push_back(entry);
  const size_t index = plan.query.aggregates.size() - 1;
  if (entry == "__count") {
    plan.columns.push_back({"__count", names ? entry : std::string("Count"), std::string(excel::kIntegerFormat)});
    plan.sources.push_back({true, index, {}, {}});
    return {};
  }
  const auto colon = entry.find(':');
  const std::string name = entry.substr(0, colon);
  const std::string func = colon == std::string::npos ? std::string() : entry.substr(colon + 1);
  auto field = Lookup(schema, name);
  if (!field) return std::move(field).error();
  if (func != "count" && !IsNumber(*field)) {
    return core::InvalidInput("The aggregate \"" + entry + "\" needs a number, but " + Described(*field) + " is a " +
                              field->type_name + " field: aggregate a numeric field, or count it with \"" + name +
                              ":count\".");
  }
  if (field->IsX2many()) {
    return core::InvalidInput("Odoo cannot aggregate " + Described(*field) +
                              ", which holds several records per row: count a many2one or a stored field instead.");
  }
  if (!field->store) {
    return core::InvalidInput("Odoo cannot aggregate " + Described(*field) +
                              " because it is computed and not stored: pick a stored field.");
  }
  std::string format = NumberFormatOf(*field);
  if (func == "count") format = std::string(excel::kIntegerFormat);
  if (func == "avg" && field->type == FieldType::kInteger) format = excel::DecimalFormat(2, true);
  plan.columns.push_back({name, names ? entry : field->label + " (" + func + ")", format});
  plan.sources.push_back({true, index, *field, {}});
  return {};
}

}  // namespace

core::Result<GroupedPlan> PlanGroupedExport(const ExportTask& task, const odoo::Schema& schema) {
  auto zone = LocateTimeZone(task.time_zone);
  if (!zone) return std::move(zone).error();
  GroupedPlan plan;
  plan.zone = *zone;
  plan.query.model = task.model;
  plan.query.domain = task.domain;
  plan.query.context = OdooContextOf(task);
  // Datetime buckets are cut at the task's midnights (§9.3: tz only moves read_group's buckets).
  plan.query.context.tz = (*zone)->name();
  const bool names = task.header == "names";
  for (const std::string& entry : task.group_by) XLSYNC_RETURN_IF_ERROR(AddGroupBy(plan, entry, schema, names));
  const std::vector<std::string> aggregates =
      task.aggregates.empty() ? std::vector<std::string>{"__count"} : task.aggregates;
  for (const std::string& entry : aggregates) XLSYNC_RETURN_IF_ERROR(AddAggregate(plan, entry, schema, names));
  return plan;
}

}  // namespace xlsync::sync
