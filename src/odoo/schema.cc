#include "odoo/schema.h"

#include <algorithm>

#include "core/text.h"

namespace xlsync::odoo {
namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

Schema::Schema(std::string model, std::map<std::string, Field> fields)
    : model_(std::move(model)), fields_(std::move(fields)) {}

core::Result<Schema> Schema::FromFieldsGet(const std::string& model,
                                           const nlohmann::json& description) {
  if (!description.is_object()) {
    return core::Internal("xlsync did not understand Odoo's field list for model " + model +
                          ": report this to support.");
  }
  std::map<std::string, Field> fields;
  for (const auto& [name, attributes] : description.items()) {
    fields.emplace(name, FieldFromDescription(name, attributes));
  }
  return Schema(model, std::move(fields));
}

const Field* Schema::Find(std::string_view name) const {
  const auto found = fields_.find(std::string(name));
  return found == fields_.end() ? nullptr : &found->second;
}

core::Result<std::vector<const Field*>> Schema::Resolve(
    const std::vector<std::string>& names) const {
  std::vector<const Field*> resolved;
  resolved.reserve(names.size());
  for (const auto& name : names) {
    if (const Field* field = Find(name)) {
      resolved.push_back(field);
      continue;
    }
    const std::string closest = ClosestName(name);
    const std::string hint = closest.empty()
                                 ? ": check its technical name (or ask the Odoo administrator "
                                   "whether your user may see it)."
                                 : ": did you mean \"" + closest + "\"?";
    return core::InvalidInput("The field \"" + name + "\" does not exist on Odoo model " + model_ +
                              hint);
  }
  return resolved;
}

// A field whose label is the name typed ("Customer" -> partner_id), the name plus "_id"/"_ids",
// else the nearest technical name within a third of its length.
std::string Schema::ClosestName(std::string_view name) const {
  const std::string lower = core::ToLower(name);
  for (const auto& [field_name, field] : fields_) {
    if (core::EqualsIgnoreCase(field.label, name)) return field_name;
  }
  for (const char* suffix : {"_id", "_ids"}) {
    if (fields_.contains(lower + suffix)) return lower + suffix;
  }
  const size_t limit = std::max<size_t>(1, std::min<size_t>(3, name.size() / 3));
  std::string best;
  size_t best_distance = limit + 1;
  for (const auto& [field_name, field] : fields_) {
    const size_t distance = EditDistance(lower, field_name);
    if (distance < best_distance) {
      best = field_name;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace xlsync::odoo
