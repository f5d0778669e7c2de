#include "cli/config.h"

#include <toml++/toml.h>

#include <cstdlib>
#include <filesystem>

#include "cli/secret_reference.h"
#include "core/text.h"

namespace xlsync::cli {
namespace {

/// A secret from `<key>_file` or `<key>_env` in the table; an inline `<key>` is refused.
core::Result<void> TakeSecret(const toml::table& table, std::string_view section, const std::string& key,
                              std::string_view what, const EnvironmentLookup& env, core::Secret& target) {
  if (table.contains(key)) {
    return core::InvalidInput("[" + std::string(section) + "] " + key + " is written inline in the "
                              "configuration file: put it in a file (" + key + "_file) or an "
                              "environment variable (" + key + "_env) instead.");
  }
  std::string reference;
  if (auto path = table[key + "_file"].value<std::string>()) {
    reference = FileReference(*path);
  } else if (auto variable = table[key + "_env"].value<std::string>()) {
    reference = EnvReference(*variable);
  }
  if (reference.empty()) return {};
  auto value = ReadSecretReference(reference, what, env);
  if (!value) return std::move(value).error();
  target = std::move(*value);
  return {};
}

void Take(const toml::table& table, std::string_view key, std::string& target) {
  if (auto value = table[key].value<std::string>()) target = *value;
}

void Override(const EnvironmentLookup& env, std::string_view variable, std::string& target) {
  if (auto value = env(variable); value && !value->empty()) target = *value;
}

void OverrideSecret(const EnvironmentLookup& env, std::string_view variable, core::Secret& target) {
  if (auto value = env(variable); value && !value->empty()) target = core::Secret(*value);
}

core::Result<void> LoadOdoo(const toml::table& table, const EnvironmentLookup& env, odoo::Settings& odoo,
                            std::string& protocol) {
  Take(table, "url", odoo.url);
  Take(table, "database", odoo.database);
  Take(table, "login", odoo.login);
  Take(table, "protocol", protocol);
  XLSYNC_RETURN_IF_ERROR(TakeSecret(table, "odoo", "password", "Odoo password", env, odoo.password));
  return TakeSecret(table, "odoo", "api_key", "Odoo API key", env, odoo.api_key);
}

core::Result<void> LoadMicrosoft(const toml::table& table, const EnvironmentLookup& env, msgraph::Settings& graph) {
  Take(table, "tenant_id", graph.tenant_id);
  Take(table, "client_id", graph.client_id);
  Take(table, "user_upn", graph.user_upn);
  Take(table, "authority_host", graph.authority_host);
  Take(table, "graph_url", graph.graph_url);
  return TakeSecret(table, "microsoft", "client_secret", "client secret", env, graph.client_secret);
}

}  // namespace

EnvironmentLookup ProcessEnvironment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

std::string FindConfigFile(const std::string& flag, const EnvironmentLookup& env) {
  if (!flag.empty()) return flag;
  if (auto path = env("XLSYNC_CONFIG"); path && !path->empty()) return *path;
  std::error_code ignored;
  if (std::filesystem::exists("xlsync.toml", ignored)) return "xlsync.toml";
  return {};
}

bool IsConfigured(const std::string& config_file, const EnvironmentLookup& env) {
  return !config_file.empty() || env("XLSYNC_ODOO_URL").has_value() || env("XLSYNC_TENANT_ID").has_value();
}

core::Result<Connections> LoadConnections(const std::string& config_file, const EnvironmentLookup& env) {
  Connections connections;
  std::string protocol;
  if (!config_file.empty()) {
    toml::table table;
    try {
      table = toml::parse_file(config_file);
    } catch (const toml::parse_error& error) {
      return core::InvalidInput("The configuration file " + config_file + " could not be read (line " +
                                std::to_string(error.source().begin.line) + ": " + std::string(error.description()) +
                                "): fix it and try again.");
    }
    if (const toml::table* odoo = table["odoo"].as_table()) {
      XLSYNC_RETURN_IF_ERROR(LoadOdoo(*odoo, env, connections.odoo, protocol));
    }
    if (const toml::table* microsoft = table["microsoft"].as_table()) {
      XLSYNC_RETURN_IF_ERROR(LoadMicrosoft(*microsoft, env, connections.graph));
    }
  }
  Override(env, "XLSYNC_ODOO_URL", connections.odoo.url);
  Override(env, "XLSYNC_ODOO_DATABASE", connections.odoo.database);
  Override(env, "XLSYNC_ODOO_LOGIN", connections.odoo.login);
  Override(env, "XLSYNC_ODOO_PROTOCOL", protocol);
  OverrideSecret(env, "XLSYNC_ODOO_PASSWORD", connections.odoo.password);
  OverrideSecret(env, "XLSYNC_ODOO_API_KEY", connections.odoo.api_key);
  Override(env, "XLSYNC_TENANT_ID", connections.graph.tenant_id);
  Override(env, "XLSYNC_CLIENT_ID", connections.graph.client_id);
  Override(env, "XLSYNC_USER_UPN", connections.graph.user_upn);
  Override(env, "XLSYNC_AUTHORITY_HOST", connections.graph.authority_host);
  Override(env, "XLSYNC_GRAPH_URL", connections.graph.graph_url);
  OverrideSecret(env, "XLSYNC_CLIENT_SECRET", connections.graph.client_secret);
  auto parsed = odoo::ParseProtocol(protocol);
  if (!parsed) return std::move(parsed).error();
  connections.odoo.protocol = *parsed;
  return connections;
}

}  // namespace xlsync::cli
