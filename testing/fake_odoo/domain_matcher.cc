#include "testing/fake_odoo/domain_matcher.h"

#include <algorithm>

namespace xlsync::fakes {
namespace {

using nlohmann::json;

const FieldDef& NameField() {
  static const FieldDef kField = [] {
    FieldDef field;
    field.name = "display_name";
    field.type = FieldType::kChar;
    return field;
  }();
  return kField;
}

const FieldDef& IdField() {
  static const FieldDef kField = [] {
    FieldDef field;
    field.name = "id";
    field.type = FieldType::kInteger;
    return field;
  }();
  return kField;
}

bool IsNegative(const std::string& op) {
  return op == "!=" || op == "not in" || op == "not like" || op == "not ilike";
}

std::string Positive(const std::string& op) {
  if (op == "!=") return "=";
  if (op.rfind("not ", 0) == 0) return op.substr(4);
  return op;
}

bool HasString(const json& value) {
  if (value.is_string()) return true;
  return value.is_array() && std::any_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); });
}

std::vector<int64_t> Ids(const json& value) {
  std::vector<int64_t> ids;
  const json list = value.is_array() ? value : json::array({value});
  for (const json& item : list) {
    if (item.is_number_integer()) ids.push_back(item.get<int64_t>());
  }
  return ids;
}

}  // namespace

bool DomainMatcher::Matches(const DomainNode& node, const ModelDef& model, int64_t id) const {
  switch (node.kind) {
    case DomainNode::Kind::kTrue: return true;
    case DomainNode::Kind::kFalse: return false;
    case DomainNode::Kind::kAnd:
      return std::all_of(node.children.begin(), node.children.end(),
                         [&](const DomainNode& child) { return Matches(child, model, id); });
    case DomainNode::Kind::kOr:
      return std::any_of(node.children.begin(), node.children.end(),
                         [&](const DomainNode& child) { return Matches(child, model, id); });
    case DomainNode::Kind::kNot: return !Matches(node.children.front(), model, id);
    case DomainNode::Kind::kLeaf: return MatchLeaf(node, 0, model, id);
  }
  return false;
}

bool DomainMatcher::MatchLeaf(const DomainNode& leaf, size_t depth, const ModelDef& model, int64_t id) const {
  const FieldDef& field = *leaf.path[depth];
  if (depth + 1 < leaf.path.size()) {
    // Dotted path: 17+ rewrites `a.b op v` to `a any [(b, op, v)]`; 16's joins agree.
    for (int64_t target : Related(field, source_.Raw(model, field, id))) {
      if (MatchLeaf(leaf, depth + 1, *field.comodel, target)) return true;
    }
    return false;
  }
  if (leaf.op == "child_of" || leaf.op == "parent_of") return MatchHierarchy(leaf, model, id);
  const json raw = source_.Raw(model, field, id);
  if (leaf.op == "any" || leaf.op == "not any") {
    const auto targets = Related(field, raw);
    const bool found = std::any_of(targets.begin(), targets.end(),
                                   [&](int64_t target) { return Matches(*leaf.sub, *field.comodel, target); });
    return leaf.op == "any" ? found : !found;
  }
  if (IsRelational(field.type)) return MatchRelational(leaf, field, raw);
  return CompareScalar(field, raw, leaf.op, leaf.value);
}

bool DomainMatcher::MatchRelational(const DomainNode& leaf, const FieldDef& field, const json& raw) const {
  const std::vector<int64_t> ids = Related(field, raw);
  const bool by_name = HasString(leaf.value);
  if (field.type == FieldType::kMany2one && !by_name) return CompareScalar(IdField(), raw, leaf.op, leaf.value);
  if (field.type == FieldType::kMany2one) {
    const json name = ids.empty() ? json(nullptr) : json(DisplayName(*field.comodel, ids.front()));
    return CompareScalar(NameField(), name, leaf.op, leaf.value);
  }
  // x2many: `= False` means no related record; otherwise "one of them matches" (negated for
  // the negative operators).
  if (leaf.value.is_null() || leaf.value == false) {
    return (leaf.op == "=" || leaf.op == "in") ? ids.empty() : !ids.empty();
  }
  const std::string positive = Positive(leaf.op);
  const bool found = std::any_of(ids.begin(), ids.end(), [&](int64_t target) {
    if (by_name) return CompareScalar(NameField(), DisplayName(*field.comodel, target), positive, leaf.value);
    return CompareScalar(IdField(), json(target), positive, leaf.value);
  });
  return IsNegative(leaf.op) ? !found : found;
}

bool DomainMatcher::MatchHierarchy(const DomainNode& leaf, const ModelDef& model, int64_t id) const {
  const FieldDef& field = *leaf.path.back();
  const ModelDef& tree = IsRelational(field.type) ? *field.comodel : model;
  const FieldDef* parent = tree.Find("parent_id");
  const bool has_parent = parent && parent->comodel == &tree;
  const std::vector<int64_t> roots = Ids(leaf.value);
  // Ancestors-or-self of x, following parent_id (child_of/parent_of are plain `in` without it).
  auto lineage = [&](int64_t x) {
    std::vector<int64_t> chain{x};
    for (int depth = 0; has_parent && depth < 64; ++depth) {
      const json up = source_.Raw(tree, *parent, chain.back());
      if (!up.is_number_integer()) break;
      chain.push_back(up.get<int64_t>());
    }
    return chain;
  };
  auto member = [&](int64_t x) {
    if (leaf.op == "child_of") {
      const auto chain = lineage(x);
      return std::any_of(chain.begin(), chain.end(),
                         [&](int64_t a) { return std::find(roots.begin(), roots.end(), a) != roots.end(); });
    }
    return std::any_of(roots.begin(), roots.end(), [&](int64_t root) {
      const auto chain = lineage(root);
      return std::find(chain.begin(), chain.end(), x) != chain.end();
    });
  };
  if (!IsRelational(field.type)) return member(id);
  const auto targets = Related(field, source_.Raw(model, field, id));
  return std::any_of(targets.begin(), targets.end(), member);
}

std::vector<int64_t> DomainMatcher::Related(const FieldDef& field, const json& raw) const {
  if (field.type == FieldType::kMany2one) return raw.is_number_integer() ? std::vector<int64_t>{raw.get<int64_t>()}
                                                                         : std::vector<int64_t>{};
  return IsX2many(field.type) ? Ids(raw) : std::vector<int64_t>{};
}

std::string DomainMatcher::DisplayName(const ModelDef& model, int64_t id) const {
  const json name = source_.Raw(model.name, "display_name", id);
  return name.is_string() ? name.get<std::string>() : "";
}

}  // namespace xlsync::fakes
