#include "store/master_key.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "testing/support/store_fixtures.h"

namespace xlsync::store {
namespace {

constexpr const char* kThirtyTwoKs =
    "a2tra2tra2tra2tra2tra2tra2tra2tra2tra2tra2s=";  // base64 of 32 'k'
constexpr const char* kBadEnvMessage =
    "XLSYNC_MASTER_KEY is not a valid key: it must be 32 random bytes in base64 (e.g. the output "
    "of `head -c32 "
    "/dev/urandom | base64`).";

mode_t ModeOf(const std::string& path) {
  struct stat info {};
  EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
  return info.st_mode & 0777;
}

void WriteFile(const std::string& path, const std::string& text, mode_t mode) {
  std::ofstream(path) << text;
  ASSERT_EQ(::chmod(path.c_str(), mode), 0);
}

TEST(LoadMasterKeyTest, EnvironmentValueWinsOverTheKeyFile) {
  fakes::TempDir dir;
  auto key = LoadMasterKey(std::string(kThirtyTwoKs) + "\n", dir.File("master.key"));

  ASSERT_TRUE(key) << key.error().message;
  EXPECT_EQ(key->origin, "environment variable XLSYNC_MASTER_KEY");
  EXPECT_FALSE(key->generated);
  EXPECT_FALSE(std::filesystem::exists(dir.File("master.key")));
  auto opened = fakes::TestBox('k').Open(key->box.Seal("v", "ad"), "ad");  // the same 32 'k' bytes
  ASSERT_TRUE(opened);
  EXPECT_EQ(*opened, "v");
}

TEST(LoadMasterKeyTest, EnvironmentValueThatIsNotThirtyTwoBase64BytesIsRefused) {
  fakes::TempDir dir;
  for (const char* value : {"", "not base64!", "a2tra2tra2tra2tra2traw==",
                            "a2tra2tra2tra2tra2tra2tra2tra2tra2tra2tra2tra2s="}) {
    auto key = LoadMasterKey(std::string(value), dir.File("master.key"));
    ASSERT_FALSE(key) << value;
    EXPECT_EQ(key.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(key.error().message, kBadEnvMessage);
  }
}

TEST(LoadMasterKeyTest, MissingKeyFileIsGeneratedPrivateAndReusedNextTime) {
  fakes::TempDir dir;
  const std::string path = dir.File("etc/xlsync/master.key");

  auto first = LoadMasterKey(std::nullopt, path);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_TRUE(first->generated);
  EXPECT_EQ(first->origin, path);
  EXPECT_EQ(ModeOf(path), 0600u);
  EXPECT_EQ(ModeOf(dir.File("etc/xlsync")), 0700u);

  auto second = LoadMasterKey(std::nullopt, path);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_FALSE(second->generated);
  auto opened = second->box.Open(first->box.Seal("v", "ad"), "ad");
  ASSERT_TRUE(opened) << "the second load must give the same key";
  EXPECT_EQ(*opened, "v");
}

TEST(LoadMasterKeyTest, KeyFileWrittenByAnOperatorIsRead) {
  fakes::TempDir dir;
  const std::string path = dir.File("master.key");
  WriteFile(path, std::string("  ") + kThirtyTwoKs + "\n", 0600);

  auto key = LoadMasterKey(std::nullopt, path);
  ASSERT_TRUE(key) << key.error().message;
  EXPECT_FALSE(key->generated);
  EXPECT_TRUE(fakes::TestBox('k').Open(key->box.Seal("v", "ad"), "ad"));
}

TEST(LoadMasterKeyTest, KeyFileOthersMayReadOrWriteIsRefused) {
  fakes::TempDir dir;
  const std::string path = dir.File("master.key");
  for (mode_t mode : {0644, 0640, 0620, 0602, 0604}) {
    WriteFile(path, kThirtyTwoKs, mode);
    auto key = LoadMasterKey(std::nullopt, path);
    ASSERT_FALSE(key) << std::oct << mode;
    EXPECT_EQ(key.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(key.error().message,
              "The master key file " + path +
                  " can be read or written by other users: restrict it with `chmod 600 " + path +
                  "`.");
  }
}

TEST(LoadMasterKeyTest, KeyFileWithoutAValidKeyIsRefused) {
  fakes::TempDir dir;
  const std::string path = dir.File("master.key");
  for (const char* text : {"", "garbage that is not base64", "a2tra2tra2tra2tra2traw=="}) {
    WriteFile(path, text, 0600);
    auto key = LoadMasterKey(std::nullopt, path);
    ASSERT_FALSE(key) << text;
    EXPECT_EQ(key.error().message,
              "The master key file " + path +
                  " does not hold a valid key (32 random bytes in base64): restore it from your "
                  "backup.");
  }
}

}  // namespace
}  // namespace xlsync::store
