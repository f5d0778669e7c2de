#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "testing/fake_odoo/raw_source.h"
#include "testing/fake_odoo/record_generator.h"
#include "testing/fake_odoo/schema.h"

namespace xlsync::fakes {

/// The fake database: generated records (ids 1..N, values from RecordGenerator), fixed rows of
/// the small models, and an overlay of what was created, written or deleted since, so state
/// can be changed and read back while a million untouched records cost no memory.
/// Not synchronised: the caller serialises access (FakeOdoo holds a shared_mutex).
class RecordStore final : public RawSource {
 public:
  RecordStore(const Schema& schema, const RecordGenerator& generator);

  bool Exists(const ModelDef& model, int64_t id) const override;
  nlohmann::json Raw(const ModelDef& model, const FieldDef& field, int64_t id) const override;
  nlohmann::json Raw(std::string_view model, std::string_view field, int64_t id) const override;
  std::vector<int64_t> Inverse(const ModelDef& comodel, const FieldDef& inverse_field,
                               int64_t target) const override;

  /// Smallest existing id above `after` / largest below `before`: walks ids without sorting.
  std::optional<int64_t> NextId(const ModelDef& model, int64_t after) const;
  std::optional<int64_t> PrevId(const ModelDef& model, int64_t before) const;
  /// The id the next Create() will allocate (ids are never reused, like a sequence).
  int64_t PeekNextId(const ModelDef& model) const { return Data(model).next_id; }
  bool IsComputed(const ModelDef& model, const FieldDef& field) const {
    return generator_.IsComputed(model, field);
  }

  /// Stores raw values (already validated) over the record's current ones.
  void Write(const ModelDef& model, int64_t id, const nlohmann::json& values);
  /// Allocates the next id and stores `values` (defaults included) as a new record.
  int64_t Create(const ModelDef& model, const nlohmann::json& values);
  void Unlink(const ModelDef& model, int64_t id);
  /// Default values of a new record of `model` (see RecordGenerator::Defaults).
  nlohmann::json Defaults(const ModelDef& model, int64_t id, const std::string& now) const {
    return generator_.Defaults(model, id, now);
  }
  /// Forgets every change: back to the generated data.
  void Reset();

 private:
  struct ModelData {
    int64_t generated_count = 0;
    std::set<int64_t> fixed_ids;
    std::unordered_set<int64_t> deleted;  // generated or fixed ids removed
    std::set<int64_t> created;
    std::unordered_map<int64_t, nlohmann::json> overlay;  // id -> {field: raw value}
    int64_t next_id = 1;
  };
  ModelData& Data(const ModelDef& model) { return data_[static_cast<size_t>(model.index)]; }
  const ModelData& Data(const ModelDef& model) const { return data_[static_cast<size_t>(model.index)]; }
  bool IsBase(const ModelData& data, int64_t id) const;
  nlohmann::json Stored(const ModelDef& model, const FieldDef& field, int64_t id) const;

  const Schema& schema_;
  const RecordGenerator& generator_;
  std::vector<ModelData> data_;
};

}  // namespace xlsync::fakes
