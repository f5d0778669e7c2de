#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "testing/fake_odoo/schema.h"

namespace xlsync::fakes {

/// One node of a parsed domain: a constant, a logical operator, or a leaf
/// (field path, operator, value; `any`/`not any` leaves carry a sub-domain).
struct DomainNode {
  enum class Kind { kTrue, kFalse, kAnd, kOr, kNot, kLeaf };
  Kind kind = Kind::kTrue;
  std::vector<DomainNode> children;
  std::vector<const FieldDef*> path;     // resolved dotted path; back() is compared
  std::vector<const ModelDef*> models;   // model owning each path element
  std::string op;
  nlohmann::json value;
  std::shared_ptr<DomainNode> sub;
};

/// Ids a domain can only match, read from its top-level `id` leaves: lets keyset paging
/// (`[["id", ">", last]]`, order "id") start at `last` instead of scanning (odoo-api.md §9.4).
struct IdBounds {
  int64_t above = std::numeric_limits<int64_t>::min();  // id > above
  int64_t at_most = std::numeric_limits<int64_t>::max();
  std::optional<std::vector<int64_t>> only;  // sorted
};

/// How to parse: the version profile (operators, error wording) and who may see which field.
struct DomainOptions {
  int version = 18;
  std::function<bool(const FieldDef&)> can_access = [](const FieldDef&) { return true; };
};

/// A validated Odoo domain (odoo-api.md §9.5), parsed with the errors Odoo raises for unknown
/// fields, bad operators and malformed prefix notation. Immutable once parsed.
class Domain {
 public:
  static core::Result<Domain> Parse(const ModelDef& model, const nlohmann::json& domain,
                                    const DomainOptions& options);

  const DomainNode& root() const { return root_; }
  /// True when a top-level leaf names `active`, which turns off the implicit active filter.
  bool mentions_active() const { return mentions_active_; }
  IdBounds Bounds() const;

 private:
  DomainNode root_;
  bool mentions_active_ = false;
};

}  // namespace xlsync::fakes
