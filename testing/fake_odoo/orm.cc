#include "testing/fake_odoo/orm.h"

#include <algorithm>

#include "core/text.h"
#include "testing/fake_odoo/odoo_error.h"
#include "testing/fake_odoo/odoo_messages.h"

namespace xlsync::fakes {

using nlohmann::json;

Orm::Orm(const Schema& schema, RecordStore& store, int version)
    : schema_(schema), store_(store), version_(version) {}

core::Result<const ModelDef*> Orm::Model(std::string_view name) const {
  const ModelDef* model = schema_.Find(name);
  if (!model) return msg::UnknownModel(name);
  return model;
}

core::Result<Env> Orm::MakeEnv(const FakeUser* user, const json& context, std::string now) const {
  Env env;
  env.user = user;
  env.now = std::move(now);
  if (user) env.companies = user->company_ids;
  if (!context.is_object()) return env;
  // Only installed languages translate; others fall back to the source terms (en_US).
  if (auto lang = context.find("lang"); lang != context.end() && *lang == "fr_FR") env.lang = "fr_FR";
  if (auto active = context.find("active_test"); active != context.end()) {
    env.active_test = !(active->is_null() || *active == false || *active == 0);
  }
  if (auto bin = context.find("bin_size"); bin != context.end()) env.bin_size = *bin == true;
  if (auto tz = context.find("tz"); tz != context.end() && tz->is_string()) env.tz = tz->get<std::string>();
  auto allowed = context.find("allowed_company_ids");
  if (allowed == context.end() || !allowed->is_array()) return env;
  std::vector<int64_t> companies;
  for (const json& company : *allowed) {
    const bool known = company.is_number_integer() &&
                       (!user || std::count(user->company_ids.begin(), user->company_ids.end(),
                                            company.get<int64_t>()) > 0);
    if (!known) return msg::UnauthorizedCompanies();
    companies.push_back(company.get<int64_t>());
  }
  if (!companies.empty()) env.companies = std::move(companies);
  return env;
}

core::Result<void> Orm::CheckAccess(const Env& env, const ModelDef& model, std::string_view operation) const {
  if (!env.user) return {};
  const auto& allowed = operation == "read" ? env.user->can_read : env.user->can_write;
  if (allowed.empty() || allowed.count(model.name)) return {};
  return msg::Acl(model, operation);
}

bool Orm::CanSee(const Env& env, const FieldDef& field) const {
  if (!env.user || field.groups.empty()) return true;
  for (const std::string& group : core::Split(field.groups, ',')) {
    if (env.user->groups.count(group)) return true;
  }
  return false;
}

bool Orm::CompanyVisible(const Env& env, const ModelDef& model, int64_t id) const {
  // Multi-company record rules exist on the business models, not on users/companies.
  if (env.companies.empty() || !model.generated) return true;
  const FieldDef* company = model.Find("company_id");
  if (!company) return true;
  const json value = store_.Raw(model, *company, id);
  if (!value.is_number_integer()) return true;
  return std::count(env.companies.begin(), env.companies.end(), value.get<int64_t>()) > 0;
}

}  // namespace xlsync::fakes
