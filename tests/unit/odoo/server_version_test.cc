#include "odoo/server_version.h"

#include <gtest/gtest.h>

namespace xlsync::odoo {
namespace {

TEST(ServerVersionTest, ParsesEveryVersionSpellingOdooUses) {
  struct Case {
    const char* text;
    int major;
    int minor;
  };
  const Case cases[] = {
      {"16.0", 16, 0},
      {"17.0", 17, 0},
      {"saas~17.4", 17, 4},
      {"18.0-20250702", 18, 0},
      {"19.0+e", 19, 0},
      {"saas-18.4", 18, 4},
      {"16.0+e-20230101", 16, 0},
      {"19", 19, 0},
      {"20.0alpha1", 20, 0},
  };
  for (const auto& c : cases) {
    auto version = ParseServerVersion(c.text);
    ASSERT_TRUE(version) << c.text;
    EXPECT_EQ(version->major, c.major) << c.text;
    EXPECT_EQ(version->minor, c.minor) << c.text;
    EXPECT_EQ(version->text, c.text);
  }
}

TEST(ServerVersionTest, RejectsTextWithoutAVersionNumber) {
  EXPECT_FALSE(ParseServerVersion(""));
  auto version = ParseServerVersion("unknown");
  ASSERT_FALSE(version);
  EXPECT_EQ(version.error().message,
            "xlsync did not understand the Odoo version \"unknown\": check that the URL points "
            "to an Odoo server.");
}

TEST(ServerVersionTest, ComparesMajorThenMinor) {
  const ServerVersion online{18, 4, "saas~18.4"};
  EXPECT_TRUE(online.AtLeast(18, 4));
  EXPECT_TRUE(online.AtLeast(18));
  EXPECT_FALSE(online.AtLeast(19));
  EXPECT_FALSE((ServerVersion{18, 3, ""}).AtLeast(18, 4));
}

}  // namespace
}  // namespace xlsync::odoo
