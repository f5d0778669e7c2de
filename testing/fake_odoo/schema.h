#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "testing/fake_odoo/model_def.h"

namespace xlsync::fakes {

/// The catalogue of models the fake Odoo serves: res.partner, product.product, sale.order,
/// sale.order.line, account.move (generated, any size) and the small related models their
/// many2one fields point at. Immutable after construction; safe to share between threads.
class Schema {
 public:
  Schema();
  Schema(const Schema&) = delete;  // fields point at their comodels inside this object
  Schema& operator=(const Schema&) = delete;

  const ModelDef* Find(std::string_view model) const;
  const std::vector<ModelDef>& models() const { return models_; }

 private:
  std::vector<ModelDef> models_;
  std::map<std::string, int, std::less<>> by_name_;
};

/// Catalogue parts, one per file (schema_base_models.cc, schema_sales_models.cc).
void AddBaseModels(std::vector<ModelDef>& models);
void AddSalesModels(std::vector<ModelDef>& models);

}  // namespace xlsync::fakes
