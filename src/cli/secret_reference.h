#pragma once

#include <string>
#include <string_view>

#include "cli/config.h"
#include "core/result.h"
#include "core/secret.h"

namespace xlsync::cli {

/// Where a stored connection's secret was read from: "file:/etc/xlsync/odoo.key" or
/// "env:ODOO_KEY". The store keeps the reference beside the sealed value so `dump` can name it.
std::string FileReference(const std::string& path);
std::string EnvReference(const std::string& variable);

/// Reads the secret a reference names; `what` ("Odoo API key") goes into the error sentence.
core::Result<core::Secret> ReadSecretReference(const std::string& reference, std::string_view what,
                                               const EnvironmentLookup& env);

}  // namespace xlsync::cli
