#pragma once

#include <sqlite3.h>

#include "core/result.h"
#include "store/sqlite_db.h"

namespace xlsync::store {

/// The schema version this build writes (PRAGMA user_version).
inline constexpr int kSchemaVersion = 2;

/// Brings the database up to `target_version`, one version per transaction, keeping the data. A
/// database newer than this build is refused: "The database <path> was written by a newer xlsync
/// (schema 5, this one knows 2): upgrade xlsync."
core::Result<void> Migrate(SqliteDb& db, int target_version);

/// For tests: builds an older schema (e.g. 1) on a raw connection, to fill it with data and then
/// open it with SqliteStore.
core::Result<void> MigrateForTest(sqlite3* db, int target_version);

}  // namespace xlsync::store
