// _read_group (odoo-api.md §9.1): the SQL GROUP BY that read_group and formatted_read_group
// share. Groups are built in one pass over the matching ids; order terms are group-bys
// (many2one by the target's display name, standing in for the comodel's _order) or aggregates,
// with PostgreSQL's NULL placement, then the remaining group-bys so pages are stable.
#include <algorithm>
#include <functional>
#include <map>
#include <regex>

#include "core/text.h"
#include "testing/fake_odoo/odoo_error.h"
#include "testing/fake_odoo/odoo_messages.h"
#include "testing/fake_odoo/orm.h"
#include "testing/fake_odoo/python_repr.h"

namespace xlsync::fakes {

using nlohmann::json;

namespace {

// One ORDER BY term: a group-by (index into keys) or an aggregate (index into values).
struct SortTerm {
  bool aggregate = false;
  size_t index = 0;
  bool descending = false;
  std::optional<bool> nulls_first;
};

// Group keys as they sort: many2one by display name then id, dates by bucket start.
json SortValue(const RawSource& store, const GroupBySpec& groupby, const json& key,
               const std::optional<DateBucket>& bucket) {
  if (key.is_null()) return nullptr;
  if (bucket) return bucket->from;
  if (groupby.field->type == FieldType::kMany2one) {
    return json::array({store.Raw(groupby.field->relation, "display_name", key.get<int64_t>()), key});
  }
  return key;
}

int Compare(const json& a, const json& b) {
  if (a.is_array() && b.is_array()) {
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
      if (const int c = Compare(a[i], b[i]); c != 0) return c;
    }
    return 0;
  }
  if (a.is_number() && b.is_number()) return a.get<double>() < b.get<double>() ? -1 : a.get<double>() > b.get<double>();
  if (a.is_boolean() && b.is_boolean()) return static_cast<int>(a.get<bool>()) - static_cast<int>(b.get<bool>());
  if (a.is_string() && b.is_string()) return a.get<std::string>().compare(b.get<std::string>()) < 0 ? -1 : a != b;
  return 0;
}

// regex_order of odoo/models.py, one comma-separated part at a time.
core::Result<std::smatch> MatchOrderPart(const std::string& part, const std::string& order) {
  static const std::regex kPart(
      R"(^\s*(([a-z0-9_]+|"[a-z0-9_]+")(\.[a-z0-9_]+)?(:[a-z_]+)?)(\s+(desc|asc))?(\s+(nulls first|nulls last))?\s*$)",
      std::regex::icase);
  std::smatch match;
  if (!std::regex_match(part, match, kPart)) {
    return OdooError(exc::kValueError, "Invalid order " + PythonRepr(order) + " for _read_group()");
  }
  return match;
}

using Predicate = std::function<bool(const GroupRow&)>;
using AggregateIndex = std::function<core::Result<size_t>(const std::string&)>;

bool HavingCompare(const json& value, const std::string& op, const json& right) {
  if (value.is_null()) return false;  // SQL: a comparison with NULL is never true
  if (op == "in" || op == "not in") {
    const bool listed = right.is_array() && std::any_of(right.begin(), right.end(), [&](const json& item) {
      return (item.type() == value.type() || (item.is_number() && value.is_number())) && Compare(value, item) == 0;
    });
    return (op == "in") == listed;
  }
  const int c = Compare(value, right);
  if (op == "=") return c == 0;
  if (op == "!=") return c != 0;
  if (op == "<") return c < 0;
  if (op == ">") return c > 0;
  if (op == "<=") return c <= 0;
  return c >= 0;
}

core::Result<Predicate> HavingLeaf(const json& item, const AggregateIndex& index_of) {
  static const std::vector<std::string> kSupported = {"in", "not in", "<", ">", "<=", ">=", "=", "!="};
  const std::string op = item[1].is_string() ? item[1].get<std::string>() : std::string();
  if (std::find(kSupported.begin(), kSupported.end(), op) == kSupported.end()) {
    return OdooError(exc::kValueError, "Invalid having clause " + PythonRepr(item, true) +
                                           ": supported comparators are ('in', 'not in', '<', '>', '<=', '>=', '=', '!=')");
  }
  auto index = index_of(item[0].is_string() ? item[0].get<std::string>() : PythonRepr(item[0]));
  if (!index) return index.error();
  return Predicate([i = *index, op, right = item[2]](const GroupRow& row) { return HavingCompare(row.values[i], op, right); });
}

// _read_group_having: the prefix-notation domain over aggregates, read right to left.
core::Result<Predicate> HavingFilter(const json& having, const AggregateIndex& index_of) {
  std::vector<Predicate> stack;
  if (!having.is_array() || having.empty()) return Predicate([](const GroupRow&) { return true; });
  for (auto it = having.rbegin(); it != having.rend(); ++it) {
    const json& item = *it;
    const size_t needed = item == "!" ? 1 : (item == "&" || item == "|") ? 2 : 0;
    if (stack.size() < needed) return OdooError(exc::kIndexError, "pop from empty list");
    if (item == "!") {
      stack.back() = [p = stack.back()](const GroupRow& row) { return !p(row); };
    } else if (needed == 2) {
      Predicate a = stack.back();
      stack.pop_back();
      const bool both = item == "&";
      stack.back() = [a, b = stack.back(), both](const GroupRow& row) { return both ? a(row) && b(row) : a(row) || b(row); };
    } else if (item.is_array() && item.size() == 3) {
      auto leaf = HavingLeaf(item, index_of);
      if (!leaf) return leaf.error();
      stack.push_back(std::move(*leaf));
    } else {
      return OdooError(exc::kValueError, "Invalid having clause " + PythonRepr(item, true) +
                                             ": it should be a domain-like clause");
    }
  }
  Predicate all = [stack](const GroupRow& row) {
    return std::all_of(stack.begin(), stack.end(), [&](const Predicate& p) { return p(row); });
  };
  return all;
}

// The aggregates and ORDER BY terms of one request: order and having may aggregate what the
// caller did not ask for, which is computed and then dropped.
class GroupPlan {
 public:
  GroupPlan(const ModelDef& model, int version, const GroupRequest& request)
      : model_(model), version_(version), request_(request), aggregates_(request.aggregates) {}

