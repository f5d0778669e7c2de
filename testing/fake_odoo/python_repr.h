#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace xlsync::fakes {

/// Python's repr() of a JSON value as Odoo would print it in an error message: 'text',
/// True/False/None, 1.0, [...]; `as_tuple` prints a top-level array as a tuple ("('a', '=', 1)").
std::string PythonRepr(const nlohmann::json& value, bool as_tuple = false);

/// repr of a Python tuple of ids, as in "res.partner(999,)".
std::string PythonIdTuple(const std::vector<int64_t>& ids);

}  // namespace xlsync::fakes
