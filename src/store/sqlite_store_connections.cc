#include <set>

#include "store/sqlite_store.h"
#include "store/sqlite_store_internal.h"

namespace xlsync::store {
namespace {

using namespace sqlite_internal;

constexpr const char* kOdooColumns =
    "SELECT id, name, url, database, login, auth, protocol, secret IS NOT NULL, secret_reference, "
    "created_at, "
    "updated_at FROM odoo_connections ";
constexpr const char* kMicrosoftColumns =
    "SELECT id, name, tenant_id, client_id, user_upn, authority_host, graph_url, secret IS NOT "
    "NULL, "
    "secret_reference, created_at, updated_at FROM microsoft_connections ";

OdooConnection ReadOdoo(const SqliteStatement& row) {
  return OdooConnection{row.Int(0),  row.Text(1), row.Text(2), row.Text(3),
                        row.Text(4), row.Text(5), row.Text(6), row.Bool(7),
                        row.Text(8), row.Time(9), row.Time(10)};
}

MicrosoftConnection ReadMicrosoft(const SqliteStatement& row) {
  return MicrosoftConnection{row.Int(0),  row.Text(1), row.Text(2), row.Text(3),
                             row.Text(4), row.Text(5), row.Text(6), row.Bool(7),
                             row.Text(8), row.Time(9), row.Time(10)};
}

// The transports know only these values (odoo-api.md); a typo is caught when it is stored.
core::Result<void> ValidateOdoo(const OdooConnection& connection) {
  if (connection.name.empty()) return NeedsName(kOdooKind);
  if (connection.auth != "api_key" && connection.auth != "password") {
    return core::InvalidInput("The Odoo authentication \"" + connection.auth +
                              "\" is not known: use api_key or password.");
  }
  static const std::set<std::string> kProtocols = {"auto", "jsonrpc", "json2"};
  if (kProtocols.count(connection.protocol) == 0) {
    return core::InvalidInput("The Odoo protocol \"" + connection.protocol +
                              "\" is not known: use auto, jsonrpc or json2.");
  }
  return {};
}

}  // namespace

core::Result<int64_t> SqliteStore::CreateOdooConnection(const OdooConnection& c) {
  XLSYNC_RETURN_IF_ERROR(ValidateOdoo(c));
  const core::TimePoint now = Now();
  std::lock_guard lock(mutex_);
  auto inserted = db_.Execute(
      "INSERT INTO odoo_connections (name, url, database, login, auth, protocol, secret_reference, "
      "created_at, "
      "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
      c.name, c.url, c.database, c.login, c.auth, c.protocol, c.secret_reference, now, now);
  if (!inserted) return NameTakenOr(std::move(inserted).error(), kOdooKind, c.name);
  return db_.LastInsertId();
}

core::Result<void> SqliteStore::UpdateOdooConnection(const OdooConnection& c) {
  XLSYNC_RETURN_IF_ERROR(ValidateOdoo(c));
  std::lock_guard lock(mutex_);
  auto updated = ChangeOne(
      db_,
      "UPDATE odoo_connections SET name = ?1, url = ?2, database = ?3, login = ?4, auth = ?5, "
      "protocol = ?6, secret_reference = ?7, updated_at = ?8 WHERE id = ?9",
      NoSuchId(kOdooKind, c.id), c.name, c.url, c.database, c.login, c.auth, c.protocol,
      c.secret_reference, Now(), c.id);
  if (!updated) return NameTakenOr(std::move(updated).error(), kOdooKind, c.name);
  return {};
}

core::Result<void> SqliteStore::SetOdooSecret(int64_t id, const core::Secret& secret) {
  return SetSecret("odoo_connection", id, secret);
}

core::Result<OdooConnection> SqliteStore::GetOdooConnection(int64_t id) {
  std::lock_guard lock(mutex_);
  return QueryOne<OdooConnection>(db_, std::string(kOdooColumns) + "WHERE id = ?1", ReadOdoo,
                                  NoSuchId(kOdooKind, id), id);
}

core::Result<OdooConnection> SqliteStore::FindOdooConnection(const std::string& name) {
  std::lock_guard lock(mutex_);
  return QueryOne<OdooConnection>(db_, std::string(kOdooColumns) + "WHERE name = ?1", ReadOdoo,
                                  NoSuchName(kOdooKind, name), name);
}

core::Result<std::vector<OdooConnection>> SqliteStore::ListOdooConnections() {
  std::lock_guard lock(mutex_);
  return QueryAll<OdooConnection>(db_, std::string(kOdooColumns) + "ORDER BY name", ReadOdoo);
}

core::Result<core::Secret> SqliteStore::OdooSecret(int64_t id) {
  auto connection = GetOdooConnection(id);
  if (!connection) return std::move(connection).error();
  return OpenSecret("odoo_connection", id, connection->name,
                    "The Odoo connection \"" + connection->name +
                        "\" has no password or API key: set one with xlsync connection edit.");
}

core::Result<void> SqliteStore::DeleteOdooConnection(int64_t id) {
  auto connection = GetOdooConnection(id);
  if (!connection) return std::move(connection).error();
  return DeleteConnection("odoo_connection", id, connection->name);
}

core::Result<int64_t> SqliteStore::CreateMicrosoftConnection(const MicrosoftConnection& c) {
  if (c.name.empty()) return NeedsName(kMicrosoftKind);
  const core::TimePoint now = Now();
  std::lock_guard lock(mutex_);
  auto inserted = db_.Execute(
      "INSERT INTO microsoft_connections (name, tenant_id, client_id, user_upn, authority_host, "
      "graph_url, "
      "secret_reference, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
      c.name, c.tenant_id, c.client_id, c.user_upn, c.authority_host, c.graph_url,
      c.secret_reference, now, now);
  if (!inserted) return NameTakenOr(std::move(inserted).error(), kMicrosoftKind, c.name);
  return db_.LastInsertId();
}

core::Result<void> SqliteStore::UpdateMicrosoftConnection(const MicrosoftConnection& c) {
  if (c.name.empty()) return NeedsName(kMicrosoftKind);
  std::lock_guard lock(mutex_);
  auto updated = ChangeOne(
      db_,
      "UPDATE microsoft_connections SET name = ?1, tenant_id = ?2, client_id = ?3, user_upn = ?4, "
      "authority_host = ?5, graph_url = ?6, secret_reference = ?7, updated_at = ?8 WHERE id = ?9",
      NoSuchId(kMicrosoftKind, c.id), c.name, c.tenant_id, c.client_id, c.user_upn,
      c.authority_host, c.graph_url, c.secret_reference, Now(), c.id);
  if (!updated) return NameTakenOr(std::move(updated).error(), kMicrosoftKind, c.name);
  return {};
}

core::Result<void> SqliteStore::SetMicrosoftSecret(int64_t id, const core::Secret& secret) {
  return SetSecret("microsoft_connection", id, secret);
}

core::Result<MicrosoftConnection> SqliteStore::GetMicrosoftConnection(int64_t id) {
  std::lock_guard lock(mutex_);
  return QueryOne<MicrosoftConnection>(db_, std::string(kMicrosoftColumns) + "WHERE id = ?1",
                                       ReadMicrosoft, NoSuchId(kMicrosoftKind, id), id);
}

core::Result<MicrosoftConnection> SqliteStore::FindMicrosoftConnection(const std::string& name) {
  std::lock_guard lock(mutex_);
  return QueryOne<MicrosoftConnection>(db_, std::string(kMicrosoftColumns) + "WHERE name = ?1",
                                       ReadMicrosoft, NoSuchName(kMicrosoftKind, name), name);
}

core::Result<std::vector<MicrosoftConnection>> SqliteStore::ListMicrosoftConnections() {
  std::lock_guard lock(mutex_);
  return QueryAll<MicrosoftConnection>(db_, std::string(kMicrosoftColumns) + "ORDER BY name",
                                       ReadMicrosoft);
}

core::Result<core::Secret> SqliteStore::MicrosoftSecret(int64_t id) {
  auto connection = GetMicrosoftConnection(id);
  if (!connection) return std::move(connection).error();
  return OpenSecret("microsoft_connection", id, connection->name,
                    "The Microsoft connection \"" + connection->name +
                        "\" has no client secret: set one with xlsync connection edit.");
}

core::Result<void> SqliteStore::DeleteMicrosoftConnection(int64_t id) {
  auto connection = GetMicrosoftConnection(id);
  if (!connection) return std::move(connection).error();
  return DeleteConnection("microsoft_connection", id, connection->name);
}

}  // namespace xlsync::store