  core::Result<void> Prepare() {
    const AggregateIndex index_of = [this](const std::string& spec) { return IndexOf(spec); };
    std::string order = request_.order;
    if (order.empty()) {
      for (const GroupBySpec& groupby : request_.groupby) order += (order.empty() ? "" : ",") + groupby.spec;
    }
    for (const std::string& part : order.empty() ? std::vector<std::string>() : core::Split(order, ',')) {
      auto term = Term(part, order);
      if (!term) return term.error();
      terms_.push_back(*term);
    }
    for (size_t i = 0; i < request_.groupby.size(); ++i) terms_.push_back({false, i, false, std::nullopt});
    auto having = HavingFilter(request_.having, index_of);
    if (!having) return having.error();
    having_ = std::move(*having);
    return {};
  }

  const std::vector<AggregateSpec>& aggregates() const { return aggregates_; }
  const std::vector<SortTerm>& terms() const { return terms_; }
  const Predicate& having() const { return having_; }

 private:
  core::Result<size_t> IndexOf(const std::string& spec) {
    for (size_t i = 0; i < aggregates_.size(); ++i) {
      if (aggregates_[i].spec == spec) return i;
    }
    auto parsed = ParseAggregate(model_, spec, version_);
    if (!parsed) return parsed.error();
    aggregates_.push_back(*parsed);
    return aggregates_.size() - 1;
  }

  core::Result<SortTerm> Term(const std::string& part, const std::string& order) {
    auto match = MatchOrderPart(part, order);
    if (!match) return match.error();
    const std::string term = (*match)[1].str();
    SortTerm sort;
    sort.descending = core::ToLower((*match)[6].str()) == "desc";
    if ((*match)[8].matched) sort.nulls_first = core::ToLower((*match)[8].str()) == "nulls first";
    const auto& groupbys = request_.groupby;
    const auto groupby = std::find_if(groupbys.begin(), groupbys.end(), [&](const GroupBySpec& g) { return g.spec == term; });
    if (groupby != groupbys.end()) {
      sort.index = static_cast<size_t>(groupby - groupbys.begin());
      return sort;
    }
    auto index = IndexOf(term);
    if (!index) {
      return OdooError(exc::kValueError, "Order term " + PythonRepr(part) + " is not a valid aggregate nor valid groupby");
    }
    sort.aggregate = true;
    sort.index = *index;
    return sort;
  }

