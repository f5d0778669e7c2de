#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "msgraph/settings.h"
#include "odoo/settings.h"

namespace xlsync::cli {

/// Reads an environment variable; injected so tests do not touch the real environment.
using EnvironmentLookup = std::function<std::optional<std::string>(std::string_view)>;
EnvironmentLookup ProcessEnvironment();

/// Both connections of a run, as configured.
struct Connections {
  odoo::Settings odoo;
  msgraph::Settings graph;
};

/// Finds the configuration file: the --config value, else $XLSYNC_CONFIG, else ./xlsync.toml
/// when it exists; empty when there is none.
std::string FindConfigFile(const std::string& flag, const EnvironmentLookup& env);

/// True when anything configures a connection (a file or XLSYNC_* variables).
bool IsConfigured(const std::string& config_file, const EnvironmentLookup& env);

/// Loads [odoo] and [microsoft] from the TOML file (if any), then applies XLSYNC_* variables.
/// Secrets come only from files (*_file) or variables (*_env, XLSYNC_ODOO_API_KEY, ...): a secret
/// written inline in the file is refused, and none is ever taken from the command line.
core::Result<Connections> LoadConnections(const std::string& config_file, const EnvironmentLookup& env);

}  // namespace xlsync::cli
