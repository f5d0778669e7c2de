#include "odoo/related_fields.h"

#include <algorithm>
#include <optional>
#include <set>

#include "odoo/client.h"
#include "odoo/value_cells.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

std::optional<int64_t> Many2oneIdOf(const json& record, const std::string& field) {
  if (!record.is_object()) return std::nullopt;
  const auto value = record.find(field);
  return value == record.end() ? std::nullopt : Many2oneId(*value);
}

// "order_id.partner_id" -> ("order_id", "partner_id"); a first hop has no parent.
std::pair<std::string, std::string> SplitLast(const std::string& prefix) {
  const size_t dot = prefix.rfind('.');
  if (dot == std::string::npos) return {"", prefix};
  return {prefix.substr(0, dot), prefix.substr(dot + 1)};
}

}  // namespace

core::Result<RelatedPlan> RelatedPlan::Build(Client& client, const Schema& base,
                                             const std::vector<std::string>& fields,
                                             const Context& context) {
  return Build(base, fields,
               [&](const std::string& model) { return client.FieldsGet(model, context); });
}

core::Result<RelatedPlan> RelatedPlan::Build(const Schema& base,
                                             const std::vector<std::string>& fields,
                                             const SchemaLookup& lookup) {
  RelatedPlan plan;
  std::map<std::string, Schema> schemas;  // each comodel's fields_get once per run
  for (const std::string& name : fields) {
    if (name.find('.') == std::string::npos || plan.leaves_.contains(name)) continue;
    auto path = FieldPath::Parse(name);
    if (!path) return std::move(path).error();
    XLSYNC_RETURN_IF_ERROR(plan.AddPath(*path, base, lookup, schemas));
  }
  return plan;
}

// Walks the path segment by segment, checking each against the model it belongs to, and asks
// each node on the way for the next segment.
core::Result<void> RelatedPlan::AddPath(const FieldPath& path, const Schema& base,
                                        const SchemaLookup& lookup,
                                        std::map<std::string, Schema>& schemas) {
  Leaf leaf{path, {}, {}};
  const Schema* schema = &base;
  std::string labels;
  const size_t last = path.segments().size() - 1;
  for (size_t i = 0;; ++i) {
    auto field = path.Check(i, *schema);
    if (!field) return std::move(field).error();
    labels += (i == 0 ? "" : " / ") + (*field)->label;
    if (i == last) {
      leaf.field = **field;
      break;
    }
    if (i == 0) Need(base_fields_, (*field)->name);
    const std::string& comodel = (*field)->relation;
    if (!schemas.contains(comodel)) {
      auto fetched = lookup(comodel);
      if (!fetched) return std::move(fetched).error();
      schemas.emplace(comodel, std::move(*fetched));
    }
    schema = &schemas.at(comodel);
    leaf.prefixes.push_back(path.Prefix(i + 1));
    RelatedNode& node = NodeFor(leaf.prefixes.back(), comodel);
    const std::string& next = path.segments()[i + 1];
    const Field* next_field = schema->Find(next);
    // Files cost megabytes per record unless Odoo sends their size (bin_size, §9.3).
    Need(next_field && next_field->type == FieldType::kBinary ? node.files : node.fields, next);
  }
  leaf.field.name = path.text();
  leaf.field.label = labels;
  if (leaf.field.type == FieldType::kMonetary) AddCurrency(leaf, *schema);
  leaves_.insert_or_assign(path.text(), std::move(leaf));
  return {};
}

// An amount behind a path is in the currency of its own record (the leaf's model), so that
// currency many2one is read in the same node read and written under its own dotted name.
void RelatedPlan::AddCurrency(Leaf& leaf, const Schema& leaf_model) {
  const Field* currency = leaf_model.Find(leaf.field.currency_field);
  if (leaf.field.currency_field.empty() || currency == nullptr ||
      currency->type != FieldType::kMany2one) {
    leaf.field.currency_field.clear();
    return;
  }
  const std::string& prefix = leaf.prefixes.back();
  const std::string path_text = prefix + "." + currency->name;
  leaf.field.currency_field = path_text;
  if (leaves_.contains(path_text)) return;
  Need(NodeFor(prefix, leaf_model.model()).fields, currency->name);
  auto path = FieldPath::Parse(path_text);
  XLSYNC_CHECK(path.has_value());
  Field field = *currency;
  field.name = path_text;
  leaves_.insert_or_assign(path_text, Leaf{*path, leaf.prefixes, std::move(field)});
}

RelatedNode& RelatedPlan::NodeFor(const std::string& prefix, const std::string& model) {
  const auto found = std::find_if(nodes_.begin(), nodes_.end(),
                                  [&](const RelatedNode& node) { return node.prefix == prefix; });
  if (found != nodes_.end()) return *found;
  return nodes_.emplace_back(RelatedNode{prefix, model, {}, {}});
}

void RelatedPlan::Need(std::vector<std::string>& fields, const std::string& name) {
  if (std::find(fields.begin(), fields.end(), name) == fields.end()) fields.push_back(name);
}

const Field* RelatedPlan::Find(std::string_view path) const {
  const auto found = leaves_.find(path);
  return found == leaves_.end() ? nullptr : &found->second.field;
}

core::Result<void> RelatedPlan::Expand(Client& client, json& page, const Context& context) const {
  if (nodes_.empty() || !page.is_array()) return {};
  Found found;
  for (const RelatedNode& node : nodes_) {
    XLSYNC_RETURN_IF_ERROR(ReadNode(client, node, page, context, found));
  }
  for (json& record : page) {
    if (!record.is_object()) continue;
    for (const auto& [path, leaf] : leaves_) record[path] = Walk(record, leaf, found);
  }
  return {};
}

// One read per node and page, for every id the page (or the parent node) refers to: read takes
// any number of ids (odoo-api.md §9.1). An explicit field list always: an empty one reads all.
core::Result<void> RelatedPlan::ReadNode(Client& client, const RelatedNode& node, const json& page,
                                         const Context& context, Found& found) const {
  const auto split = SplitLast(node.prefix);
  const std::string& parent = split.first;
  const std::string& link = split.second;
  std::set<int64_t> ids;
  const auto collect = [&](const json& record) {
    if (const auto id = Many2oneIdOf(record, link)) ids.insert(*id);
  };
  if (parent.empty()) {
    for (const json& record : page) collect(record);
  } else {
    for (const auto& [id, record] : found[parent]) collect(record);
  }
  std::vector<std::string> fields = node.fields;
  if (context.bin_size) fields.insert(fields.end(), node.files.begin(), node.files.end());
  auto& records = found[node.prefix];
  if (ids.empty() || fields.empty()) return {};
  auto read = client.Read(node.model, std::vector<int64_t>(ids.begin(), ids.end()), fields, context);
  if (!read) return std::move(read).error();
  for (json& record : *read) {
    if (const auto id = Many2oneIdOf(record, "id")) records.insert_or_assign(*id, std::move(record));
  }
  return {};
}

json RelatedPlan::Walk(const json& record, const Leaf& leaf, const Found& found) {
  const json* current = &record;
  const auto& segments = leaf.path.segments();
  for (size_t i = 0; i + 1 < segments.size(); ++i) {
    const auto id = Many2oneIdOf(*current, segments[i]);
    if (!id) return false;
    const auto node = found.find(leaf.prefixes[i]);
    if (node == found.end()) return false;
    const auto target = node->second.find(*id);
    if (target == node->second.end()) return false;
    current = &target->second;
  }
  const auto value = current->find(segments.back());
  return value == current->end() ? json(false) : *value;
}

}  // namespace xlsync::odoo
