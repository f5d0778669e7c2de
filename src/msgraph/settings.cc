#include "msgraph/settings.h"

#include <cctype>

#include "core/text.h"
#include "http/url.h"

namespace xlsync::msgraph {
namespace {

constexpr std::string_view kFromOverview =
    "from the app registration's Overview page in Microsoft Entra";

bool IsDomainName(std::string_view text) {
  if (text.find('.') == std::string_view::npos) return false;
  for (const auto& label : core::Split(text, '.')) {
    if (label.empty() || label.front() == '-' || label.back() == '-') return false;
    for (unsigned char c : label) {
      if (!std::isalnum(c) && c != '-') return false;
    }
  }
  return true;
}

// Sample configurations carry "{tenantid}", "<tenant-id>" or "your-tenant-id"; the STS answers
// those with AADSTS900023 (msgraph.md §2.4), so say it before any request is made.
bool LooksLikePlaceholder(std::string_view text) {
  if (text.find_first_of("{}<>[]") != std::string_view::npos) return true;
  std::string letters;
  for (unsigned char c : text) {
    if (std::isalnum(c)) letters.push_back(static_cast<char>(std::tolower(c)));
  }
  return letters == "tenantid" || letters == "tenant" || letters == "yourtenantid" ||
         letters == "yourtenant" || letters == "directoryid" || letters == "tenantguid";
}

core::Result<void> ValidateTenant(std::string_view tenant) {
  if (tenant.empty()) {
    return core::InvalidInput(
        "The Microsoft tenant ID is missing: copy the Directory (tenant) ID " +
        std::string(kFromOverview) + ".");
  }
  const std::string quoted = "\"" + std::string(tenant) + "\"";
  if (LooksLikePlaceholder(tenant)) {
    return core::InvalidInput("The Microsoft tenant ID " + quoted +
                              " is a placeholder: replace it with the Directory (tenant) ID " +
                              std::string(kFromOverview) + ".");
  }
  // msgraph.md §2.1: /common, /organizations and /consumers are wrong for client credentials.
  const std::string lower = core::ToLower(tenant);
  if (lower == "common" || lower == "organizations" || lower == "consumers") {
    return core::InvalidInput("The tenant " + quoted +
                              " cannot be used for app-only access: give "
                              "your tenant's Directory (tenant) ID or its domain "
                              "(contoso.onmicrosoft.com).");
  }
  if (!IsGuid(tenant) && !IsDomainName(tenant)) {
    return core::InvalidInput("The Microsoft tenant ID " + quoted +
                              " is neither a GUID nor a "
                              "domain name: copy the Directory (tenant) ID " +
                              std::string(kFromOverview) + ".");
  }
  return {};
}

core::Result<void> ValidateCredentials(const Settings& settings) {
  const auto client_id = core::Trim(settings.client_id);
  if (client_id.empty()) {
    return core::InvalidInput(
        "The Microsoft client ID is missing: copy the Application (client) "
        "ID " +
        std::string(kFromOverview) + ".");
  }
  if (!IsGuid(client_id)) {
    return core::InvalidInput("The Microsoft client ID \"" + std::string(client_id) +
                              "\" is not a GUID: copy the Application (client) ID " +
                              std::string(kFromOverview) + ".");
  }
  if (core::Trim(settings.client_secret.Reveal()).empty()) {
    return core::InvalidInput(
        "The Microsoft client secret is missing: create one under "
        "Certificates & secrets in the app registration and paste its "
        "Value.");
  }
  // A secret's ID is a GUID, its Value never is: the most common mix-up (AADSTS7000215).
  if (IsGuid(core::Trim(settings.client_secret.Reveal()))) {
    return core::InvalidInput(
        "The Microsoft client secret looks like the secret's ID: paste the "
        "secret's Value from Certificates & secrets instead.");
  }
  return {};
}

core::Result<void> ValidateUser(std::string_view upn) {
  if (upn.empty()) {
    return core::InvalidInput(
        "The OneDrive user is missing: give the user principal name "
        "(user@contoso.com) of the user whose OneDrive holds the workbook.");
  }
  if (upn.find('@') == std::string_view::npos && !IsGuid(upn)) {
    return core::InvalidInput("The OneDrive user \"" + std::string(upn) +
                              "\" is not a user "
                              "principal name: write it as user@contoso.com (or give the user's "
                              "object ID).");
  }
  return {};
}

}  // namespace

bool IsGuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

core::Result<void> ValidateSettings(const Settings& settings) {
  XLSYNC_RETURN_IF_ERROR(ValidateTenant(core::Trim(settings.tenant_id)));
  XLSYNC_RETURN_IF_ERROR(ValidateCredentials(settings));
  XLSYNC_RETURN_IF_ERROR(ValidateUser(core::Trim(settings.user_upn)));
  XLSYNC_RETURN_IF_ERROR(
      http::ValidateServiceUrl(settings.authority_host, "The Microsoft sign-in address"));
  XLSYNC_RETURN_IF_ERROR(
      http::ValidateServiceUrl(settings.graph_url, "The Microsoft Graph address"));
  if (settings.timeout.count() <= 0) {
    return core::InvalidInput(
        "The Microsoft Graph timeout must be a positive number of seconds: "
        "set it to 120 unless you have a reason to change it.");
  }
  return {};
}

}  // namespace xlsync::msgraph
