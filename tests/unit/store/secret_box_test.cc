#include "store/secret_box.h"

#include <gtest/gtest.h>

namespace xlsync::store {
namespace {

SecretBox Box(char fill) { return *SecretBox::FromKey(std::string(32, fill)); }

TEST(SecretBoxTest, SealedValueOpensWithTheSameKeyAndAssociatedData) {
  const SecretBox box = Box('a');
  const std::string sealed = box.Seal("S3cr3t", "odoo_connection:7:secret");

  EXPECT_EQ(sealed.size(), 24u + 6u + 16u);
  EXPECT_EQ(sealed.find("S3cr3t"), std::string::npos);
  auto opened = box.Open(sealed, "odoo_connection:7:secret");
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(*opened, "S3cr3t");
}

TEST(SecretBoxTest, SealingTwiceUsesAFreshNonce) {
  const SecretBox box = Box('a');
  EXPECT_NE(box.Seal("same", "x"), box.Seal("same", "x"));
}

TEST(SecretBoxTest, CopiesShareTheKey) {
  const SecretBox box = Box('a');
  const SecretBox copy = box;  // NOLINT(performance-unnecessary-copy-initialization): the point
  auto opened = copy.Open(box.Seal("v", "ad"), "ad");
  ASSERT_TRUE(opened);
  EXPECT_EQ(*opened, "v");
}

TEST(SecretBoxTest, AnotherKeyDoesNotOpen) {
  const std::string sealed = Box('a').Seal("S3cr3t", "odoo_connection:7:secret");
  auto opened = Box('b').Open(sealed, "odoo_connection:7:secret");
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, core::ErrorCode::kPermissionDenied);
  EXPECT_EQ(
      opened.error().message,
      "A sealed value could not be opened: it was sealed with another master key or altered.");
}

TEST(SecretBoxTest, ABlobCopiedToAnotherRowDoesNotOpen) {
  const SecretBox box = Box('a');
  const std::string sealed = box.Seal("S3cr3t", "odoo_connection:7:secret");
  EXPECT_FALSE(box.Open(sealed, "odoo_connection:8:secret"));
  EXPECT_FALSE(box.Open(sealed, "microsoft_connection:7:secret"));
}

TEST(SecretBoxTest, EveryTamperedByteIsRefused) {
  const SecretBox box = Box('a');
  const std::string sealed = box.Seal("S3cr3t", "ad");
  for (size_t i = 0; i < sealed.size(); ++i) {
    std::string tampered = sealed;
    tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
    EXPECT_FALSE(box.Open(tampered, "ad")) << "byte " << i;
  }
  EXPECT_FALSE(box.Open(sealed.substr(0, 30), "ad"));
  EXPECT_FALSE(box.Open("", "ad"));
}

TEST(SecretBoxTest, KeyOfTheWrongSizeIsRefused) {
  for (size_t size : {0u, 16u, 31u, 33u, 64u}) {
    auto box = SecretBox::FromKey(std::string(size, 'k'));
    ASSERT_FALSE(box) << size;
    EXPECT_EQ(box.error().message,
              "The master key must be exactly 32 bytes: generate one with `head -c32 /dev/urandom "
              "| base64`.");
  }
}

TEST(SecretBoxTest, EmptyPlaintextRoundTrips) {
  const SecretBox box = Box('a');
  auto opened = box.Open(box.Seal("", "ad"), "ad");
  ASSERT_TRUE(opened);
  EXPECT_EQ(*opened, "");
}

}  // namespace
}  // namespace xlsync::store
