#include "testing/fake_odoo/odoo_error.h"

#include <map>

namespace xlsync::fakes {
namespace {

core::ErrorCode CodeFor(std::string_view name) {
  if (name == exc::kAccessDenied || name == exc::kUnauthorized) return core::ErrorCode::kUnauthenticated;
  if (name == exc::kAccessError) return core::ErrorCode::kPermissionDenied;
  if (name == exc::kMissingError || name == exc::kNotFound) return core::ErrorCode::kNotFound;
  if (name == exc::kOperationalError) return core::ErrorCode::kUnavailable;
  return core::ErrorCode::kInvalidInput;
}

// Python prints builtins without their module ("ValueError: ..."), others fully qualified.
std::string DisplayName(std::string_view name) {
  constexpr std::string_view kBuiltins = "builtins.";
  if (name.substr(0, kBuiltins.size()) == kBuiltins) return std::string(name.substr(kBuiltins.size()));
  return std::string(name);
}

}  // namespace

core::Error OdooError(std::string_view name, std::string message) {
  return core::MakeError(CodeFor(name), std::move(message), std::string(name));
}

int Json2Status(std::string_view name) {
  static const std::map<std::string_view, int> kStatuses = {
      {exc::kAccessDenied, 403},        {exc::kAccessError, 403},
      {exc::kMissingError, 404},        {exc::kUserError, 422},
      {exc::kValidationError, 422},     {exc::kUnauthorized, 401},
      {exc::kNotFound, 404},            {exc::kBadRequest, 400},
      {exc::kUnsupportedMediaType, 415}, {exc::kUnprocessableEntity, 422},
  };
  auto it = kStatuses.find(name);
  return it == kStatuses.end() ? 500 : it->second;
}

nlohmann::json ErrorData(const core::Error& error) {
  // AccessDenied hides its traceback (odoo-api.md §4); the others carry a short, fake one.
  std::string debug = "Traceback (most recent call last):\n";
  if (error.upstream != exc::kAccessDenied) {
    debug += "  File \"/opt/odoo/odoo/http.py\", line 2148, in _serve_db\n"
             "    return service_model.retrying(self._serve_ir_http, self.env)\n";
  }
  std::string display = DisplayName(error.upstream);
  // KeyError prints its argument repr'd ("KeyError: 'service'"), like Python does.
  std::string shown = error.upstream == exc::kKeyError ? "'" + error.message + "'" : error.message;
  debug += display + ": " + shown + "\n";
  return {{"name", error.upstream},
          {"debug", debug},
          {"message", error.message},
          {"arguments", nlohmann::json::array({error.message})},
          {"context", nlohmann::json::object()}};
}

}  // namespace xlsync::fakes
