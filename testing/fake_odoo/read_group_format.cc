// The public grouped reads over _read_group (odoo-api.md §9.1): read_group (16-19) turns its
// `fields` and `groupby` into specs (dates default to :month) and answers labels, __count or
// <field>_count, __domain, __range and __context; formatted_read_group (19) takes specs as
// they are and answers [start, label] for dates and __extra_domain.
#include <algorithm>
#include <regex>

#include "core/text.h"
#include "testing/fake_odoo/odoo_error.h"
#include "testing/fake_odoo/orm.h"
#include "testing/fake_odoo/python_repr.h"

namespace xlsync::fakes {

using nlohmann::json;

namespace {

using Named = std::vector<std::pair<std::string, std::string>>;  // output key -> spec

// Python's type() name of a JSON value, for TypeError texts.
std::string PyType(const json& value) {
  if (value.is_null()) return "NoneType";
  if (value.is_boolean()) return "bool";
  if (value.is_number_integer()) return "int";
  if (value.is_number()) return "float";
  if (value.is_string()) return "str";
  return value.is_array() ? "list" : "dict";
}

bool Truthy(const json& value) {
  return !(value.is_null() || value == false || value == 0 || value == "" || value == json::array() ||
           value == json::object());
}

// tuple(value): strings iterate character by character.
core::Result<std::vector<std::string>> Specs(const json& value) {
  std::vector<std::string> specs;
  if (value.is_string()) {
    for (char c : value.get<std::string>()) specs.emplace_back(1, c);
    return specs;
  }
  if (!value.is_array()) return OdooError(exc::kTypeError, "'" + PyType(value) + "' object is not iterable");
  for (const json& item : value) {
    if (!item.is_string()) {
      return OdooError(exc::kTypeError, "expected string or bytes-like object, got '" + PyType(item) + "'");
    }
    specs.push_back(item.get<std::string>());
  }
  return specs;
}

// expression.normalize_domain: the implicit "&" between top-level terms made explicit.
json Normalize(const json& domain) {
  json result = json::array();
  int expected = 1;
  for (const json& token : domain) {
    if (expected == 0) {
      result.insert(result.begin(), "&");
      expected = 1;
    }
    if (token.is_array()) {
      --expected;
    } else {
      expected += (token == "!" ? 1 : (token == "&" || token == "|") ? 2 : 0) - 1;
    }
    result.push_back(token);
  }
  return result;
}

// expression.AND: empty domains vanish, the others are normalised and joined by "&".
json And(const std::vector<json>& domains) {
  const json unit = json::array({json::array({1, "=", 1})});
  json result = json::array();
  int count = 0;
  for (const json& domain : domains) {
    if (domain == unit || !domain.is_array() || domain.empty()) continue;
    for (const json& token : Normalize(domain)) result.push_back(token);
    ++count;
  }
  for (int i = 1; i < count; ++i) result.insert(result.begin(), "&");
  return result.empty() ? unit : result;
}

// One group-by value as the web client reads it, with the domain of its group.
struct KeyView {
  json value;
  json domain;
  json range;  // read_group's __range entry: {from, to} or false (dates only)
};

KeyView ViewOf(const RecordStore& store, const GroupBySpec& groupby, const json& key,
               const std::optional<DateBucket>& bucket, bool formatted) {
  const std::string& name = groupby.field->name;
  const json empty_leaf = json::array({json::array({name, "=", false})});
  if (!groupby.granularity.empty()) {
    if (!bucket) return {false, empty_leaf, false};
    json value = formatted ? json::array({bucket->from, bucket->label}) : json(bucket->label);
    json domain = {"&", json::array({name, ">=", bucket->from}), json::array({name, "<", bucket->to})};
    return {std::move(value), std::move(domain), {{"from", bucket->from}, {"to", bucket->to}}};
  }
  if (key.is_null()) return {false, empty_leaf, nullptr};
  if (groupby.field->type == FieldType::kMany2one) {
    const json name_value = store.Raw(groupby.field->relation, "display_name", key.get<int64_t>());
    return {json::array({key, name_value}), json::array({json::array({name, "=", key})}), nullptr};
  }
  return {key, json::array({json::array({name, "=", key})}), nullptr};
}

// The aggregates of read_group's `fields`: "name:func(field)", "field:func", or a plain
// numeric field summed (16 reads every stored numeric field when `fields` is empty).
core::Result<Named> AnnotateAggregates(const ModelDef& model, const json& fields, const std::string& count_key,
                                       const std::vector<std::string>& groupby, int version) {
  Named named = {{count_key, "__count"}};
  auto put = [&named](const std::string& name, std::string spec) {
    auto it = std::find_if(named.begin(), named.end(), [&](const auto& entry) { return entry.first == name; });
    if (it != named.end()) it->second = std::move(spec);
    else named.emplace_back(name, std::move(spec));
  };
  json list = fields;
  if (version <= 16 && !Truthy(fields)) {
    list = json::array();
    for (const FieldDef& field : model.fields) {
      if (field.store && IsNumeric(field.type)) list.push_back(field.name);
    }
  }
  auto specs = Specs(list);
  if (!specs) return specs.error();
  static const std::regex kFieldAgg(R"(^(\w+)(?::(\w+)(?:\((\w+)\))?)?)");
  for (const std::string& spec : *specs) {
    if (spec == "__count") continue;
    std::smatch match;
    if (!std::regex_search(spec, match, kFieldAgg)) {
      return OdooError(version <= 16 ? exc::kUserError : exc::kValueError,
                       "Invalid field specification " + PythonRepr(spec) + ".");
    }
    const std::string name = match[1].str(), func = match[2].str(), field_name = match[3].str();
    if (!field_name.empty()) put(name, field_name + ":" + func);
    else if (!func.empty()) put(name, name + ":" + func);
    else if (const FieldDef* field = model.Find(name); !field) {
      return OdooError(exc::kValueError, "Invalid field " + PythonRepr(name) + " on model " + PythonRepr(model.name));
    } else if (field->store && IsNumeric(field->type) &&
               std::find(groupby.begin(), groupby.end(), spec) == groupby.end()) {
      put(name, name + ":sum");  // numeric fields aggregate with sum by default
    }
  }
  return named;
}

// read_group rewrites order terms naming a result key into _read_group specs.
std::string LegacyOrder(const json& orderby, const Named& groupby, const Named& aggregates) {
  if (!orderby.is_string() || core::Trim(orderby.get<std::string>()).empty()) {
    std::string joined;
    for (const auto& entry : groupby) joined += (joined.empty() ? "" : ",") + entry.second;
    return joined;
  }
  Named candidates(groupby.rbegin(), groupby.rend());
  candidates.insert(candidates.end(), aggregates.begin(), aggregates.end());
  std::string order;
  for (const std::string& part : core::Split(orderby.get<std::string>(), ',')) {
    std::string term(core::Trim(part));
    for (const auto& [key, spec] : candidates) {
      const std::string key_name = key.substr(0, key.find(':'));
      if (term.rfind(key_name + " ", 0) == 0 || term == key_name) {
        term = spec + term.substr(key_name.size());
        break;
      }
    }
    order += (order.empty() ? "" : ",") + term;
  }
  return order;
}

// read_group's arguments as one _read_group request, with the result keys of each spec.
struct LegacyPlan {
  GroupRequest request;
  Named groupby;     // result key ("date_order") -> spec ("date_order:month")
  Named aggregates;  // result key ("amount_total") -> spec ("amount_total:sum")
  std::vector<std::string> later;  // lazy: the group-bys left for __context
};

core::Result<LegacyPlan> PlanReadGroup(const ModelDef& model, const std::map<std::string, json>& args, int version) {
  const json& groupby_arg = args.at("groupby");
  auto groupby = Specs(groupby_arg.is_string() ? json::array({groupby_arg}) : groupby_arg);
  if (!groupby) return groupby.error();
  const bool lazy = Truthy(args.at("lazy"));
  const size_t grouped = lazy ? std::min<size_t>(1, groupby->size()) : groupby->size();
  LegacyPlan plan;
  plan.request.domain = args.at("domain");
  plan.later.assign(groupby->begin() + static_cast<long>(grouped), groupby->end());
  for (size_t i = 0; i < grouped; ++i) {
    const std::string& spec = (*groupby)[i];
    const FieldDef* field = model.Find(spec.substr(0, spec.find_first_of(":.")));
    const bool dated = field && (field->type == FieldType::kDate || field->type == FieldType::kDatetime);
    auto parsed = ParseGroupBy(model, dated && spec.find(':') == std::string::npos ? spec + ":month" : spec);
    if (!parsed) return parsed.error();
    plan.groupby.emplace_back(spec, parsed->spec);
    plan.request.groupby.push_back(*parsed);
  }
  const std::string count_key =
      lazy && grouped == 1 ? (*groupby)[0].substr(0, (*groupby)[0].find(':')) + "_count" : std::string("__count");
  const std::vector<std::string> grouped_specs(groupby->begin(), groupby->begin() + static_cast<long>(grouped));
  auto aggregates = AnnotateAggregates(model, args.at("fields"), count_key, grouped_specs, version);
  if (!aggregates) return aggregates.error();
  plan.aggregates = std::move(*aggregates);
  for (const auto& entry : plan.aggregates) {
    auto parsed = ParseAggregate(model, entry.second, version);
    if (!parsed) return parsed.error();
    plan.request.aggregates.push_back(*parsed);
  }
  plan.request.order = LegacyOrder(args.at("orderby"), plan.groupby, plan.aggregates);
  return plan;
}

}  // namespace

core::Result<json> Orm::ReadGroup(const Env& env, const ModelDef& model, const std::map<std::string, json>& args,
                                  int64_t offset, std::optional<int64_t> limit) const {
  auto plan = PlanReadGroup(model, args, version_);
  if (!plan) return plan.error();
  plan->request.offset = offset;
  plan->request.limit = limit;
  const GroupRequest& request = plan->request;
  auto rows = GroupRows(env, model, request);
  if (!rows) return rows.error();
  json result = json::array();
  for (const GroupRow& row : *rows) {
    json group = json::object();
    json ranges = json::object();
    std::vector<json> leaves;
    for (size_t i = 0; i < request.groupby.size(); ++i) {
      KeyView view = ViewOf(store_, request.groupby[i], row.keys[i], row.buckets[i], false);
      group[plan->groupby[i].first] = std::move(view.value);
      leaves.push_back(std::move(view.domain));
      if (!view.range.is_null()) ranges[plan->groupby[i].first] = std::move(view.range);
    }
    for (size_t a = 0; a < plan->aggregates.size(); ++a) group[plan->aggregates[a].first] = row.values[a];
    // 16 puts the group's conditions before the domain; 17+ ANDs them after it, one by one.
    json domain = request.domain;
    if (version_ <= 16) {
      leaves.push_back(request.domain);
      domain = And(leaves);
    } else {
      for (const json& leaf : leaves) domain = And({domain, leaf});
    }
    group["__domain"] = std::move(domain);
    if (!ranges.empty()) group["__range"] = std::move(ranges);
    if (!plan->later.empty()) group["__context"] = {{"group_by", plan->later}};
    result.push_back(std::move(group));
  }
  return result;
}

core::Result<json> Orm::FormattedReadGroup(const Env& env, const ModelDef& model,
                                           const std::map<std::string, json>& args, int64_t offset,
                                           std::optional<int64_t> limit) const {
  auto groupby = Specs(args.at("groupby"));
  if (!groupby) return groupby.error();
  auto aggregates = Specs(args.at("aggregates"));
  if (!aggregates) return aggregates.error();
  GroupRequest request{args.at("domain"), {}, {}, args.at("having"), {}, offset, limit};
  if (args.at("order").is_string()) request.order = args.at("order").get<std::string>();
  for (const std::string& spec : *groupby) {
    auto parsed = ParseGroupBy(model, spec);
    if (!parsed) return parsed.error();
    request.groupby.push_back(*parsed);
  }
  for (std::string spec : *aggregates) {
    if (const auto at = spec.find(":recordset"); at != std::string::npos) spec.replace(at, 10, ":array_agg");
    auto parsed = ParseAggregate(model, spec, version_);
    if (!parsed) return parsed.error();
    request.aggregates.push_back(*parsed);
  }
  auto rows = GroupRows(env, model, request);
  if (!rows) return rows.error();
  json result = json::array();
  for (const GroupRow& row : *rows) {
    json group = json::object();
    std::vector<json> extra;
    for (size_t i = 0; i < request.groupby.size(); ++i) {
      KeyView view = ViewOf(store_, request.groupby[i], row.keys[i], row.buckets[i], true);
      group[request.groupby[i].spec] = std::move(view.value);
      extra.push_back(std::move(view.domain));
    }
    group["__extra_domain"] = And(extra);
    for (size_t a = 0; a < request.aggregates.size(); ++a) group[request.aggregates[a].spec] = row.values[a];
    result.push_back(std::move(group));
  }
  return result;
}

}  // namespace xlsync::fakes
