#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "core/cell.h"

namespace xlsync::bench {

/// The sale.order columns of the benchmarks: the 10 a sales report picks, or the 30 of a full
/// dump (every stored-or-computed field type Odoo 18 gives sale.order). `columns` is 10 or 30.
const std::vector<std::string>& SaleOrderFields(int columns);

/// fields_get of sale.order for those 30 fields, shaped as Odoo 18 answers it (odoo-api.md §8):
/// string, type, relation, selection, required, readonly, store, digits, currency_field.
nlohmann::json SaleOrderFieldsGet();

/// res.currency records as read returns them (name, symbol, position, decimal_places) for the
/// two currencies the orders use: USD (id 1, "$" before) and EUR (id 125, "€" after).
nlohmann::json SaleOrderCurrencies();

/// `count` sale.order records from `first_id` on, holding `fields` (plus "id", which Odoo always
/// sends) in Odoo 18's shapes: many2one [id, "name"], false for empty, "2024-03-15" dates,
/// "2024-03-15 10:20:30" datetimes, selection keys, float amounts, html notes, x2many id lists.
/// Deterministic: the same arguments give the same records.
nlohmann::json SaleOrderRecords(const std::vector<std::string>& fields, int count,
                                int64_t first_id = 1);

/// The HTTP body of a JSON-RPC reply carrying `result`, serialised as Odoo does (Python's
/// json.dumps: ", " and ": " separators, UTF-8 unescaped).
std::string JsonRpcReplyBody(const nlohmann::json& result, int64_t request_id);

/// The body of a Graph range GET ($select=values) holding `rows` as Excel reads them back:
/// texts without their quote prefix, numbers, booleans, "" for empty cells (msgraph.md §6.4).
std::string RangeValuesBody(std::span<const core::Row> rows);

}  // namespace xlsync::bench
