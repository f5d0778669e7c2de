// Grouped reads (odoo-api.md §9.1): read_group up to 19 (deprecated from saas-18.2, gone in
// saas-19.1) and formatted_read_group from saas-18.2, answered in two shapes that ReadGroups
// folds into one Group.
#include "odoo/read_group.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"
#include "odoo/domain.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

struct Aggregate {
  std::string field;  // empty for "__count"
  std::string func;
};

bool IsWord(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

core::Result<std::vector<Aggregate>> ParseAggregates(const std::vector<std::string>& specs) {
  std::vector<Aggregate> aggregates;
  for (const std::string& spec : specs) {
    if (spec == "__count") {
      aggregates.push_back({});
      continue;
    }
    const auto colon = spec.find(':');
    if (colon == std::string::npos || !IsWord(spec.substr(0, colon)) || !IsWord(spec.substr(colon + 1))) {
      return core::InvalidInput("The aggregate \"" + spec +
                                "\" is not understood: write \"field:function\", such as "
                                "\"amount_total:sum\", or \"__count\".");
    }
    aggregates.push_back({spec.substr(0, colon), spec.substr(colon + 1)});
  }
  return aggregates;
}

// read_group keys each aggregate by an output name; "name:func(field)" picks it, so two
// aggregates of one field ("amount_total:sum", "amount_total:avg") keep apart (§9.1).
std::string LegacyName(const Aggregate& aggregate) { return aggregate.field + "_" + aggregate.func; }

// formatted_read_group order terms name aggregates by spec; read_group by output name.
std::string LegacyOrder(const std::string& order, const std::vector<Aggregate>& aggregates) {
  std::string translated;
  for (const std::string& part : core::Split(order, ',')) {
    std::string term(core::Trim(part));
    const std::string head = term.substr(0, term.find(' '));
    for (const Aggregate& aggregate : aggregates) {
      if (!aggregate.field.empty() && head == aggregate.field + ":" + aggregate.func) {
        term = LegacyName(aggregate) + term.substr(head.size());
      }
    }
    translated += (translated.empty() ? "" : ",") + term;
  }
  return translated;
}

core::Error Unexpected(const GroupQuery& query, const std::string& method) {
  return core::Internal("xlsync did not understand Odoo's answer to " + method + " on model " + query.model +
                        ": report this to support.");
}

std::optional<std::pair<std::string, std::string>> LegacyRange(const json& row, const std::string& spec) {
  const auto ranges = row.find("__range");
  if (ranges == row.end() || !ranges->is_object()) return std::nullopt;
  const auto range = ranges->find(spec);
  if (range == ranges->end() || !range->is_object()) return std::nullopt;
  const json from = range->value("from", json());
  const json to = range->value("to", json());
  if (!from.is_string() || !to.is_string()) return std::nullopt;
  return std::make_pair(from.get<std::string>(), to.get<std::string>());
}

core::Result<Group> FromReadGroup(const json& row, const GroupQuery& query, const std::vector<Aggregate>& aggregates) {
  if (!row.is_object() || !row.contains("__count") || !row["__count"].is_number_integer()) {
    return Unexpected(query, "read_group");
  }
  Group group;
  group.count = row["__count"].get<int64_t>();
  for (const std::string& spec : query.group_by) {
    if (!row.contains(spec)) return Unexpected(query, "read_group");
    group.keys.push_back(row[spec]);
    group.ranges.push_back(LegacyRange(row, spec));
  }
  for (const Aggregate& aggregate : aggregates) {
    if (aggregate.field.empty()) {
      group.aggregates.emplace_back(group.count);
      continue;
    }
    group.aggregates.push_back(row.value(LegacyName(aggregate), json()));
  }
  return group;
}

// The end of a date bucket is only in __extra_domain: ["&", [f, ">=", from], [f, "<", to]].
std::string RangeEnd(const json& extra_domain, const std::string& field) {
  if (!extra_domain.is_array()) return {};
  for (const json& leaf : extra_domain) {
    if (leaf.is_array() && leaf.size() == 3 && leaf[0] == field && leaf[1] == "<" && leaf[2].is_string()) {
      return leaf[2].get<std::string>();
    }
  }
  return {};
}

core::Result<Group> FromFormatted(const json& row, const GroupQuery& query, const std::vector<Aggregate>& aggregates) {
  if (!row.is_object() || !row.contains("__count") || !row["__count"].is_number_integer()) {
    return Unexpected(query, "formatted_read_group");
  }
  Group group;
  group.count = row["__count"].get<int64_t>();
  const json extra_domain = row.value("__extra_domain", json::array());
  for (const std::string& spec : query.group_by) {
    if (!row.contains(spec)) return Unexpected(query, "formatted_read_group");
    const json& value = row[spec];
    // Date buckets come as [first instant, label]; many2one values as [id, name] (§9.1).
    if (value.is_array() && value.size() == 2 && value[0].is_string() && value[1].is_string()) {
      group.keys.push_back(value[1]);
      const std::string field = spec.substr(0, spec.find(':'));
      group.ranges.emplace_back(std::make_pair(value[0].get<std::string>(), RangeEnd(extra_domain, field)));
      continue;
    }
    group.keys.push_back(value);
    group.ranges.emplace_back(std::nullopt);
  }
  for (size_t i = 0; i < aggregates.size(); ++i) {
    if (aggregates[i].field.empty()) {
      group.aggregates.emplace_back(group.count);
      continue;
    }
    group.aggregates.push_back(row.value(query.aggregates[i], json()));
  }
  return group;
}

json FormattedKwargs(const GroupQuery& query) {
  json aggregates = json(query.aggregates);
  // __count is an aggregate like the others there, and Group always carries it.
  if (std::find(query.aggregates.begin(), query.aggregates.end(), "__count") == query.aggregates.end()) {
    aggregates.push_back("__count");
  }
  json kwargs = {{"domain", query.domain},
                 {"groupby", query.group_by},
                 {"aggregates", std::move(aggregates)},
                 {"context", query.context.ToJson()}};
  if (!query.order.empty()) kwargs["order"] = query.order;
  if (query.limit > 0) kwargs["limit"] = query.limit;
  return kwargs;
}

json ReadGroupKwargs(const GroupQuery& query, const std::vector<Aggregate>& aggregates) {
  json fields = json::array();
  for (const Aggregate& aggregate : aggregates) {
    if (!aggregate.field.empty()) {
      fields.push_back(LegacyName(aggregate) + ":" + aggregate.func + "(" + aggregate.field + ")");
    }
  }
  // lazy = false groups by every spec at once and counts in "__count" (§9.1).
  json kwargs = {{"domain", query.domain},
                 {"fields", std::move(fields)},
                 {"groupby", query.group_by},
                 {"lazy", false},
                 {"context", query.context.ToJson()}};
  if (!query.order.empty()) kwargs["orderby"] = LegacyOrder(query.order, aggregates);
  if (query.limit > 0) kwargs["limit"] = query.limit;
  return kwargs;
}

}  // namespace

