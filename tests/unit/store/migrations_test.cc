#include "store/migrations.h"

#include <gtest/gtest.h>

#include "store/sqlite_store.h"
#include "testing/support/store_fixtures.h"

namespace xlsync::store {
namespace {

TEST(MigrationsTest, NewDatabaseGetsTheCurrentSchema) {
  fakes::TempDir dir;
  const std::string path = dir.File("xlsync.db");
  ASSERT_TRUE(SqliteStore::Open(path, fakes::TestBox()));

  fakes::RawDb raw(path);
  EXPECT_EQ(raw.Int("PRAGMA user_version"), kSchemaVersion);
  EXPECT_EQ(kSchemaVersion, 2);
  EXPECT_EQ(raw.Int("SELECT COUNT(*) FROM sqlite_master WHERE name = 'users'"), 1);
}

TEST(MigrationsTest, VersionOneDatabaseIsUpgradedInPlaceKeepingItsData) {
  fakes::TempDir dir;
  const std::string path = dir.File("xlsync.db");
  {
    fakes::RawDb raw(path);
    ASSERT_TRUE(MigrateForTest(raw.get(), 1));
    ASSERT_EQ(raw.Int("PRAGMA user_version"), 1);
    ASSERT_EQ(raw.Int("SELECT COUNT(*) FROM sqlite_master WHERE name = 'users'"), 0);
    ASSERT_EQ(
        raw.Exec("INSERT INTO odoo_connections VALUES (1, 'erp', 'https://erp.example.com', "
                 "'prod', 'bot', "
                 "'api_key', 'auto', NULL, '', 1000, 1000);"
                 "INSERT INTO microsoft_connections VALUES (1, 'm365', 't', 'c', 'u@example.com', "
                 "'https://login.microsoftonline.com', 'https://graph.microsoft.com', NULL, '', "
                 "1000, 1000);"
                 "INSERT INTO tasks VALUES (1, 'orders', 1, 1, 'model = \"sale.order\"', 'wb', 1, "
                 "3, 60, 1000, "
                 "1000);"
                 "INSERT INTO runs (id, task_id, task_name, trigger, started_by, status, attempt, "
                 "queued_at, "
                 "ended_at, rows_read, rows_written) VALUES (1, 1, 'orders', 'cli', 'cli:ann', "
                 "'succeeded', 1, "
                 "2000, 3000, 42, 42);"),
        SQLITE_OK);
  }

  auto store = SqliteStore::Open(path, fakes::TestBox());
  ASSERT_TRUE(store) << store.error().message;

  auto task = (*store)->FindTask("orders");
  ASSERT_TRUE(task) << task.error().message;
  EXPECT_EQ(task->workbook_key, "wb");
  EXPECT_EQ((*store)->GetOdooConnection(task->odoo_connection_id)->url, "https://erp.example.com");
  auto run = (*store)->GetRun(1);
  ASSERT_TRUE(run) << run.error().message;
  EXPECT_EQ(run->rows_written, 42);
  EXPECT_EQ(run->retries, 0);
  EXPECT_EQ(run->ended_at, FromMillis(3000));
  User user;
  user.name = "ann";
  user.role = "admin";
  EXPECT_TRUE((*store)->CreateUser(user));
  EXPECT_EQ((*store)->FindUser("ann")->role, "admin");
  fakes::RawDb raw(path);
  EXPECT_EQ(raw.Int("PRAGMA user_version"), kSchemaVersion);
}

TEST(MigrationsTest, DatabaseFromANewerXlsyncIsRefused) {
  fakes::TempDir dir;
  const std::string path = dir.File("xlsync.db");
  {
    fakes::RawDb raw(path);
    ASSERT_EQ(raw.Exec("PRAGMA user_version = 5"), SQLITE_OK);
  }

  auto store = SqliteStore::Open(path, fakes::TestBox());
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().message,
            "The database " + path +
                " was written by a newer xlsync (schema 5, this one knows 2): upgrade xlsync.");
  EXPECT_EQ(store.error().upstream, "schemaTooNew");
}

TEST(MigrationsTest, OpeningTwiceMigratesOnce) {
  fakes::TempDir dir;
  const std::string path = dir.File("xlsync.db");
  ASSERT_TRUE(SqliteStore::Open(path, fakes::TestBox()));
  auto again = SqliteStore::Open(path, fakes::TestBox());
  ASSERT_TRUE(again) << again.error().message;
  fakes::RawDb raw(path);
  EXPECT_EQ(raw.Int("PRAGMA user_version"), kSchemaVersion);
  EXPECT_EQ(raw.Text("PRAGMA journal_mode"), "wal");
}

}  // namespace
}  // namespace xlsync::store
