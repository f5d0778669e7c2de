#include "core/secret.h"

#include <gtest/gtest.h>

#include <sstream>

namespace xlsync::core {
namespace {

TEST(SecretTest, PrintsMaskedButRevealsTheValueOnRequest) {
  const Secret secret("s3cr3t~value");
  std::ostringstream out;
  out << "secret=" << secret;
  EXPECT_EQ(out.str(), "secret=********");
  EXPECT_EQ(secret.Reveal(), "s3cr3t~value");
  EXPECT_FALSE(secret.empty());
  EXPECT_TRUE(Secret().empty());
}

}  // namespace
}  // namespace xlsync::core
