#include "store/sqlite_store.h"

#include "store/migrations.h"
#include "store/sqlite_store_internal.h"

namespace xlsync::store {
namespace {

using namespace sqlite_internal;

constexpr const char* kKeyCheckPlain = "xlsync-key-check";
constexpr const char* kKeyCheckAssociated = "meta:key_check";

// WAL lets the CLI read while the service writes; busy_timeout makes a second process wait for
// the write lock instead of failing at once; NORMAL is durable at every WAL checkpoint.
core::Result<void> Configure(SqliteDb& db) {
  if (db.path() != ":memory:") {
    XLSYNC_RETURN_IF_ERROR(db.ExecuteScript("PRAGMA journal_mode = WAL"));
  }
  return db.ExecuteScript(
      "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;");
}

std::string AssociatedData(const char* table_kind, int64_t id) {
  return std::string(table_kind) + ":" + std::to_string(id) + ":secret";
}

}  // namespace

core::Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                             SecretBox box) {
  auto db = SqliteDb::Open(path);
  if (!db) return std::move(db).error();
  XLSYNC_RETURN_IF_ERROR(Configure(*db));
  XLSYNC_RETURN_IF_ERROR(Migrate(*db, kSchemaVersion));
  std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(*db), std::move(box)));
  XLSYNC_RETURN_IF_ERROR(store->CheckKey());
  return store;
}

// The first open seals a known value with the key; later opens must be able to open it, so a
// wrong key is caught at start-up rather than at the first run's secret.
core::Result<void> SqliteStore::CheckKey() {
  XLSYNC_RETURN_IF_ERROR(
      db_.Execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('key_check', ?1)",
                  Blob{box_.Seal(kKeyCheckPlain, kKeyCheckAssociated)}));
  auto sealed = QueryOne<std::string>(
      db_, "SELECT value FROM meta WHERE key = 'key_check'",
      [](const SqliteStatement& row) { return row.Text(0); },
      core::Internal("The key check of the xlsync database " + db_.path() +
                     " is missing: restore it from a backup."));
  if (!sealed) return std::move(sealed).error();
  auto opened = box_.Open(*sealed, kKeyCheckAssociated);
  if (!opened || *opened != kKeyCheckPlain) {
    return core::PermissionDenied(
        "The master key does not match the database " + db_.path() +
            ": start xlsync with the key file or XLSYNC_MASTER_KEY it was created with.",
        "keyMismatch");
  }
  return {};
}

core::Result<void> SqliteStore::Ping() {
  std::lock_guard lock(mutex_);
  auto one = QueryOne<int64_t>(
      db_, "SELECT 1", [](const SqliteStatement& row) { return row.Int(0); },
      core::Internal("The xlsync database " + db_.path() + " did not answer: restart xlsync."));
  if (!one) return std::move(one).error();
  return {};
}

// An empty secret clears it (the connection then has none).
core::Result<void> SqliteStore::SetSecret(const char* kind, int64_t id,
                                          const core::Secret& secret) {
  const bool odoo = std::string_view(kind) == "odoo_connection";
  const std::string sql = std::string("UPDATE ") +
                          (odoo ? "odoo_connections" : "microsoft_connections") +
                          " SET secret = ?1, updated_at = ?2 WHERE id = ?3";
  const core::Error missing = NoSuchId(odoo ? kOdooKind : kMicrosoftKind, id);
  std::lock_guard lock(mutex_);
  if (secret.empty()) return ChangeOne(db_, sql, missing, std::nullopt, Now(), id);
  return ChangeOne(db_, sql, missing, Blob{box_.Seal(secret.Reveal(), AssociatedData(kind, id))},
                   Now(), id);
}

core::Result<core::Secret> SqliteStore::OpenSecret(const char* kind, int64_t id,
                                                   const std::string& name,
                                                   const std::string& missing) {
  const bool odoo = std::string_view(kind) == "odoo_connection";
  const std::string sql = std::string("SELECT secret IS NULL, secret FROM ") +
                          (odoo ? "odoo_connections" : "microsoft_connections") + " WHERE id = ?1";
  std::lock_guard lock(mutex_);
  auto sealed = QueryOne<std::optional<std::string>>(
      db_, sql,
      [](const SqliteStatement& row) {
        return row.Bool(0) ? std::nullopt : std::optional(row.Text(1));
      },
      NoSuchId(odoo ? kOdooKind : kMicrosoftKind, id), id);
  if (!sealed) return std::move(sealed).error();
  if (!*sealed) return core::InvalidInput(missing);
  auto plain = box_.Open(**sealed, AssociatedData(kind, id));
  if (!plain) {
    return core::PermissionDenied(
        "The secret of the " + std::string(odoo ? "Odoo" : "Microsoft") + " connection \"" + name +
            "\" could not be decrypted: set it again with xlsync connection edit.",
        "sealedValueRejected");
  }
  return core::Secret(std::move(*plain));
}

// The foreign keys would refuse the delete too, but only this lookup can name the task in the way.
core::Result<void> SqliteStore::DeleteConnection(const char* kind, int64_t id,
                                                 const std::string& name) {
  const bool odoo = std::string_view(kind) == "odoo_connection";
  const std::string column = odoo ? "odoo_connection_id" : "microsoft_connection_id";
  std::lock_guard lock(mutex_);
  auto transaction = SqliteTransaction::Begin(db_);
  if (!transaction) return std::move(transaction).error();
  auto users = QueryAll<std::string>(
      db_, "SELECT name FROM tasks WHERE " + column + " = ?1 ORDER BY name LIMIT 1",
      [](const SqliteStatement& row) { return row.Text(0); }, id);
  if (!users) return std::move(users).error();
  if (!users->empty()) {
    return core::Conflict("The " + std::string(odoo ? "Odoo" : "Microsoft") + " connection \"" +
                              name + "\" is used by the task \"" + users->front() +
                              "\": delete that task or give it another connection first.",
                          "inUse");
  }
  const std::string sql = std::string("DELETE FROM ") +
                          (odoo ? "odoo_connections" : "microsoft_connections") + " WHERE id = ?1";
  XLSYNC_RETURN_IF_ERROR(ChangeOne(db_, sql, NoSuchId(odoo ? kOdooKind : kMicrosoftKind, id), id));
  return transaction->Commit();
}

}  // namespace xlsync::store
