#include <cstdio>
#include <map>

#include "cli/admin_handlers.h"
#include "cli/admin_output.h"
#include "cli/object_writer.h"
#include "cli/run_context.h"
#include "cli/secret_reference.h"
#include "cli/store_access.h"
#include "msgraph/drive_resolver.h"
#include "msgraph/graph_client.h"
#include "msgraph/token_provider.h"
#include "odoo/client.h"
#include "server/task_runner.h"

namespace xlsync::cli {
namespace {

/// The secret the flags name, read now (nullopt when neither flag was given).
core::Result<std::optional<core::Secret>> SecretFromFlags(const ConnectionFlags& flags, std::string_view what,
                                                          const EnvironmentLookup& env, std::string& reference) {
  if (flags.secret_file.empty() && flags.secret_env.empty()) return std::optional<core::Secret>();
  reference = flags.secret_file.empty() ? EnvReference(flags.secret_env) : FileReference(flags.secret_file);
  auto secret = ReadSecretReference(reference, what, env);
  if (!secret) return std::move(secret).error();
  return std::optional<core::Secret>(std::move(*secret));
}

void Set(const std::string& flag, std::string& target) {
  if (!flag.empty()) target = flag;
}

core::Result<void> CheckOdoo(const store::OdooConnection& connection) {
  if (connection.url.empty()) return core::InvalidInput("The Odoo connection needs --url: give the Odoo address.");
  if (connection.auth != "api_key" && connection.auth != "password") {
    return core::InvalidInput("The authentication \"" + connection.auth + "\" is unknown: use api_key or password.");
  }
  if (connection.protocol != "auto" && connection.protocol != "jsonrpc" && connection.protocol != "json2") {
    return core::InvalidInput("The Odoo protocol \"" + connection.protocol + "\" is unknown: use auto, jsonrpc or json2.");
  }
  return {};
}

core::Result<void> CheckMicrosoft(const store::MicrosoftConnection& connection) {
  if (connection.tenant_id.empty() || connection.client_id.empty() || connection.user_upn.empty()) {
    return core::InvalidInput("The Microsoft connection needs --tenant, --client-id and --user: copy them from "
                              "the app registration.");
  }
  return {};
}

int SaveOdoo(store::Store& store, store::OdooConnection connection, const ConnectionFlags& flags,
             const EnvironmentLookup& env, bool adding) {
  Set(flags.url, connection.url);
  Set(flags.database, connection.database);
  Set(flags.login, connection.login);
  Set(flags.auth, connection.auth);
  Set(flags.protocol, connection.protocol);
  if (auto valid = CheckOdoo(connection); !valid) return ReportError(valid.error());
  if (adding && flags.secret_file.empty() && flags.secret_env.empty()) {
    return ReportError(core::InvalidInput("The Odoo connection needs its secret: give --secret-file or --secret-env."));
  }
  auto secret = SecretFromFlags(flags, connection.auth == "password" ? "Odoo password" : "Odoo API key", env,
                                connection.secret_reference);
  if (!secret) return ReportError(secret.error());
  auto written = ObjectWriter(store, CurrentActor()).SaveOdoo(connection, *secret);
  if (!written) return ReportError(written.error());
  std::printf("%s Odoo connection \"%s\"\n", adding ? "added" : (written->changed.empty() ? "unchanged" : "updated"),
              connection.name.c_str());
  return kExitOk;
}

int SaveMicrosoft(store::Store& store, store::MicrosoftConnection connection, const ConnectionFlags& flags,
                  const EnvironmentLookup& env, bool adding) {
  Set(flags.tenant, connection.tenant_id);
  Set(flags.client_id, connection.client_id);
  Set(flags.user, connection.user_upn);
  Set(flags.authority_host, connection.authority_host);
  Set(flags.graph_url, connection.graph_url);
  if (auto valid = CheckMicrosoft(connection); !valid) return ReportError(valid.error());
  if (adding && flags.secret_file.empty() && flags.secret_env.empty()) {
    return ReportError(core::InvalidInput("The Microsoft connection needs its client secret: give --secret-file or "
                                          "--secret-env."));
  }
  auto secret = SecretFromFlags(flags, "client secret", env, connection.secret_reference);
  if (!secret) return ReportError(secret.error());
  auto written = ObjectWriter(store, CurrentActor()).SaveMicrosoft(connection, *secret);
  if (!written) return ReportError(written.error());
  std::printf("%s Microsoft connection \"%s\"\n",
              adding ? "added" : (written->changed.empty() ? "unchanged" : "updated"), connection.name.c_str());
  return kExitOk;
}

core::Error UnknownConnection(const std::string& name) {
  return core::NotFound("There is no connection named \"" + name + "\": see xlsync connection list.");
}

std::map<int64_t, int> CountTasks(store::Store& store, bool odoo) {
  std::map<int64_t, int> counts;
  if (auto tasks = store.ListTasks()) {
    for (const auto& task : *tasks) ++counts[odoo ? task.odoo_connection_id : task.microsoft_connection_id];
  }
  return counts;
}

int VerifyOdoo(store::Store& store, const store::OdooConnection& connection) {
  auto settings = server::OdooSettingsOf(store, connection.id);
  if (!settings) return ReportError(settings.error());
  RunContext context;
  odoo::Client client(context.http(), context.sleeper(), *settings);
  if (auto connected = client.Connect(); !connected) {
    ReportError(connected.error());
    return kExitFailed;
  }
  std::printf("Odoo %s at %s, logged in as uid %lld (%s)\n", client.version().text.c_str(), connection.url.c_str(),
              static_cast<long long>(client.uid()), std::string(odoo::ProtocolName(client.protocol())).c_str());
  return kExitOk;
}

int VerifyMicrosoft(store::Store& store, const store::MicrosoftConnection& connection) {
  auto loaded = server::GraphSettingsOf(store, connection.id);
  if (!loaded) return ReportError(loaded.error());
  const msgraph::Settings& settings = *loaded;
  RunContext context;
  // As sync::Checker does (checker.cc): settings first, then a token, then the user's drive.
  auto outcome = [&]() -> core::Result<std::string> {
    XLSYNC_RETURN_IF_ERROR(msgraph::ValidateSettings(settings));
    msgraph::TokenProvider tokens(context.http(), core::SystemClock(), context.sleeper(), settings);
    auto token = tokens.AccessToken();
    if (!token) return std::move(token).error();
    msgraph::GraphClient graph(context.http(), tokens, context.sleeper(), settings);
    return msgraph::DriveResolver(graph, settings.user_upn).DriveId();
  }();
  if (!outcome) {
    ReportError(outcome.error());
    return kExitFailed;
  }
  std::printf("token obtained; drive of %s is %s\n", connection.user_upn.c_str(), outcome->c_str());
  return kExitOk;
}

}  // namespace

int RunConnectionAdd(store::Store& store, const ConnectionFlags& flags, bool odoo, const EnvironmentLookup& env) {
  const bool taken = odoo ? store.FindOdooConnection(flags.name).has_value()
                          : store.FindMicrosoftConnection(flags.name).has_value();
  if (taken) {
    return ReportError(core::Conflict("A connection named \"" + flags.name +
                                      "\" exists already: change it with xlsync connection edit."));
  }
  if (odoo) {
    store::OdooConnection connection;
    connection.name = flags.name;
    return SaveOdoo(store, connection, flags, env, true);
  }
  store::MicrosoftConnection connection;
  connection.name = flags.name;
  return SaveMicrosoft(store, connection, flags, env, true);
}

int RunConnectionEdit(store::Store& store, const ConnectionFlags& flags, const EnvironmentLookup& env) {
  const bool odoo_flags = !flags.url.empty() || !flags.database.empty() || !flags.login.empty() ||
                          !flags.auth.empty() || !flags.protocol.empty();
  const bool microsoft_flags = !flags.tenant.empty() || !flags.client_id.empty() || !flags.user.empty() ||
                               !flags.authority_host.empty() || !flags.graph_url.empty();
  if (auto odoo = store.FindOdooConnection(flags.name)) {
    if (microsoft_flags) return ReportError(core::InvalidInput("\"" + flags.name + "\" is an Odoo connection: "
                                                               "--tenant, --client-id, --user, --authority-host and "
                                                               "--graph-url do not apply to it."));
    return SaveOdoo(store, *odoo, flags, env, false);
  }
  if (auto microsoft = store.FindMicrosoftConnection(flags.name)) {
    if (odoo_flags) return ReportError(core::InvalidInput("\"" + flags.name + "\" is a Microsoft connection: "
                                                          "--url, --database, --login, --auth and --protocol do not "
                                                          "apply to it."));
    return SaveMicrosoft(store, *microsoft, flags, env, false);
  }
  return ReportError(UnknownConnection(flags.name));
}

int RunConnectionList(store::Store& store) {
  auto odoo = store.ListOdooConnections();
  if (!odoo) return ReportError(odoo.error());
  auto microsoft = store.ListMicrosoftConnections();
  if (!microsoft) return ReportError(microsoft.error());
  const auto odoo_tasks = CountTasks(store, true);
  const auto microsoft_tasks = CountTasks(store, false);
  std::vector<std::vector<std::string>> rows{{"KIND", "NAME", "WHERE", "SECRET", "TASKS"}};
  for (const auto& c : *odoo) {
    auto used = odoo_tasks.find(c.id);
    rows.push_back({"odoo", c.name, c.url + " db " + c.database + " as " + c.login, c.secret_set ? "set" : "missing",
                    std::to_string(used == odoo_tasks.end() ? 0 : used->second)});
  }
  for (const auto& c : *microsoft) {
    auto used = microsoft_tasks.find(c.id);
    rows.push_back({"microsoft", c.name, "tenant " + c.tenant_id + " user " + c.user_upn,
                    c.secret_set ? "set" : "missing", std::to_string(used == microsoft_tasks.end() ? 0 : used->second)});
  }
  if (rows.size() == 1) {
    std::printf("no connections yet: add one with xlsync connection add odoo|microsoft NAME ...\n");
    return kExitOk;
  }
  PrintTable(rows);
  return kExitOk;
}

int RunConnectionVerify(store::Store& store, const std::string& name) {
  if (auto odoo = store.FindOdooConnection(name)) return VerifyOdoo(store, *odoo);
  if (auto microsoft = store.FindMicrosoftConnection(name)) return VerifyMicrosoft(store, *microsoft);
  return ReportError(UnknownConnection(name));
}

int RunConnectionRemove(store::Store& store, const std::string& name) {
  ObjectWriter writer(store, CurrentActor());
  core::Result<void> removed = UnknownConnection(name);
  if (auto odoo = store.FindOdooConnection(name)) {
    removed = writer.RemoveOdoo(*odoo);
  } else if (auto microsoft = store.FindMicrosoftConnection(name)) {
    removed = writer.RemoveMicrosoft(*microsoft);
  }
  if (!removed) return ReportError(removed.error());
  std::printf("removed connection \"%s\"\n", name.c_str());
  return kExitOk;
}

}  // namespace xlsync::cli
