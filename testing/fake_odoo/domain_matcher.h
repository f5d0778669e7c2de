#pragma once

#include <cstdint>

#include "testing/fake_odoo/domain.h"
#include "testing/fake_odoo/raw_source.h"

namespace xlsync::fakes {

/// Tests records against a parsed Domain with PostgreSQL's semantics as Odoo generates them
/// (odoo-api.md §9.5): NULL never matches `=`/`<`/`like` but matches `!=`, `not in`,
/// `not ilike`; `= false` matches empty; many2one compared to a string searches display names;
/// dotted paths and `any` match when one related record does. Reads through a RawSource.
class DomainMatcher {
 public:
  explicit DomainMatcher(const RawSource& source) : source_(source) {}

  bool Matches(const DomainNode& node, const ModelDef& model, int64_t id) const;

 private:
  bool MatchLeaf(const DomainNode& leaf, size_t depth, const ModelDef& model, int64_t id) const;
  bool MatchHierarchy(const DomainNode& leaf, const ModelDef& model, int64_t id) const;
  bool MatchRelational(const DomainNode& leaf, const FieldDef& field, const nlohmann::json& raw) const;
  std::vector<int64_t> Related(const FieldDef& field, const nlohmann::json& raw) const;
  std::string DisplayName(const ModelDef& model, int64_t id) const;

  const RawSource& source_;
};

/// Compares one raw value with a leaf's operator and value (scalar fields).
bool CompareScalar(const FieldDef& field, const nlohmann::json& raw, const std::string& op,
                   const nlohmann::json& value);
/// SQL LIKE: `%` any run, `_` one character, `\` escapes; `insensitive` for ILIKE.
bool SqlLike(const std::string& text, const std::string& pattern, bool insensitive);

}  // namespace xlsync::fakes
