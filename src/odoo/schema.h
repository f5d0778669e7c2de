#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "odoo/field.h"

namespace xlsync::odoo {

/// One model's fields_get, by field name. Fields the user may not see are absent (odoo-api.md
/// §8), so "unknown" can also mean "hidden". Immutable once built; share freely.
class Schema {
 public:
  Schema() = default;
  Schema(std::string model, std::map<std::string, Field> fields);
  /// From the object fields_get returns ({name: {attribute: value}}).
  static core::Result<Schema> FromFieldsGet(const std::string& model,
                                            const nlohmann::json& description);

  const std::string& model() const { return model_; }
  const Field* Find(std::string_view name) const;
  const std::map<std::string, Field>& fields() const { return fields_; }

  /// The fields named, in order; an unknown name is InvalidInput naming the field, the model
  /// and a close match if any ("did you mean ...?").
  core::Result<std::vector<const Field*>> Resolve(const std::vector<std::string>& names) const;
  /// The field a user most likely meant by an unknown `name` (label, "_id" suffix or a close
  /// spelling); "" when nothing is close.
  std::string ClosestName(std::string_view name) const;

 private:

  std::string model_;
  std::map<std::string, Field> fields_;
};

}  // namespace xlsync::odoo