  const ModelDef& model_;
  int version_;
  const GroupRequest& request_;
  std::vector<AggregateSpec> aggregates_;
  std::vector<SortTerm> terms_;
  Predicate having_;
};

json GroupKey(const RecordStore& store, const Env& env, const ModelDef& model, const GroupBySpec& groupby, int64_t id,
              std::optional<DateBucket>& bucket) {
  const json raw = store.Raw(model, *groupby.field, id);
  if (groupby.field->type == FieldType::kBoolean) return raw == true;  // COALESCE(field, FALSE)
  if (raw.is_null() || raw == false) return nullptr;
  if (groupby.granularity.empty() || !raw.is_string()) return raw;
  bucket = BucketOf(raw.get<std::string>(), groupby.field->type == FieldType::kDatetime, groupby.granularity,
                    env.tz, env.lang);
  return bucket ? json(bucket->from) : json(nullptr);
}

// GROUP BY in one pass: groups in order of first appearance, aggregates over their records.
std::vector<GroupRow> Bucket(const RecordStore& store, const Env& env, const ModelDef& model,
                             const std::vector<GroupBySpec>& groupbys, const std::vector<AggregateSpec>& aggregates,
                             const std::vector<int64_t>& ids) {
  std::vector<GroupRow> rows;
  std::vector<std::vector<std::vector<json>>> raws;  // per group, per aggregate, per record
  std::vector<int64_t> counts;
  std::map<std::string, size_t> position;
  for (int64_t id : ids) {
    GroupRow row;
    for (const GroupBySpec& groupby : groupbys) {
      std::optional<DateBucket> bucket;
      row.keys.push_back(GroupKey(store, env, model, groupby, id, bucket));
      row.buckets.push_back(std::move(bucket));
    }
    auto [slot, inserted] = position.try_emplace(json(row.keys).dump(), rows.size());
    if (inserted) {
      rows.push_back(std::move(row));
      raws.emplace_back(aggregates.size());
      counts.push_back(0);
    }
    ++counts[slot->second];
    for (size_t a = 0; a < aggregates.size(); ++a) {
      if (aggregates[a].field) raws[slot->second][a].push_back(store.Raw(model, *aggregates[a].field, id));
    }
  }
  if (groupbys.empty() && rows.empty()) {
    // Without GROUP BY, PostgreSQL answers one row even when nothing matches.
    rows.emplace_back();
    raws.emplace_back(aggregates.size());
    counts.push_back(0);
  }
  for (size_t g = 0; g < rows.size(); ++g) {
    for (size_t a = 0; a < aggregates.size(); ++a) {
      rows[g].values.push_back(aggregates[a].field ? Aggregate(aggregates[a], raws[g][a]) : json(counts[g]));
    }
  }
  return rows;
}

}  // namespace

core::Result<std::vector<GroupRow>> Orm::GroupRows(const Env& env, const ModelDef& model,
                                                   const GroupRequest& request) const {
  GroupPlan plan(model, version_, request);
  XLSYNC_RETURN_IF_ERROR(plan.Prepare());
  std::vector<std::string> hidden;
  for (const GroupBySpec& groupby : request.groupby) {
    if (!CanSee(env, *groupby.field)) hidden.push_back(groupby.field->name);
  }
  for (const AggregateSpec& aggregate : plan.aggregates()) {
    if (aggregate.field && !CanSee(env, *aggregate.field)) hidden.push_back(aggregate.field->name);
  }
  if (!hidden.empty()) return msg::FieldAccess(version_, model, hidden);
  auto ids = Search(env, model, request.domain, 0, std::nullopt, "id");
  if (!ids) return ids.error();
  std::vector<GroupRow> rows;
  for (GroupRow& row : Bucket(store_, env, model, request.groupby, plan.aggregates(), *ids)) {
    if (plan.having()(row)) rows.push_back(std::move(row));
  }
  auto sort_value = [&](const GroupRow& row, const SortTerm& term) {
    if (term.aggregate) return row.values[term.index];
    return SortValue(store_, request.groupby[term.index], row.keys[term.index], row.buckets[term.index]);
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const GroupRow& a, const GroupRow& b) {
    for (const SortTerm& term : plan.terms()) {
      const json x = sort_value(a, term), y = sort_value(b, term);
      if (x.is_null() || y.is_null()) {
        if (x.is_null() && y.is_null()) continue;
        // PostgreSQL: NULLS LAST ascending, NULLS FIRST descending, unless told otherwise.
        return x.is_null() == term.nulls_first.value_or(term.descending);
      }
      if (const int c = Compare(x, y); c != 0) return term.descending ? c > 0 : c < 0;
    }
    return false;
  });
  const auto size = static_cast<int64_t>(rows.size());
  const int64_t first = std::clamp<int64_t>(request.offset, 0, size);
  const int64_t last = request.limit && *request.limit > 0 ? std::min(size, first + *request.limit) : size;
  std::vector<GroupRow> page(std::make_move_iterator(rows.begin() + first), std::make_move_iterator(rows.begin() + last));
  for (GroupRow& row : page) row.values.resize(request.aggregates.size());
  return page;
}

}  // namespace xlsync::fakes
