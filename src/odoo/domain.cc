#include "odoo/domain.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

core::Error Malformed(const std::string& why) {
  return core::InvalidInput("The filter is not a valid Odoo domain (" + why +
                            "): write it as a list of conditions such as "
                            "[[\"is_company\", \"=\", true]].");
}

std::string Shown(const json& item) {
  std::string text = item.dump(-1, ' ', false, json::error_handler_t::replace);
  return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

bool IsCondition(const json& item) {
  // [path, operator, value]; the constant leaves [1, "=", 1] / [0, "=", 1] use integers.
  return item.is_array() && item.size() == 3 &&
         (item[0].is_string() || item[0].is_number_integer()) && item[1].is_string();
}

}  // namespace

core::Result<void> ValidateDomain(const json& domain) {
  if (!domain.is_array()) return Malformed("it is " + Shown(domain) + ", not a list");
  // Same count as Odoo's normalize_domain: each operator needs its operands; complete
  // expressions in a row are joined by an implicit "&".
  int expected = 1;
  size_t position = 0;
  for (const json& item : domain) {
    ++position;
    if (expected == 0) expected = 1;
    if (item == "&" || item == "|") {
      expected += 1;
    } else if (item == "!") {
      continue;
    } else if (IsCondition(item)) {
      expected -= 1;
    } else {
      return Malformed("item " + std::to_string(position) + ", " + Shown(item) +
                       ", is neither a condition nor &, | or !");
    }
  }
  if (!domain.empty() && expected != 0) return Malformed("an operator lacks its conditions");
  return {};
}

json WithCondition(json domain, const std::string& field, const std::string& op, int64_t value) {
  if (!domain.is_array()) domain = json::array();
  domain.push_back(json::array({field, op, value}));
  return domain;
}

}  // namespace xlsync::odoo
