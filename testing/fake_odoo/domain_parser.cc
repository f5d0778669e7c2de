// Parsing follows odoo/osv/expression.py: normalize_domain counts operator arity (16 asserts,
// 17+ raise ValueError), then each leaf is checked (operator, field path, searchability).
#include <algorithm>
#include <set>

#include "testing/fake_odoo/domain.h"
#include "testing/fake_odoo/odoo_error.h"
#include "testing/fake_odoo/odoo_messages.h"
#include "testing/fake_odoo/python_repr.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

bool IsLogical(const json& token) {
  return token.is_string() && (token == "&" || token == "|" || token == "!");
}

bool KnownOperator(const std::string& op, int version) {
  static const std::set<std::string> kOperators = {
      "=", "!=", "<>", "<=", "<", ">", ">=", "=?", "=like", "=ilike", "like", "not like",
      "ilike", "not ilike", "in", "not in", "child_of", "parent_of"};
  if (op == "any" || op == "not any") return version >= 17;
  return kOperators.count(op) > 0;
}

// normalize_domain(): implicit '&' between consecutive terms, arity checked at the end.
core::Result<std::vector<json>> Normalize(const json& domain, int version) {
  if (!domain.is_array()) {
    return OdooError(exc::kAssertionError,
                     "Domains to normalize must have a 'domain' form: a list or tuple of domain components");
  }
  std::vector<json> result;
  if (domain.empty()) return std::vector<json>{json::array({1, "=", 1})};
  int expected = 1;
  for (const json& token : domain) {
    if (expected == 0) {
      result.insert(result.begin(), json("&"));
      expected = 1;
    }
    if (token.is_array()) expected -= 1;
    else expected += (token == "!" ? 1 : (token == "&" || token == "|") ? 2 : 0) - 1;
    result.push_back(token);
  }
  if (expected != 0) {
    if (version <= 16) {
      return OdooError(exc::kAssertionError, "This domain is syntactically not correct: " + PythonRepr(domain));
    }
    return OdooError(exc::kValueError, "Domain " + PythonRepr(domain) + " is syntactically not correct.");
  }
  return result;
}

class Parser {
 public:
  Parser(const DomainOptions& options, bool top_level) : options_(options), top_level_(top_level) {}

  core::Result<DomainNode> Parse(const ModelDef& model, const json& domain) {
    auto tokens = Normalize(domain, options_.version);
    if (!tokens) return tokens.error();
    tokens_ = std::move(*tokens);
    position_ = 0;
    return Next(model);
  }
  bool mentions_active() const { return mentions_active_; }

 private:
  core::Result<DomainNode> Next(const ModelDef& model) {
    const json& token = tokens_[position_++];
    if (!IsLogical(token)) return Leaf(model, token);
    DomainNode node;
    node.kind = token == "!" ? DomainNode::Kind::kNot : token == "&" ? DomainNode::Kind::kAnd : DomainNode::Kind::kOr;
    const int arity = token == "!" ? 1 : 2;
    for (int i = 0; i < arity; ++i) {
      auto child = Next(model);
      if (!child) return child.error();
      node.children.push_back(std::move(*child));
    }
    return node;
  }

  core::Result<DomainNode> Leaf(const ModelDef& model, const json& token) {
    // A bare string where a term was expected: Odoo indexes into it (captured on 18.0).
    if (token.is_string()) return OdooError(exc::kIndexError, "string index out of range");
    if (!token.is_array()) {
      return OdooError(exc::kTypeError, "'" + std::string(token.type_name()) + "' object is not subscriptable");
    }
    const std::string leaf = PythonRepr(token, true);
    if (token.size() != 3 || !token[1].is_string()) return OdooError(exc::kValueError, "Invalid leaf " + leaf);
    if (token[0] == 1 && token[1] == "=" && token[2] == 1) return Constant(DomainNode::Kind::kTrue);
    if (token[0] == 0 && token[1] == "=" && token[2] == 1) return Constant(DomainNode::Kind::kFalse);
    std::string op = token[1].get<std::string>();
    std::transform(op.begin(), op.end(), op.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!KnownOperator(op, options_.version) || !token[0].is_string()) {
      return OdooError(exc::kValueError, "Invalid leaf " + leaf);
    }
    if (op == "=?") {
      if (token[2].is_null() || token[2] == false) return Constant(DomainNode::Kind::kTrue);
      op = "=";
    }
    if (op == "<>") op = "!=";
    DomainNode node;
    node.kind = DomainNode::Kind::kLeaf;
    node.op = op;
    node.value = token[2];
    const std::string path = token[0].get<std::string>();
    if (top_level_ && path == "active") mentions_active_ = true;
    if (auto resolved = Resolve(model, path, leaf, node); !resolved) return resolved.error();
    if (op == "any" || op == "not any") {
      if (!IsRelational(node.path.back()->type) || !node.value.is_array()) {
        return OdooError(exc::kValueError, "Invalid leaf " + leaf);
      }
      Parser nested(options_, false);
      auto sub = nested.Parse(*node.path.back()->comodel, node.value);
      if (!sub) return sub.error();
      node.sub = std::make_shared<DomainNode>(std::move(*sub));
    }
    return node;
  }

