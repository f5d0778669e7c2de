#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "core/result.h"

namespace xlsync::odoo {

/// Checks that `domain` is a well-formed Odoo domain (odoo-api.md §9.5): a list of
/// ["field", "operator", value] conditions and "&", "|", "!" operators in prefix notation with
/// the right number of operands. Catches what Odoo would answer with an obscure error
/// (a flat ["name", "=", "x"] gives IndexError "string index out of range").
core::Result<void> ValidateDomain(const nlohmann::json& domain);

/// `domain` AND [field, op, value]: Odoo joins top-level expressions with an implicit "&".
nlohmann::json WithCondition(nlohmann::json domain, const std::string& field, const std::string& op,
                             int64_t value);

}  // namespace xlsync::odoo
