// Group-by and aggregate specifications of _read_group (odoo-api.md §9.1), checked the way
// Odoo 17+ checks them in _read_group_groupby / _read_group_select, and the aggregates
// computed with PostgreSQL's semantics.
#include "testing/fake_odoo/group_spec.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <regex>
#include <set>

#include "testing/fake_odoo/odoo_error.h"
#include "testing/fake_odoo/python_repr.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

constexpr std::string_view kUndefinedFunction = "psycopg2.errors.UndefinedFunction";
constexpr std::array<std::string_view, 9> kFunctions = {"sum", "avg", "max", "min", "bool_and", "bool_or",
                                                        "array_agg", "count", "count_distinct"};

struct SpecParts {
  std::string field;
  std::string property;
  std::string suffix;  // granularity or aggregate function
};

// parse_read_group_spec: r'(\w+)(\.(\w+))?(?::(\w+))?$'.
core::Result<SpecParts> SplitSpec(const std::string& spec) {
  static const std::regex kSpec(R"(^(\w+)(\.(\w+))?(?::(\w+))?$)");
  std::smatch match;
  if (!std::regex_match(spec, match, kSpec)) {
    return OdooError(exc::kValueError,
                     "Invalid aggregate/groupby specification " + PythonRepr(spec) +
                         ".\n- Valid aggregate specification looks like \"<field_name>:<agg>\" example: "
                         "\"quantity:sum\".\n- Valid groupby specification looks like \"<no_datish_field_name>\" or "
                         "\"<date_field>:<granularity>\" example: \"date:month\" or "
                         "\"<properties_field_name>.<property>:<granularity>\".");
  }
  return SpecParts{match[1].str(), match[3].str(), match[4].str()};
}

bool IsDate(const FieldDef& field) { return field.type == FieldType::kDate || field.type == FieldType::kDatetime; }

// A column PostgreSQL can compute on: stored, and not an x2many or an attachment.
bool HasColumn(const FieldDef& field) {
  return field.store && !IsX2many(field.type) && !(field.type == FieldType::kBinary && field.attachment);
}

core::Error NotStored(const ModelDef& model, const FieldDef& field) {
  return OdooError(exc::kValueError, "Cannot convert " + model.name + "." + field.name + " to SQL because it is not stored");
}

// The PostgreSQL type of the field's column, as SQL errors name it.
std::string SqlType(const FieldDef& field) {
  switch (field.type) {
    case FieldType::kChar:
    case FieldType::kSelection: return "character varying";
    case FieldType::kText:
    case FieldType::kHtml: return "text";
    case FieldType::kInteger:
    case FieldType::kMany2one: return "integer";
    case FieldType::kFloat: return field.digits.is_null() ? "double precision" : "numeric";
    case FieldType::kMonetary: return "numeric";
    case FieldType::kBoolean: return "boolean";
    case FieldType::kDate: return "date";
    case FieldType::kDatetime: return "timestamp without time zone";
    default: return "bytea";
  }
}

bool FunctionAccepts(std::string_view func, const FieldDef& field) {
  const bool numeric = IsNumeric(field.type) || field.type == FieldType::kMany2one;
  if (func == "sum" || func == "avg") return numeric;
  if (func == "min" || func == "max") return field.type != FieldType::kBoolean;
  if (func == "bool_and" || func == "bool_or") return field.type == FieldType::kBoolean;
  return true;  // count, count_distinct, array_agg take any column
}

bool IsNull(const FieldDef& field, const json& raw) {
  return raw.is_null() || (raw == false && field.type != FieldType::kBoolean);
}

// numeric columns (monetary, floats with digits) add up exactly in PostgreSQL; rounding the
// long double sum to 1e-6 gives the same double for the values Odoo stores.
json Sum(const FieldDef& field, const std::vector<const json*>& values) {
  if (field.type == FieldType::kInteger || field.type == FieldType::kMany2one) {
    int64_t total = 0;
    for (const json* value : values) total += value->get<int64_t>();
    return total;
  }
  long double total = 0;
  for (const json* value : values) total += value->get<double>();
  if (SqlType(field) == "numeric") total = std::round(total * 1e6L) / 1e6L;
  return static_cast<double>(total);
}

bool Less(const json& a, const json& b) {
  if (a.is_number() && b.is_number()) return a.get<double>() < b.get<double>();
  if (a.is_string() && b.is_string()) return a.get<std::string>() < b.get<std::string>();
  return false;
}

}  // namespace

