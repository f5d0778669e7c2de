// Groups to rows (odoo-api.md §9.1): Odoo labels date buckets in the user's language ("January
// 2024", "janvier 2024"), so dates are rebuilt from the bucket's start, which both read_group
// and formatted_read_group give, and shown through the column's number format instead.
#include "sync/grouped_record_source.h"

#include <date/date.h>

#include <algorithm>

#include "excel/serial_date.h"
#include "odoo/value_cells.h"

namespace xlsync::sync {
namespace {

using nlohmann::json;

// The bucket's first local day: a date bucket starts on "YYYY-MM-DD"; a datetime bucket at the
// UTC instant of the local midnight in the zone it was cut in.
std::optional<date::local_days> FirstDay(const std::string& from, const date::time_zone* zone) {
  const auto instant = odoo::ParseOdooDatetime(from);
  if (!instant) return std::nullopt;
  if (from.size() == 10 || zone == nullptr) {
    return date::local_days{date::floor<date::days>(*instant).time_since_epoch()};
  }
  return date::floor<date::days>(zone->to_local(*instant));
}

core::Cell DateGroupCell(const odoo::Group& group, const GroupedColumn& source, const date::time_zone* zone) {
  const json& label = group.keys[source.index];
  const auto& range = group.ranges[source.index];
  if (label.is_null() || label == false) return core::Cell::Empty();  // records without a date
  const auto day = range ? FirstDay(range->first, zone) : std::nullopt;
  if (!day) return odoo::TextCell(label);
  const date::year_month_day ymd{*day};
  const int year = static_cast<int>(ymd.year());
  if (source.granularity == "year") return core::Cell::Number(year);
  if (source.granularity == "quarter") {
    const unsigned quarter = (static_cast<unsigned>(ymd.month()) - 1) / 3 + 1;
    return core::Cell::Text("Q" + std::to_string(quarter) + " " + std::to_string(year));
  }
  auto serial = excel::DateSerial(year, static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return serial ? core::Cell::Number(*serial) : odoo::TextCell(label);
}

core::Cell GroupByCell(const odoo::Group& group, const GroupedColumn& source, const date::time_zone* zone) {
  if (!source.granularity.empty()) return DateGroupCell(group, source, zone);
  const json& value = group.keys[source.index];
  switch (source.field.type) {
    case odoo::FieldType::kMany2one: return odoo::Many2oneCell(value);
    case odoo::FieldType::kSelection: return odoo::SelectionCell(value, source.field);
    case odoo::FieldType::kBoolean: return odoo::BooleanCell(value);
    case odoo::FieldType::kInteger:
    case odoo::FieldType::kFloat:
    case odoo::FieldType::kMonetary: return value.is_number() ? odoo::NumberCell(value) : core::Cell::Empty();
    default: return odoo::TextCell(value);
  }
}

}  // namespace

GroupedRecordSource::GroupedRecordSource(odoo::Client& client, GroupedPlan plan, int batch_rows,
                                         std::optional<std::vector<odoo::Group>> groups)
    : client_(client),
      plan_(std::move(plan)),
      batch_rows_(static_cast<size_t>(std::max(batch_rows, 1))),
      groups_(std::move(groups)) {}

core::Result<int64_t> GroupedRecordSource::Load() {
  if (!groups_) {
    auto groups = odoo::ReadGroups(client_, plan_.query);
    if (!groups) return std::move(groups).error();
    groups_ = std::move(*groups);
  }
  return static_cast<int64_t>(groups_->size());
}

core::Result<std::optional<Batch>> GroupedRecordSource::Next() {
  auto loaded = Load();
  if (!loaded) return std::move(loaded).error();
  if (next_ >= groups_->size()) return std::optional<Batch>();
  Batch batch;
  const size_t end = std::min(groups_->size(), next_ + batch_rows_);
  for (; next_ < end; ++next_) batch.rows.push_back(RowOf(plan_, (*groups_)[next_]));
  return std::optional<Batch>(std::move(batch));
}

core::Row GroupedRecordSource::RowOf(const GroupedPlan& plan, const odoo::Group& group) {
  core::Row row;
  row.reserve(plan.sources.size());
  for (const GroupedColumn& source : plan.sources) {
    if (!source.aggregate) {
      row.push_back(GroupByCell(group, source, plan.zone));
      continue;
    }
    const json& value = source.index < group.aggregates.size() ? group.aggregates[source.index] : json();
    row.push_back(value.is_number() ? core::Cell::Number(value.get<double>()) : core::Cell::Empty());
  }
  return row;
}

}  // namespace xlsync::sync
