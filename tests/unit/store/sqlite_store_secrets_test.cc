#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/sqlite_store.h"
#include "testing/support/store_fixtures.h"

namespace xlsync::store {
namespace {

using fakes::MicrosoftNamed;
using fakes::OdooNamed;

constexpr const char* kOdooSecret = "S3cr3t-odoo-VALUE";
constexpr const char* kMicrosoftSecret = "ms-client-secret-VALUE";

std::string Bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Every byte SQLite keeps for the database: the file, its write-ahead log and shared memory.
std::string AllBytesOf(const std::string& path) {
  std::string bytes;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    if (std::filesystem::exists(path + suffix)) bytes += Bytes(path + suffix);
  }
  return bytes;
}

void ExpectNoSecretIn(const std::string& bytes) {
  ASSERT_NE(bytes.find("env:PLAIN_MARKER_ODOO"), std::string::npos);
  // The secrets and pieces of them, the Odoo one's base64 in its three alignments, the Microsoft
  // one's.
  for (const std::string needle : {"S3cr3t-odoo-VALUE", "ms-client-secret-VALUE", "S3cr3t",
                                   "client-secret", "UzNjcjN0LW9kb28tVkFMVUU", "Y3IzdC1vZG9vLVZBTF",
                                   "M2NyM3Qtb2Rvby1WQUxV", "bXMtY2xpZW50LXNlY3JldC1WQUxVRQ"}) {
    EXPECT_EQ(bytes.find(needle), std::string::npos) << needle;
  }
}

class SqliteStoreSecretsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = SqliteStore::Open(path_, fakes::TestBox('a'));
    ASSERT_TRUE(store) << store.error().message;
    store_ = std::move(*store);
    OdooConnection odoo = OdooNamed("erp");
    odoo.secret_reference =
        "env:PLAIN_MARKER_ODOO";  // stored in the clear: proves the scan sees the writes
    odoo_id_ = *store_->CreateOdooConnection(odoo);
    microsoft_id_ = *store_->CreateMicrosoftConnection(MicrosoftNamed("m365"));
    ASSERT_TRUE(store_->SetOdooSecret(odoo_id_, core::Secret(kOdooSecret)));
    ASSERT_TRUE(store_->SetMicrosoftSecret(microsoft_id_, core::Secret(kMicrosoftSecret)));
  }

  fakes::TempDir dir_;
  std::string path_ = dir_.File("xlsync.db");
  std::unique_ptr<SqliteStore> store_;
  int64_t odoo_id_ = 0;
  int64_t microsoft_id_ = 0;
};

TEST_F(SqliteStoreSecretsTest, SecretsAreNeverOnDiskInTheClear) {
  ASSERT_TRUE(std::filesystem::exists(path_ + "-wal"))
      << "WAL mode keeps the fresh writes in the -wal file";
  ExpectNoSecretIn(AllBytesOf(path_));
  store_.reset();
  ExpectNoSecretIn(AllBytesOf(path_));
}

TEST_F(SqliteStoreSecretsTest, ReadsSayASecretIsSetAndOnlyTheSecretReadersOpenIt) {
  EXPECT_TRUE(store_->GetOdooConnection(odoo_id_)->secret_set);
  EXPECT_TRUE(store_->FindMicrosoftConnection("m365")->secret_set);
  store_.reset();

  auto reopened = SqliteStore::Open(path_, fakes::TestBox('a'));
  ASSERT_TRUE(reopened) << reopened.error().message;
  auto odoo = (*reopened)->OdooSecret(odoo_id_);
  ASSERT_TRUE(odoo) << odoo.error().message;
  EXPECT_EQ(odoo->Reveal(), kOdooSecret);
  auto microsoft = (*reopened)->MicrosoftSecret(microsoft_id_);
  ASSERT_TRUE(microsoft) << microsoft.error().message;
  EXPECT_EQ(microsoft->Reveal(), kMicrosoftSecret);
}

TEST_F(SqliteStoreSecretsTest, AnotherMasterKeyIsRefusedAtOpen) {
  store_.reset();
  auto other = SqliteStore::Open(path_, fakes::TestBox('b'));
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, core::ErrorCode::kPermissionDenied);
  EXPECT_EQ(other.error().upstream, "keyMismatch");
  EXPECT_EQ(other.error().message,
            "The master key does not match the database " + path_ +
                ": start xlsync with the key file or XLSYNC_MASTER_KEY it was created with.");
}

TEST_F(SqliteStoreSecretsTest, ASealedSecretCopiedToAnotherConnectionDoesNotOpen) {
  const int64_t other = *store_->CreateOdooConnection(OdooNamed("copy"));
  fakes::RawDb raw(path_);
  ASSERT_EQ(
      raw.Exec(
          "UPDATE odoo_connections SET secret = (SELECT secret FROM odoo_connections WHERE id = " +
          std::to_string(odoo_id_) + ") WHERE id = " + std::to_string(other)),
      SQLITE_OK);

  auto secret = store_->OdooSecret(other);
  ASSERT_FALSE(secret);
  EXPECT_EQ(secret.error().code, core::ErrorCode::kPermissionDenied);
  EXPECT_EQ(secret.error().message,
            "The secret of the Odoo connection \"copy\" could not be decrypted: set it again with "
            "xlsync connection "
            "edit.");
}

TEST_F(SqliteStoreSecretsTest, MissingSecretIsAPlainSentence) {
  const int64_t odoo = *store_->CreateOdooConnection(OdooNamed("bare"));
  auto odoo_secret = store_->OdooSecret(odoo);
  ASSERT_FALSE(odoo_secret);
  EXPECT_EQ(odoo_secret.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_EQ(odoo_secret.error().message,
            "The Odoo connection \"bare\" has no password or API key: set one with xlsync "
            "connection edit.");

  ASSERT_TRUE(store_->SetMicrosoftSecret(microsoft_id_, core::Secret()));
  EXPECT_FALSE(store_->GetMicrosoftConnection(microsoft_id_)->secret_set);
  EXPECT_EQ(store_->MicrosoftSecret(microsoft_id_).error().message,
            "The Microsoft connection \"m365\" has no client secret: set one with xlsync "
            "connection edit.");
}

TEST_F(SqliteStoreSecretsTest, UpdatingAConnectionKeepsItsSecret) {
  OdooConnection connection = *store_->GetOdooConnection(odoo_id_);
  connection.login = "other@example.com";
  ASSERT_TRUE(store_->UpdateOdooConnection(connection));
  EXPECT_EQ(store_->OdooSecret(odoo_id_)->Reveal(), kOdooSecret);
}

}  // namespace
}  // namespace xlsync::store
