#pragma once

#include <chrono>
#include <string>

#include "core/result.h"
#include "core/secret.h"

namespace xlsync::msgraph {

/// One Microsoft 365 connection: the app registration (client credentials with a secret) and
/// the user whose OneDrive holds the workbooks. Hosts change for national clouds and tests
/// (msgraph.md §1).
struct Settings {
  std::string tenant_id;  // GUID or verified domain
  std::string client_id;
  core::Secret client_secret;
  std::string user_upn;  // whose OneDrive holds the workbook
  std::string authority_host = "https://login.microsoftonline.com";
  std::string graph_url = "https://graph.microsoft.com";  // "/v1.0" is appended by the client
  std::chrono::milliseconds timeout{120'000};
};

/// Checks the settings before any request: missing values, placeholders such as "{tenantid}",
/// a secret ID pasted instead of the secret's value, and the two service URLs (https unless
/// loopback). Each failure is one plain sentence.
core::Result<void> ValidateSettings(const Settings& settings);

/// True for a GUID written as 8-4-4-4-12 hex digits (no braces).
bool IsGuid(std::string_view text);

}  // namespace xlsync::msgraph
