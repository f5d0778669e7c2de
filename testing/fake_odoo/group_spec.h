#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "testing/fake_odoo/group_buckets.h"
#include "testing/fake_odoo/model_def.h"

namespace xlsync::fakes {

/// One group-by of _read_group, resolved on its model: "partner_id", "date_order:month".
struct GroupBySpec {
  std::string spec;
  const FieldDef* field = nullptr;
  std::string granularity;  // dates and datetimes only
};

/// One aggregate of _read_group: "__count" (no field) or "field:func".
struct AggregateSpec {
  std::string spec;
  const FieldDef* field = nullptr;
  std::string func;
};

/// What _read_group computes (odoo-api.md §9.1) once read_group or formatted_read_group has
/// turned its arguments into specs: the records `domain` matches, grouped, aggregated, kept by
/// `having`, ordered by `order` ("" = the group-bys), then `offset`/`limit` groups.
struct GroupRequest {
  nlohmann::json domain = nlohmann::json::array();
  std::vector<GroupBySpec> groupby;
  std::vector<AggregateSpec> aggregates;
  nlohmann::json having = nlohmann::json::array();
  std::string order;
  int64_t offset = 0;
  std::optional<int64_t> limit;
};

/// One group: per group-by its raw value (many2one id, selection key, text, boolean; null
/// when empty) and, for dates, its bucket; per aggregate its value (null: nothing to aggregate).
struct GroupRow {
  std::vector<nlohmann::json> keys;
  std::vector<std::optional<DateBucket>> buckets;
  std::vector<nlohmann::json> values;
};

/// _read_group_groupby's checks with Odoo 17+'s ValueError texts: malformed spec, unknown
/// field, granularity on a field that is not a date, missing or unknown granularity, field not
/// stored. The fake does not group by many2many fields (ValueError saying so).
core::Result<GroupBySpec> ParseGroupBy(const ModelDef& model, const std::string& spec);

/// _read_group_select's checks: malformed spec, unknown field, missing or unknown function,
/// field not stored (16: UserErrors "Cannot aggregate field", "Invalid aggregation function"),
/// and the SQL error PostgreSQL raises for a function the column's type lacks
/// (psycopg2.errors.UndefinedFunction "function sum(character varying) does not exist").
core::Result<AggregateSpec> ParseAggregate(const ModelDef& model, const std::string& spec, int version);

/// The value of one aggregate over the raw values of a group (SQL semantics: NULLs ignored,
/// null when no value is left, except count and count_distinct).
nlohmann::json Aggregate(const AggregateSpec& aggregate, const std::vector<nlohmann::json>& raw_values);

}  // namespace xlsync::fakes
