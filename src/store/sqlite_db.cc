#include "store/sqlite_db.h"

#include <utility>

namespace xlsync::store {

int64_t ToMillis(core::TimePoint at) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
}

core::TimePoint FromMillis(int64_t millis) {
  return core::TimePoint(
      std::chrono::duration_cast<core::TimePoint::duration>(std::chrono::milliseconds(millis)));
}

core::Error SqliteError(sqlite3* db, int code, const std::string& path) {
  const int primary = code & 0xff;
  const std::string reason = sqlite3_errstr(code);
  core::Error error;
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      error = core::Unavailable("The xlsync database " + path + " could not be written (" + reason +
                                "): another xlsync process is holding it, try again in a moment.");
      break;
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      error = core::Unavailable(
          "The xlsync database " + path + " could not be written (" + reason +
          "): check that the file and its folder are writable and the disk is not full.");
      break;
    case SQLITE_CONSTRAINT: {
      const char* kind = code == SQLITE_CONSTRAINT_UNIQUE       ? "uniqueConstraint"
                         : code == SQLITE_CONSTRAINT_FOREIGNKEY ? "foreignKeyConstraint"
                         : code == SQLITE_CONSTRAINT_TRIGGER    ? "appendOnly"
                                                                : "constraint";
      error = core::Conflict("The xlsync database " + path + " refused the change (" + reason +
                                 "): it would break a rule of the stored data.",
                             kind);
      break;
    }
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      error = core::Unavailable("The xlsync database " + path + " is damaged or not a database (" +
                                reason + "): restore it from a backup.");
      break;
    default:
      error = core::Internal("The xlsync database " + path + " failed (" + reason +
                             "): retry, and report it if it happens again.");
  }
  if (db != nullptr) error.detail = sqlite3_errmsg(db);
  return error;
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : statement_(std::exchange(other.statement_, nullptr)), db_(other.db_), path_(other.path_) {}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

core::Result<bool> SqliteStatement::Step() {
  const int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  return SqliteError(db_, sqlite3_extended_errcode(db_), *path_);
}

core::Result<void> SqliteStatement::Run() {
  for (;;) {
    auto row = Step();
    if (!row) return std::move(row).error();
    if (!*row) return {};
  }
}

int64_t SqliteStatement::Int(int column) const { return sqlite3_column_int64(statement_, column); }

std::string SqliteStatement::Text(int column) const {
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement_, column));
  const int size = sqlite3_column_bytes(statement_, column);
  return bytes == nullptr ? std::string() : std::string(bytes, static_cast<size_t>(size));
}

bool SqliteStatement::IsNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::optional<core::TimePoint> SqliteStatement::OptionalTime(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Time(column);
}

// Bind failures are programmer errors (wrong index, out of memory): SQL text is ours.
void SqliteStatement::Bind(int index, int64_t value) {
  XLSYNC_CHECK(sqlite3_bind_int64(statement_, index, value) == SQLITE_OK);
}

void SqliteStatement::Bind(int index, std::string_view value) {
  XLSYNC_CHECK(sqlite3_bind_text64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                   SQLITE_UTF8) == SQLITE_OK);
}

void SqliteStatement::Bind(int index, const Blob& value) {
  XLSYNC_CHECK(sqlite3_bind_blob64(statement_, index, value.bytes.data(), value.bytes.size(),
                                   SQLITE_TRANSIENT) == SQLITE_OK);
}

void SqliteStatement::Bind(int index, std::nullopt_t) {
  XLSYNC_CHECK(sqlite3_bind_null(statement_, index) == SQLITE_OK);
}

void SqliteStatement::Bind(int index, const std::optional<core::TimePoint>& value) {
  if (value) {
    Bind(index, *value);
  } else {
    Bind(index, std::nullopt);
  }
}

SqliteDb::SqliteDb(sqlite3* db, std::string path, bool owned)
    : db_(db), path_(std::make_unique<std::string>(std::move(path))), owned_(owned) {}

SqliteDb::SqliteDb(SqliteDb&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)), owned_(other.owned_) {}

SqliteDb::~SqliteDb() {
  if (owned_ && db_ != nullptr) sqlite3_close_v2(db_);
}

core::Result<SqliteDb> SqliteDb::Open(const std::string& path) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  const int code = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (code != SQLITE_OK) {
    core::Error error = core::Unavailable("The xlsync database " + path + " could not be opened (" +
                                          sqlite3_errstr(code) +
                                          "): check the path and that its folder is writable.");
    if (db != nullptr) error.detail = sqlite3_errmsg(db);
    sqlite3_close_v2(db);
    return error;
  }
  sqlite3_extended_result_codes(db, 1);
  return SqliteDb(db, path, true);
}

SqliteDb SqliteDb::Borrow(sqlite3* db, std::string path) {
  return SqliteDb(db, std::move(path), false);
}

core::Result<SqliteStatement> SqliteDb::Prepare(std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  const int code =
      sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
  if (code != SQLITE_OK) return SqliteError(db_, sqlite3_extended_errcode(db_), *path_);
  return SqliteStatement(statement, db_, path_.get());
}

core::Result<void> SqliteDb::ExecuteScript(const std::string& sql) {
  char* message = nullptr;
  const int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
  sqlite3_free(message);
  if (code != SQLITE_OK) return SqliteError(db_, sqlite3_extended_errcode(db_), *path_);
  return {};
}

core::Result<SqliteTransaction> SqliteTransaction::Begin(SqliteDb& db) {
  XLSYNC_RETURN_IF_ERROR(db.ExecuteScript("BEGIN IMMEDIATE"));
  return SqliteTransaction(&db);
}

SqliteTransaction::~SqliteTransaction() {
  if (db_ != nullptr) (void)db_->ExecuteScript("ROLLBACK");
}

core::Result<void> SqliteTransaction::Commit() {
  XLSYNC_RETURN_IF_ERROR(db_->ExecuteScript("COMMIT"));
  db_ = nullptr;
  return {};
}

}  // namespace xlsync::store
