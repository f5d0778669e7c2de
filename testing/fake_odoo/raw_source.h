#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "testing/fake_odoo/model_def.h"

namespace xlsync::fakes {

/// Read access to stored ("raw") field values, as the generator's computed fields need them:
/// null = SQL NULL, many2one = bare id, x2many = id list. Implemented by RecordStore.
class RawSource {
 public:
  virtual ~RawSource() = default;
  virtual bool Exists(const ModelDef& model, int64_t id) const = 0;
  virtual nlohmann::json Raw(const ModelDef& model, const FieldDef& field, int64_t id) const = 0;
  /// Raw value by names; null when the model or field is unknown.
  virtual nlohmann::json Raw(std::string_view model, std::string_view field, int64_t id) const = 0;
  /// Ids of `comodel` records whose many2one `inverse_field` points at `target`, ascending.
  virtual std::vector<int64_t> Inverse(const ModelDef& comodel, const FieldDef& inverse_field,
                                       int64_t target) const = 0;
};

}  // namespace xlsync::fakes
