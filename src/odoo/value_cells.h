#pragma once

#include <date/tz.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/cell.h"
#include "odoo/field.h"

// Odoo read values -> typed cells, one function per field type (odoo-api.md §9.2). `false` and
// null are empty cells for every type but boolean; a value of an unexpected JSON type is kept
// as the nearest cell rather than dropped.
namespace xlsync::odoo {

core::Cell TextCell(const nlohmann::json& value);
core::Cell HtmlCell(const nlohmann::json& value);
core::Cell NumberCell(const nlohmann::json& value);  // integer, float, monetary: 0 stays 0
core::Cell BooleanCell(const nlohmann::json& value);
/// "YYYY-MM-DD" -> Excel serial; a date Excel cannot hold (before 1900-03-01) stays text.
core::Cell DateCell(const nlohmann::json& value);
/// "YYYY-MM-DD HH:MM:SS" (UTC) -> local time in `zone` (nullptr = UTC) -> Excel serial.
core::Cell DatetimeCell(const nlohmann::json& value, const date::time_zone* zone);
core::Cell SelectionCell(const nlohmann::json& value, const Field& field);
core::Cell Many2oneCell(const nlohmann::json& value);
core::Cell Many2oneReferenceCell(const nlohmann::json& value);  // 0 = no record
core::Cell JsonCell(const nlohmann::json& value);               // compact JSON text
/// "[file: 12.34 Kb]": the size Odoo sends with context bin_size, or the size of the base64
/// content; "[file]" when the value says nothing about a size.
core::Cell BinaryPlaceholderCell(const nlohmann::json& value);
/// The id of a many2one value ([id, "name"], or a bare id read with load=None); nullopt for
/// false and anything else.
std::optional<int64_t> Many2oneId(const nlohmann::json& value);
/// The ids of an x2many value, ascending.
std::vector<int64_t> X2manyIds(const nlohmann::json& value);

/// Parses Odoo's UTC datetime text ("2024-03-01 12:00:00", optional ".ffffff"; a bare date is
/// midnight).
std::optional<date::sys_seconds> ParseOdooDatetime(std::string_view text);
/// Odoo's human_size: "57.00 bytes", "12.34 Kb", "1.50 Mb".
std::string HumanSize(double bytes);

}  // namespace xlsync::odoo
