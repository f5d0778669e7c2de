#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "odoo/field.h"
#include "odoo/schema.h"

namespace xlsync::odoo {

/// A field name as a task writes it, split at its dots: "partner_id.country_id.name" follows two
/// many2one relations to the field `name` of res.country (the notation of Odoo's own domains,
/// odoo-api.md §9.5). A name without dots is a path of one segment. Immutable value.
class FieldPath {
 public:
  /// The most relations a path may follow ("a.b.c.d").
  static constexpr size_t kMaxRelations = 3;

  /// Splits `text` at its dots; an empty part or more than kMaxRelations relations is
  /// InvalidInput naming the path.
  static core::Result<FieldPath> Parse(std::string_view text);

  const std::string& text() const { return text_; }
  const std::vector<std::string>& segments() const { return segments_; }
  /// How many many2one relations the path follows: segments - 1.
  size_t relations() const { return segments_.size() - 1; }
  bool dotted() const { return segments_.size() > 1; }
  /// The first `count` segments joined by dots: Prefix(2) of "a.b.c" is "a.b".
  std::string Prefix(size_t count) const;

  /// Checks segment `index` against the schema of the model it belongs to: it must exist there
  /// and, unless it is the last, be a many2one. The error names the segment, the path and the
  /// model, with a "did you mean" hint like Schema::Resolve.
  core::Result<const Field*> Check(size_t index, const Schema& schema) const;

 private:
  std::string text_;
  std::vector<std::string> segments_;
};

}  // namespace xlsync::odoo
