#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace xlsync::fakes {

/// Python exception classes the fake raises, by the qualified names Odoo puts in
/// `error.data.name` (odoo-api.md §4) and JSON-2 bodies (§5).
namespace exc {
inline constexpr std::string_view kAccessDenied = "odoo.exceptions.AccessDenied";
inline constexpr std::string_view kAccessError = "odoo.exceptions.AccessError";
inline constexpr std::string_view kMissingError = "odoo.exceptions.MissingError";
inline constexpr std::string_view kUserError = "odoo.exceptions.UserError";
inline constexpr std::string_view kValidationError = "odoo.exceptions.ValidationError";
inline constexpr std::string_view kValueError = "builtins.ValueError";
inline constexpr std::string_view kTypeError = "builtins.TypeError";
inline constexpr std::string_view kKeyError = "builtins.KeyError";
inline constexpr std::string_view kIndexError = "builtins.IndexError";
inline constexpr std::string_view kAttributeError = "builtins.AttributeError";
inline constexpr std::string_view kAssertionError = "builtins.AssertionError";
inline constexpr std::string_view kOperationalError = "psycopg2.OperationalError";
inline constexpr std::string_view kUnauthorized = "werkzeug.exceptions.Unauthorized";
inline constexpr std::string_view kNotFound = "werkzeug.exceptions.NotFound";
inline constexpr std::string_view kBadRequest = "werkzeug.exceptions.BadRequest";
inline constexpr std::string_view kUnsupportedMediaType = "werkzeug.exceptions.UnsupportedMediaType";
inline constexpr std::string_view kUnprocessableEntity = "werkzeug.exceptions.UnprocessableEntity";
}  // namespace exc

/// A Python exception raised inside the fake, as an error value: `upstream` holds the
/// qualified class name and `message` the exception's text, exactly as Odoo would send them.
core::Error OdooError(std::string_view name, std::string message);

/// The HTTP status JSON-2 answers for that exception (`http_status` of Odoo 19's exception
/// classes, werkzeug codes, else 500).
int Json2Status(std::string_view name);

/// `error.data` of a JSON-RPC error envelope, also the JSON-2 error body (without the status
/// argument): name, debug (a short traceback), message, arguments, context.
nlohmann::json ErrorData(const core::Error& error);

}  // namespace xlsync::fakes
