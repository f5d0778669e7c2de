#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "odoo/client.h"
#include "odoo/context.h"

namespace xlsync::odoo {

/// One grouped read (odoo-api.md §9.1): records of `model` matching `domain`, grouped by one or
/// more specs ("partner_id", "date_order:month"; a date field needs its granularity on Odoo 19)
/// with `aggregates` ("amount_total:sum", "__count") per group. `order` uses the same specs
/// ("date_order:month desc", "amount_total:sum desc", "__count desc"; "" = the group-by order);
/// `limit` <= 0 means every group.
struct GroupQuery {
  std::string model;
  nlohmann::json domain = nlohmann::json::array();
  std::vector<std::string> group_by;
  std::vector<std::string> aggregates;
  Context context;
  std::string order;
  int limit = 0;
};

/// One group, the same whichever method Odoo answered: per group-by spec the group's value
/// (many2one [id, "name"], selection key, text, boolean, date bucket label such as
/// "January 2024", or false), the records counted, one value per aggregate (in the query's
/// order, null when Odoo had nothing to aggregate) and, per date group-by, the bucket's
/// [from, to) as Odoo wrote it ("2024-01-01" or "2023-12-31 23:00:00" UTC).
struct Group {
  std::vector<nlohmann::json> keys;
  int64_t count = 0;
  std::vector<nlohmann::json> aggregates;
  std::vector<std::optional<std::pair<std::string, std::string>>> ranges;
};

/// Reads the groups with formatted_read_group on Odoo 19 and saas-18.2+, with read_group
/// (lazy = false) before; groups come in Odoo's order. Connects the client first if needed.
core::Result<std::vector<Group>> ReadGroups(Client& client, const GroupQuery& query);

/// True when the server has formatted_read_group (saas-18.2 and later), odoo-api.md §9.1, §11.
bool HasFormattedReadGroup(const ServerVersion& version);

}  // namespace xlsync::odoo
