#pragma once

#include <string>
#include <utility>
#include <vector>

#include "testing/fake_odoo/model_def.h"

namespace xlsync::fakes {

/// Terse construction of FieldDef values for the model catalogue:
/// `Field("state", FieldType::kSelection, "Status").Ro().Sel({...})`.
class Field {
 public:
  Field(std::string name, FieldType type, std::string label) {
    def_.name = std::move(name);
    def_.type = type;
    def_.label = std::move(label);
    // x2many and binary columns cannot be sorted on; Odoo reports sortable false for them.
    def_.sortable = !IsX2many(type) && type != FieldType::kBinary;
  }
  Field& Req() { def_.required = true; return *this; }
  Field& Ro() { def_.readonly = true; return *this; }
  /// Computed, not stored: readable, but neither searchable nor sortable.
  Field& Computed() {
    def_.store = false;
    def_.searchable = false;
    def_.sortable = false;
    return *this;
  }
  /// Computed but with a search method (Odoo's `search=`), like display_name.
  Field& ComputedSearchable() {
    Computed();
    def_.searchable = true;
    return *this;
  }
  Field& Fr(std::string label) { def_.label_fr = std::move(label); return *this; }
  Field& Help(std::string help) { def_.help = std::move(help); return *this; }
  Field& Rel(std::string model) { def_.relation = std::move(model); return *this; }
  Field& Inverse(std::string field) { def_.relation_field = std::move(field); return *this; }
  Field& Sel(std::vector<std::pair<std::string, std::string>> options) {
    def_.selection = std::move(options);
    return *this;
  }
  Field& SelFr(std::vector<std::string> labels) { def_.selection_fr = std::move(labels); return *this; }
  Field& Digits(int precision, int scale) {
    def_.digits = nlohmann::json::array({precision, scale});
    return *this;
  }
  /// `digits=0` as some Odoo floats report it (e.g. currency rates).
  Field& DigitsZero() { def_.digits = 0; return *this; }
  Field& Currency(std::string field) { def_.currency_field = std::move(field); return *this; }
  Field& Groups(std::string groups) { def_.groups = std::move(groups); return *this; }
  Field& Attachment() { def_.attachment = true; return *this; }

  operator FieldDef() const { return def_; }  // NOLINT: implicit by design

 private:
  FieldDef def_;
};

/// A model with its name, description (_description), default order (_order) and kind.
inline ModelDef NewModel(std::string name, std::string description, std::string order, bool generated) {
  ModelDef model;
  model.name = std::move(name);
  model.description = std::move(description);
  model.order = std::move(order);
  model.generated = generated;
  return model;
}

}  // namespace xlsync::fakes
