#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "testing/fake_odoo/model_def.h"

namespace xlsync::fakes {

/// One term of an `order` string: field, direction, explicit NULLS placement.
struct OrderTerm {
  const FieldDef* field = nullptr;
  bool descending = false;
  std::optional<bool> nulls_first;
};

/// A validated `order` specification (odoo-api.md §9.4): the comma list Odoo's _check_qorder
/// accepts (UserError otherwise), each field known (ValueError) and stored (ValueError).
class OrderSpec {
 public:
  static core::Result<OrderSpec> Parse(const ModelDef& model, std::string_view order);

  const std::vector<OrderTerm>& terms() const { return terms_; }
  /// True when the order starts with `id`, so records can be produced by walking ids
  /// (`descending` tells which way) instead of sorting the whole set.
  bool LeadsWithId(bool& descending) const;

 private:
  std::vector<OrderTerm> terms_;
};

}  // namespace xlsync::fakes