bool HasFormattedReadGroup(const ServerVersion& version) { return version.AtLeast(18, 2); }

core::Result<std::vector<Group>> ReadGroups(Client& client, const GroupQuery& query) {
  if (query.group_by.empty()) {
    return core::InvalidInput("A grouped read of " + query.model +
                              " names no field to group by: give one, such as \"partner_id\".");
  }
  XLSYNC_RETURN_IF_ERROR(ValidateDomain(query.domain));
  auto aggregates = ParseAggregates(query.aggregates);
  if (!aggregates) return std::move(aggregates).error();
  if (client.version().major == 0) XLSYNC_RETURN_IF_ERROR(client.Connect());
  const bool formatted = HasFormattedReadGroup(client.version());
  const std::string method = formatted ? "formatted_read_group" : "read_group";
  auto result = client.Execute(query.model, method, nullptr,
                               formatted ? FormattedKwargs(query) : ReadGroupKwargs(query, *aggregates));
  if (!result) return std::move(result).error();
  if (!result->is_array()) return Unexpected(query, method);
  std::vector<Group> groups;
  groups.reserve(result->size());
  for (const json& row : *result) {
    auto group = formatted ? FromFormatted(row, query, *aggregates) : FromReadGroup(row, query, *aggregates);
    if (!group) return std::move(group).error();
    groups.push_back(std::move(*group));
  }
  return groups;
}

}  // namespace xlsync::odoo
