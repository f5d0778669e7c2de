#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "odoo/context.h"

namespace xlsync::odoo {

class CellConverter;
class Client;

/// The Excel number format of amounts in a currency (msgraph.md §6.5): "[$$]#,##0.00" with the
/// symbol before the amount, "#,##0.00 [$€]" after it, `decimals` places (0: no point). A symbol
/// Excel cannot hold between "[$" and "]" (with "]", "\"", "-", ...) falls back to `iso_name`,
/// then to the plain amount format.
std::string CurrencyFormat(std::string_view symbol, std::string_view iso_name, bool before,
                           int decimals);

/// Number formats of amounts per currency id, read from res.currency (name, symbol, position,
/// decimal_places) once per currency and run. When Odoo refuses the read (AccessError), amounts
/// keep their column's format and one warning says so. Not thread-safe: prefetch, then convert.
class CurrencyFormats {
 public:
  /// Reads the currencies of the page's amounts that were never read, in one read.
  core::Result<void> Prefetch(Client& client, const CellConverter& converter,
                              const nlohmann::json& page, const Context& context);
  /// "" for a currency not read: its amounts keep the column's format.
  std::string_view Find(int64_t currency_id) const;
  /// From res.currency records as read returns them.
  void Store(const nlohmann::json& currencies);
  /// At most one, once currencies could not be read.
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  std::unordered_map<int64_t, std::string> formats_;
  std::set<int64_t> asked_;  // read once, found or not
  bool unreadable_ = false;
  std::vector<std::string> warnings_;
};

}  // namespace xlsync::odoo