core::Result<GroupBySpec> ParseGroupBy(const ModelDef& model, const std::string& spec) {
  auto parts = SplitSpec(spec);
  if (!parts) return parts.error();
  const FieldDef* field = model.Find(parts->field);
  if (!field) return OdooError(exc::kValueError, "Invalid field " + PythonRepr(parts->field) + " on model " + PythonRepr(model.name));
  if (!parts->property.empty()) {
    return OdooError(exc::kValueError, "Property set on a non properties field: " + PythonRepr(parts->property));
  }
  if (!parts->suffix.empty() && !IsDate(*field)) {
    return OdooError(exc::kValueError, "Granularity set on a no-datetime field or property: " + PythonRepr(spec));
  }
  if (!HasColumn(*field)) {
    if (field->type == FieldType::kMany2many) {
      return OdooError(exc::kValueError, "The fake Odoo does not group by many2many fields such as " + PythonRepr(spec));
    }
    return NotStored(model, *field);
  }
  if (IsDate(*field)) {
    if (parts->suffix.empty()) {
      return OdooError(exc::kValueError, "Granularity not set on a date(time) field: " + PythonRepr(spec));
    }
    if (!IsTimeGranularity(parts->suffix)) {
      return OdooError(exc::kValueError, "Granularity specification isn't correct: " + PythonRepr(parts->suffix));
    }
  }
  return GroupBySpec{spec, field, parts->suffix};
}

core::Result<AggregateSpec> ParseAggregate(const ModelDef& model, const std::string& spec, int version) {
  if (spec == "__count") return AggregateSpec{spec, nullptr, "count"};
  auto parts = SplitSpec(spec);
  if (!parts) return parts.error();
  const std::string& func = parts->suffix;
  const FieldDef* field = model.Find(parts->field);
  if (!field) {
    const std::string text = "Invalid field " + PythonRepr(parts->field) + " on model " + PythonRepr(model.name);
    return OdooError(exc::kValueError, version <= 16 ? text : text + " for " + PythonRepr(spec) + ".");
  }
  if (!parts->property.empty()) {
    return OdooError(exc::kValueError, "Invalid " + PythonRepr(spec) + ", this dot notation is not supported");
  }
  if (func.empty()) return OdooError(exc::kValueError, "Aggregate method is mandatory for " + PythonRepr(field->name));
  const bool known = std::find(kFunctions.begin(), kFunctions.end(), func) != kFunctions.end();
  if (version <= 16) {
    // 16's read_group checks the column before the function, both as UserErrors.
    if (!HasColumn(*field)) return OdooError(exc::kUserError, "Cannot aggregate field " + PythonRepr(field->name) + ".");
    if (!known) return OdooError(exc::kUserError, "Invalid aggregation function " + PythonRepr(func) + ".");
  } else {
    if (!known) return OdooError(exc::kValueError, "Invalid aggregate method " + PythonRepr(func) + " for " + PythonRepr(spec) + ".");
    if (!HasColumn(*field)) return NotStored(model, *field);
  }
  if (!FunctionAccepts(func, *field)) {
    return OdooError(kUndefinedFunction, "function " + func + "(" + SqlType(*field) +
                                             ") does not exist\nHINT:  No function matches the given name and argument "
                                             "types. You might need to add explicit type casts.");
  }
  return AggregateSpec{spec, field, func};
}

json Aggregate(const AggregateSpec& aggregate, const std::vector<json>& raw_values) {
  const FieldDef& field = *aggregate.field;
  const std::string& func = aggregate.func;
  if (func == "array_agg") return json(raw_values);
  std::vector<const json*> values;
  for (const json& raw : raw_values) {
    if (!IsNull(field, raw)) values.push_back(&raw);
  }
  if (func == "count") return static_cast<int64_t>(values.size());
  if (func == "count_distinct") {
    std::set<std::string> distinct;
    for (const json* value : values) distinct.insert(value->dump());
    return static_cast<int64_t>(distinct.size());
  }
  if (values.empty()) return nullptr;
  if (func == "sum") return Sum(field, values);
  if (func == "avg") {
    long double total = 0;
    for (const json* value : values) total += value->get<double>();
    return static_cast<double>(total / static_cast<long double>(values.size()));
  }
  if (func == "bool_and" || func == "bool_or") {
    const bool any = std::any_of(values.begin(), values.end(), [](const json* v) { return *v == true; });
    const bool all = std::all_of(values.begin(), values.end(), [](const json* v) { return *v == true; });
    return func == "bool_and" ? all : any;
  }
  const auto [low, high] = std::minmax_element(values.begin(), values.end(),
                                               [](const json* a, const json* b) { return Less(*a, *b); });
  return func == "min" ? **low : **high;
}

}  // namespace xlsync::fakes
