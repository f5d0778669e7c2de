#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace xlsync::odoo {

/// The Odoo context sent with every call (odoo-api.md §9.3). `lang` always goes out: the two
/// transports pick different default languages otherwise (§5).
struct Context {
  std::string lang = "en_US";
  std::string tz;
  bool active_test = true;  // false: include archived records
  bool bin_size = false;    // true: binary fields come back as a size text
  std::vector<int64_t> allowed_company_ids;

  /// {"lang": ...} plus only the keys that differ from Odoo's defaults.
  nlohmann::json ToJson() const;
};

}  // namespace xlsync::odoo