  core::Result<void> Resolve(const ModelDef& root, const std::string& path, const std::string& leaf,
                             DomainNode& node) {
    const ModelDef* model = &root;
    size_t start = 0;
    while (true) {
      const size_t dot = path.find('.', start);
      const std::string name = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
      const FieldDef* field = model->Find(name);
      if (!field) {
        return OdooError(exc::kValueError, "Invalid field " + model->name + "." + name + " in leaf " + leaf);
      }
      if (!options_.can_access(*field)) return msg::FieldAccess(options_.version, *model, {field->name});
      node.path.push_back(field);
      node.models.push_back(model);
      if (dot == std::string::npos) {
        if (!field->searchable) {
          return OdooError(exc::kValueError,
                           "Non-stored field " + model->name + "." + field->name + " cannot be searched.");
        }
        return {};
      }
      if (!IsRelational(field->type) || field->comodel == nullptr) {
        return OdooError(exc::kValueError,
                         "Invalid field " + model->name + "." + path.substr(start) + " in leaf " + leaf);
      }
      model = field->comodel;
      start = dot + 1;
    }
  }

  static DomainNode Constant(DomainNode::Kind kind) {
    DomainNode node;
    node.kind = kind;
    return node;
  }

  const DomainOptions& options_;
  bool top_level_;
  std::vector<json> tokens_;
  size_t position_ = 0;
  bool mentions_active_ = false;
};

void CollectBounds(const DomainNode& node, IdBounds& bounds) {
  if (node.kind == DomainNode::Kind::kAnd) {
    for (const DomainNode& child : node.children) CollectBounds(child, bounds);
    return;
  }
  if (node.kind != DomainNode::Kind::kLeaf || node.path.size() != 1 || node.path[0]->name != "id") return;
  const json& value = node.value;
  if (value.is_number_integer()) {
    const int64_t v = value.get<int64_t>();
    if (node.op == ">") bounds.above = std::max(bounds.above, v);
    else if (node.op == ">=") bounds.above = std::max(bounds.above, v - 1);
    else if (node.op == "<") bounds.at_most = std::min(bounds.at_most, v - 1);
    else if (node.op == "<=") bounds.at_most = std::min(bounds.at_most, v);
    else if (node.op == "=") {
      bounds.above = std::max(bounds.above, v - 1);
      bounds.at_most = std::min(bounds.at_most, v);
    }
    return;
  }
  if (node.op != "in" || !value.is_array()) return;
  std::vector<int64_t> ids;
  for (const json& item : value) {
    if (item.is_number_integer()) ids.push_back(item.get<int64_t>());
  }
  std::sort(ids.begin(), ids.end());
  if (bounds.only) {
    std::vector<int64_t> both;
    std::set_intersection(ids.begin(), ids.end(), bounds.only->begin(), bounds.only->end(), std::back_inserter(both));
    ids = std::move(both);
  }
  bounds.only = std::move(ids);
}

}  // namespace

core::Result<Domain> Domain::Parse(const ModelDef& model, const json& domain, const DomainOptions& options) {
  Parser parser(options, true);
  auto root = parser.Parse(model, domain);
  if (!root) return root.error();
  Domain parsed;
  parsed.root_ = std::move(*root);
  parsed.mentions_active_ = parser.mentions_active();
  return parsed;
}

IdBounds Domain::Bounds() const {
  IdBounds bounds;
  CollectBounds(root_, bounds);
  return bounds;
}

}  // namespace xlsync::fakes
