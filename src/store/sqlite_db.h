#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/clock.h"
#include "core/result.h"

namespace xlsync::store {

/// Bytes bound as a BLOB (sealed secrets), not as TEXT.
struct Blob {
  std::string_view bytes;
};

/// Time points are stored as integer milliseconds since the Unix epoch (UTC).
int64_t ToMillis(core::TimePoint at);
core::TimePoint FromMillis(int64_t millis);

/// One prepared statement (RAII over sqlite3_stmt*), with typed binds and column reads. Belongs
/// to the SqliteDb that prepared it; use it on one thread at a time.
class SqliteStatement {
 public:
  SqliteStatement(sqlite3_stmt* statement, sqlite3* db, const std::string* path)
      : statement_(statement), db_(db), path_(path) {}
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&&) = delete;
  SqliteStatement(const SqliteStatement&) = delete;
  ~SqliteStatement();

  /// Binds the values to ?1, ?2, ... in order.
  template <typename... Values>
  void BindAll(const Values&... values) {
    int index = 0;
    (Bind(++index, values), ...);
  }

  /// True when a row is ready, false when done.
  core::Result<bool> Step();
  /// Steps to the end (statements that return no rows).
  core::Result<void> Run();

  int64_t Int(int column) const;
  bool Bool(int column) const { return Int(column) != 0; }
  std::string Text(int column) const;
  bool IsNull(int column) const;
  core::TimePoint Time(int column) const { return FromMillis(Int(column)); }
  std::optional<core::TimePoint> OptionalTime(int column) const;

 private:
  void Bind(int index, int64_t value);
  void Bind(int index, int value) { Bind(index, static_cast<int64_t>(value)); }
  void Bind(int index, bool value) { Bind(index, static_cast<int64_t>(value ? 1 : 0)); }
  void Bind(int index, std::string_view value);
  void Bind(int index, const std::string& value) { Bind(index, std::string_view(value)); }
  void Bind(int index, const char* value) { Bind(index, std::string_view(value)); }
  void Bind(int index, const Blob& value);
  void Bind(int index, std::nullopt_t);
  void Bind(int index, core::TimePoint value) { Bind(index, ToMillis(value)); }
  void Bind(int index, const std::optional<core::TimePoint>& value);

  sqlite3_stmt* statement_;
  sqlite3* db_;
  const std::string* path_;
};

/// One sqlite3 connection (RAII), opened in serialized mode. Errors become plain sentences naming
/// the database file, with SQLite's own message in `detail`. Thread-safe per SQLite's FULLMUTEX,
/// but transactions need the caller's own lock.
class SqliteDb {
 public:
  /// Opens (creating) the file, or ":memory:".
  static core::Result<SqliteDb> Open(const std::string& path);
  /// Wraps a connection owned elsewhere (tests); it is not closed on destruction.
  static SqliteDb Borrow(sqlite3* db, std::string path);

  SqliteDb(SqliteDb&& other) noexcept;
  SqliteDb& operator=(SqliteDb&&) = delete;
  SqliteDb(const SqliteDb&) = delete;
  ~SqliteDb();

  core::Result<SqliteStatement> Prepare(std::string_view sql);
  /// Prepares, binds and runs a statement that returns no rows.
  template <typename... Values>
  core::Result<void> Execute(std::string_view sql, const Values&... values) {
    auto statement = Prepare(sql);
    if (!statement) return std::move(statement).error();
    statement->BindAll(values...);
    return statement->Run();
  }
  /// Runs one or more statements without parameters.
  core::Result<void> ExecuteScript(const std::string& sql);

  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
  int64_t Changes() const { return sqlite3_changes(db_); }
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return *path_; }

 private:
  SqliteDb(sqlite3* db, std::string path, bool owned);

  sqlite3* db_;
  std::unique_ptr<std::string> path_;  // stable address: statements point at it
  bool owned_;
};

/// The plain Error for a failed SQLite call: Unavailable for busy/locked/full/read-only/IO,
/// Conflict for a constraint (upstream "uniqueConstraint", "foreignKeyConstraint", "appendOnly",
/// "constraint"), Internal otherwise.
core::Error SqliteError(sqlite3* db, int code, const std::string& path);

/// A write transaction (BEGIN IMMEDIATE, so the write lock is taken up front and busy_timeout
/// applies); rolled back unless Commit() succeeded.
class SqliteTransaction {
 public:
  static core::Result<SqliteTransaction> Begin(SqliteDb& db);
  SqliteTransaction(SqliteTransaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  SqliteTransaction& operator=(SqliteTransaction&&) = delete;
  ~SqliteTransaction();
  core::Result<void> Commit();

 private:
  explicit SqliteTransaction(SqliteDb* db) : db_(db) {}
  SqliteDb* db_;
};

}  // namespace xlsync::store
