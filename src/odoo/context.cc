#include "odoo/context.h"

namespace xlsync::odoo {

nlohmann::json Context::ToJson() const {
  nlohmann::json context = nlohmann::json::object();
  context["lang"] = lang.empty() ? std::string("en_US") : lang;
  if (!tz.empty()) context["tz"] = tz;
  if (!active_test) context["active_test"] = false;
  if (bin_size) context["bin_size"] = true;
  if (!allowed_company_ids.empty()) context["allowed_company_ids"] = allowed_company_ids;
  return context;
}

}  // namespace xlsync::odoo
