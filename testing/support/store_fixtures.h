#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "store/secret_box.h"
#include "store/sqlite_store.h"

namespace xlsync::fakes {

/// A fresh folder under the system temp dir, removed with everything in it at the end of a test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "xlsync-store-XXXXXX").string();
    XLSYNC_CHECK(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string File(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// A raw connection to a database file, as another (older) program would hold it.
class RawDb {
 public:
  explicit RawDb(const std::string& path) {
    XLSYNC_CHECK(sqlite3_open(path.c_str(), &db_) == SQLITE_OK);
    sqlite3_busy_timeout(db_, 5000);
  }
  ~RawDb() { sqlite3_close(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  sqlite3* get() const { return db_; }
  int Exec(const std::string& sql) {
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  }
  int64_t Int(const std::string& sql) { return std::stoll(Text(sql)); }
  std::string Text(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    XLSYNC_CHECK(sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK);
    XLSYNC_CHECK(sqlite3_step(statement) == SQLITE_ROW);
    std::string value(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
    sqlite3_finalize(statement);
    return value;
  }

 private:
  sqlite3* db_ = nullptr;
};

/// A SecretBox over a key made of one repeated byte (tests only).
inline store::SecretBox TestBox(char fill = 'k') {
  return *store::SecretBox::FromKey(std::string(32, fill));
}

/// An in-memory store with the test key; aborts the test binary if it cannot open.
inline std::unique_ptr<store::SqliteStore> MemoryStore() {
  auto opened = store::SqliteStore::Open(":memory:", TestBox());
  XLSYNC_CHECK(opened.has_value());
  return std::move(*opened);
}

/// Records with the fields every test needs set.
inline store::OdooConnection OdooNamed(const std::string& name) {
  store::OdooConnection connection;
  connection.name = name;
  connection.url = "https://erp.example.com";
  connection.database = "prod";
  connection.login = "bot@example.com";
  return connection;
}

inline store::MicrosoftConnection MicrosoftNamed(const std::string& name) {
  store::MicrosoftConnection connection;
  connection.name = name;
  connection.tenant_id = "11111111-2222-3333-4444-555555555555";
  connection.client_id = "66666666-7777-8888-9999-000000000000";
  connection.user_upn = "finance@example.com";
  return connection;
}

inline store::Task TaskNamed(const std::string& name, int64_t odoo_id, int64_t microsoft_id,
                             const std::string& workbook_key = "") {
  store::Task task;
  task.name = name;
  task.odoo_connection_id = odoo_id;
  task.microsoft_connection_id = microsoft_id;
  task.spec_toml = "model = \"sale.order\"\n";
  task.workbook_key = workbook_key;
  return task;
}

/// A run update: `status` (and `ended_at`) for the run `id`, counters zero.
inline store::Run RunUpdate(int64_t id, const std::string& status,
                            std::optional<core::TimePoint> ended_at = std::nullopt) {
  store::Run run;
  run.id = id;
  run.status = status;
  run.ended_at = ended_at;
  return run;
}

inline store::RunFilter Filter(std::optional<int64_t> task_id, std::optional<std::string> status,
                               int limit = 50) {
  store::RunFilter filter;
  filter.task_id = task_id;
  filter.status = std::move(status);
  filter.limit = limit;
  return filter;
}

}  // namespace xlsync::fakes
