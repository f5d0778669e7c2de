// search / search_count. Records are produced by walking ids, never by materialising a
// table: with order "id" (or "id desc") and the id bounds of the domain, keyset paging over a
// million records touches only the page it returns (odoo-api.md §9.4).
#include <algorithm>
#include <functional>

#include "core/text.h"
#include "testing/fake_odoo/domain_matcher.h"
#include "testing/fake_odoo/odoo_messages.h"
#include "testing/fake_odoo/order_spec.h"
#include "testing/fake_odoo/orm.h"
#include "testing/fake_odoo/python_repr.h"

namespace xlsync::fakes {

using nlohmann::json;

struct Orm::Filter {
  Domain domain;
  const FieldDef* active = nullptr;  // set when the implicit active = True applies
  const Env* env = nullptr;
};

namespace {

using Passes = std::function<bool(int64_t)>;

// Calls `visit` for each existing id within `bounds`, ascending or descending, until it
// returns false.
void WalkIds(const RecordStore& store, const ModelDef& model, const IdBounds& bounds, bool descending,
             const std::function<bool(int64_t)>& visit) {
  if (bounds.only) {
    std::vector<int64_t> ids = *bounds.only;
    if (descending) std::reverse(ids.begin(), ids.end());
    for (int64_t id : ids) {
      if (id > bounds.above && id <= bounds.at_most && store.Exists(model, id) && !visit(id)) return;
    }
    return;
  }
  if (!descending) {
    for (auto id = store.NextId(model, bounds.above); id && *id <= bounds.at_most; id = store.NextId(model, *id)) {
      if (!visit(*id)) return;
    }
    return;
  }
  const int64_t start = bounds.at_most == INT64_MAX ? INT64_MAX : bounds.at_most + 1;
  for (auto id = store.PrevId(model, start); id && *id > bounds.above; id = store.PrevId(model, *id)) {
    if (!visit(*id)) return;
  }
}

int CompareKeys(const json& a, const json& b) {
  if (a.is_number() && b.is_number()) {
    const double x = a.get<double>(), y = b.get<double>();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.is_boolean() && b.is_boolean()) return static_cast<int>(a.get<bool>()) - static_cast<int>(b.get<bool>());
  if (a.is_string() && b.is_string()) return a.get<std::string>().compare(b.get<std::string>()) < 0 ? -1
                                            : a.get<std::string>() == b.get<std::string>() ? 0 : 1;
  return 0;
}

// The value a column sorts on: many2one by the target's display name (standing in for the
// comodel's _order), booleans COALESCEd to false like Odoo does, NULL kept for NULLS placement.
json SortKey(const RawSource& store, const ModelDef& model, const FieldDef& field, int64_t id) {
  const json raw = store.Raw(model, field, id);
  if (field.type == FieldType::kBoolean) return raw == true;
  if (field.type == FieldType::kMany2one && raw.is_number_integer()) {
    return store.Raw(field.relation, "display_name", raw.get<int64_t>());
  }
  return raw == false ? json(nullptr) : raw;
}

// Sorts `ids` by `spec`; only the first `needed` positions are guaranteed sorted (a page
// needs a partial sort, not a full one).
std::vector<int64_t> SortAll(const RecordStore& store, const ModelDef& model, const OrderSpec& spec,
                             std::vector<int64_t> ids, size_t needed) {
  struct Keyed {
    int64_t id;
    std::vector<json> keys;
  };
  std::vector<Keyed> rows;
  rows.reserve(ids.size());
  for (int64_t id : ids) {
    Keyed row{id, {}};
    for (const OrderTerm& term : spec.terms()) row.keys.push_back(SortKey(store, model, *term.field, id));
    rows.push_back(std::move(row));
  }
  const auto& terms = spec.terms();
  auto before = [&terms](const Keyed& a, const Keyed& b) {
    for (size_t i = 0; i < terms.size(); ++i) {
      const bool a_null = a.keys[i].is_null(), b_null = b.keys[i].is_null();
      if (a_null || b_null) {
        if (a_null && b_null) continue;
        // PostgreSQL: NULLS LAST ascending, NULLS FIRST descending, unless told otherwise.
        const bool nulls_first = terms[i].nulls_first.value_or(terms[i].descending);
        return a_null == nulls_first;
      }
      const int c = CompareKeys(a.keys[i], b.keys[i]);
      if (c != 0) return terms[i].descending ? c > 0 : c < 0;
    }
    return a.id < b.id;  // a total order: ties cannot reorder between pages
  };
  if (needed < rows.size()) {
    std::partial_sort(rows.begin(), rows.begin() + static_cast<long>(needed), rows.end(), before);
    rows.resize(needed);
  } else {
    std::sort(rows.begin(), rows.end(), before);
  }
  std::vector<int64_t> sorted;
  sorted.reserve(rows.size());
  for (const Keyed& row : rows) sorted.push_back(row.id);
  return sorted;
}

}  // namespace

core::Result<Orm::Filter> Orm::MakeFilter(const Env& env, const ModelDef& model, const json& domain) const {
  DomainOptions options;
  options.version = version_;
  options.can_access = [this, &env](const FieldDef& field) { return CanSee(env, field); };
  const json effective = domain.is_null() || domain == false ? json::array() : domain;
  auto parsed = Domain::Parse(model, effective, options);
  if (!parsed) return parsed.error();
  Filter filter{std::move(*parsed), nullptr, &env};
  const FieldDef* active = model.Find("active");
  if (active && env.active_test && !filter.domain.mentions_active()) filter.active = active;
  return filter;
}

bool Orm::Passes(const Filter& filter, const ModelDef& model, int64_t id) const {
  if (filter.active && store_.Raw(model, *filter.active, id) != json(true)) return false;
  if (!CompanyVisible(*filter.env, model, id)) return false;
  return DomainMatcher(store_).Matches(filter.domain.root(), model, id);
}

core::Result<std::vector<int64_t>> Orm::Search(const Env& env, const ModelDef& model, const json& domain,
                                               int64_t offset, std::optional<int64_t> limit,
                                               const json& order) const {
  XLSYNC_RETURN_IF_ERROR(CheckAccess(env, model, "read"));
  auto filter = MakeFilter(env, model, domain);
  if (!filter) return filter.error();
  std::string order_text = model.order;
  if (order.is_string() && !core::Trim(order.get<std::string>()).empty()) order_text = order.get<std::string>();
  else if (!order.is_null() && order != false && !order.is_string()) return msg::BadOrder(PythonRepr(order));
  auto spec = OrderSpec::Parse(model, order_text);
  if (!spec) return spec.error();
  const IdBounds bounds = filter->domain.Bounds();
  if (limit && *limit <= 0) limit.reset();  // a falsy limit means no limit
  bool descending = false;
  std::vector<int64_t> ids;
  if (spec->LeadsWithId(descending)) {
    int64_t skipped = 0;
    WalkIds(store_, model, bounds, descending, [&](int64_t id) {
      if (!Passes(*filter, model, id)) return true;
      if (skipped < offset) return ++skipped, true;
      ids.push_back(id);
      return !(limit && static_cast<int64_t>(ids.size()) >= *limit);
    });
    return ids;
  }
  WalkIds(store_, model, bounds, false, [&](int64_t id) {
    if (Passes(*filter, model, id)) ids.push_back(id);
    return true;
  });
  const size_t needed = limit ? static_cast<size_t>(std::max<int64_t>(offset, 0) + *limit) : ids.size();
  ids = SortAll(store_, model, *spec, std::move(ids), needed);
  const size_t first = static_cast<size_t>(std::clamp<int64_t>(offset, 0, static_cast<int64_t>(ids.size())));
  const size_t last = limit ? std::min(ids.size(), first + static_cast<size_t>(*limit)) : ids.size();
  return std::vector<int64_t>(ids.begin() + static_cast<long>(first), ids.begin() + static_cast<long>(last));
}

core::Result<int64_t> Orm::SearchCount(const Env& env, const ModelDef& model, const json& domain,
                                       std::optional<int64_t> limit) const {
  XLSYNC_RETURN_IF_ERROR(CheckAccess(env, model, "read"));
  auto filter = MakeFilter(env, model, domain);
  if (!filter) return filter.error();
  if (limit && *limit <= 0) limit.reset();
  int64_t count = 0;
  WalkIds(store_, model, filter->domain.Bounds(), false, [&](int64_t id) {
    if (Passes(*filter, model, id)) ++count;
    return !(limit && count >= *limit);
  });
  return count;
}

}  // namespace xlsync::fakes
