#include "testing/fake_odoo/schema.h"

#include "testing/fake_odoo/field_builder.h"

namespace xlsync::fakes {
namespace {

// Every model with _log_access carries these (odoo-api.md §10); display_name is computed on
// all models since 17 and searchable through its name search.
void AddMagicFields(ModelDef& model) {
  auto add = [&model](FieldDef field) {
    for (const FieldDef& existing : model.fields) {
      if (existing.name == field.name) return;
    }
    model.fields.push_back(std::move(field));
  };
  add(Field("id", FieldType::kInteger, "ID").Ro());
  add(Field("display_name", FieldType::kChar, "Display Name").Ro().ComputedSearchable());
  add(Field("create_uid", FieldType::kMany2one, "Created by").Ro().Rel("res.users"));
  add(Field("create_date", FieldType::kDatetime, "Created on").Ro().Fr("Créé le"));
  add(Field("write_uid", FieldType::kMany2one, "Last Updated by").Ro().Rel("res.users"));
  add(Field("write_date", FieldType::kDatetime, "Last Updated on").Ro().Fr("Dernière mise à jour le"));
}

}  // namespace

Schema::Schema() {
  AddBaseModels(models_);
  AddSalesModels(models_);
  for (size_t i = 0; i < models_.size(); ++i) {
    AddMagicFields(models_[i]);
    models_[i].index = static_cast<int>(i);
    models_[i].BuildIndex();
    by_name_[models_[i].name] = static_cast<int>(i);
  }
  for (ModelDef& model : models_) {
    for (FieldDef& field : model.fields) {
      if (!field.relation.empty()) field.comodel = Find(field.relation);
    }
  }
}

const ModelDef* Schema::Find(std::string_view model) const {
  auto it = by_name_.find(model);
  return it == by_name_.end() ? nullptr : &models_[static_cast<size_t>(it->second)];
}

}  // namespace xlsync::fakes
