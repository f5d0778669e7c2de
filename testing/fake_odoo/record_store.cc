#include "testing/fake_odoo/record_store.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace xlsync::fakes {

using nlohmann::json;

RecordStore::RecordStore(const Schema& schema, const RecordGenerator& generator)
    : schema_(schema), generator_(generator) {
  Reset();
}

void RecordStore::Reset() {
  data_.assign(schema_.models().size(), ModelData{});
  for (const ModelDef& model : schema_.models()) {
    ModelData& data = Data(model);
    if (model.generated) {
      data.generated_count = generator_.context().Count(model.name);
      data.next_id = data.generated_count + 1;
    } else {
      for (const auto& [id, row] : generator_.context().FixedRows(model.name)) data.fixed_ids.insert(id);
      data.next_id = data.fixed_ids.empty() ? 1 : *data.fixed_ids.rbegin() + 1;
    }
  }
}

bool RecordStore::IsBase(const ModelData& data, int64_t id) const {
  if (data.generated_count > 0 && id >= 1 && id <= data.generated_count) return true;
  return data.fixed_ids.count(id) > 0;
}

bool RecordStore::Exists(const ModelDef& model, int64_t id) const {
  const ModelData& data = Data(model);
  if (IsBase(data, id)) return data.deleted.count(id) == 0;
  return data.created.count(id) > 0;
}

json RecordStore::Stored(const ModelDef& model, const FieldDef& field, int64_t id) const {
  const ModelData& data = Data(model);
  if (auto row = data.overlay.find(id); row != data.overlay.end()) {
    if (auto value = row->second.find(field.name); value != row->second.end()) return *value;
  }
  if (generator_.IsComputed(model, field)) return generator_.Compute(model, field, id, *this);
  if (data.created.count(id)) return nullptr;
  return generator_.Base(model, field, id);
}

json RecordStore::Raw(const ModelDef& model, const FieldDef& field, int64_t id) const {
  if (field.name == "id") return id;
  json value = Stored(model, field, id);
  // A many2one to a deleted record reads as empty (ondelete='set null').
  if (field.type == FieldType::kMany2one && value.is_number_integer()) {
    if (field.comodel && !Exists(*field.comodel, value.get<int64_t>())) return nullptr;
  }
  return value;
}

json RecordStore::Raw(std::string_view model, std::string_view field, int64_t id) const {
  const ModelDef* def = schema_.Find(model);
  const FieldDef* field_def = def ? def->Find(field) : nullptr;
  if (!field_def || !Exists(*def, id)) return nullptr;
  return Raw(*def, *field_def, id);
}

std::vector<int64_t> RecordStore::Inverse(const ModelDef& comodel, const FieldDef& inverse_field,
                                          int64_t target) const {
  const ModelData& data = Data(comodel);
  std::vector<int64_t> candidates;
  if (auto known = generator_.InverseCandidates(comodel, inverse_field, target)) {
    candidates = std::move(*known);
  } else {
    for (auto id = NextId(comodel, 0); id; id = NextId(comodel, *id)) candidates.push_back(*id);
  }
  // Records created or rewritten since may point at the target too.
  for (const auto& [id, row] : data.overlay) {
    if (row.contains(inverse_field.name)) candidates.push_back(id);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<int64_t> ids;
  for (int64_t id : candidates) {
    if (Exists(comodel, id) && Raw(comodel, inverse_field, id) == json(target)) ids.push_back(id);
  }
  return ids;
}

std::optional<int64_t> RecordStore::NextId(const ModelDef& model, int64_t after) const {
  const ModelData& data = Data(model);
  for (int64_t id = std::max<int64_t>(after + 1, 1); id <= data.generated_count; ++id) {
    if (!data.deleted.count(id)) return id;
  }
  for (auto it = data.fixed_ids.upper_bound(after); it != data.fixed_ids.end(); ++it) {
    if (!data.deleted.count(*it)) return *it;
  }
  auto created = data.created.upper_bound(after);
  if (created != data.created.end()) return *created;
  return std::nullopt;
}

std::optional<int64_t> RecordStore::PrevId(const ModelDef& model, int64_t before) const {
  const ModelData& data = Data(model);
  auto created = data.created.lower_bound(before);
  if (created != data.created.begin()) return *std::prev(created);
  auto fixed = data.fixed_ids.lower_bound(before);
  while (fixed != data.fixed_ids.begin()) {
    --fixed;
    if (!data.deleted.count(*fixed)) return *fixed;
  }
  for (int64_t id = std::min(before - 1, data.generated_count); id >= 1; --id) {
    if (!data.deleted.count(id)) return id;
  }
  return std::nullopt;
}

void RecordStore::Write(const ModelDef& model, int64_t id, const json& values) {
  json& row = Data(model).overlay[id];
  if (!row.is_object()) row = json::object();
  for (const auto& [name, value] : values.items()) row[name] = value;
}

int64_t RecordStore::Create(const ModelDef& model, const json& values) {
  ModelData& data = Data(model);
  const int64_t id = data.next_id++;
  data.created.insert(id);
  data.overlay[id] = values.is_object() ? values : json::object();
  return id;
}

void RecordStore::Unlink(const ModelDef& model, int64_t id) {
  ModelData& data = Data(model);
  data.overlay.erase(id);
  if (data.created.erase(id) == 0) data.deleted.insert(id);
}

}  // namespace xlsync::fakes
