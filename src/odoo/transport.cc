#include "odoo/transport.h"

#include <algorithm>
#include <array>

namespace xlsync::odoo {

http::Idempotency IdempotencyOf(std::string_view method) {
  // Methods that only read (odoo-api.md §9.1); JSON-2 runs them on a read-only cursor (§5).
  static constexpr std::array<std::string_view, 12> kReads = {
      "context_get", "fields_get",      "name_search",          "read",
      "read_group",  "search",          "search_count",         "search_read",
      "web_read",    "web_search_read", "formatted_read_group", "check_access_rights"};
  const bool reads = std::find(kReads.begin(), kReads.end(), method) != kReads.end();
  return reads ? http::Idempotency::kIdempotent : http::Idempotency::kNonIdempotent;
}

}  // namespace xlsync::odoo
