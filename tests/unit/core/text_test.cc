#include "core/text.h"

#include <gtest/gtest.h>

#include <regex>

namespace xlsync::core {
namespace {

TEST(TextTest, ComparesIgnoringCase) {
  EXPECT_TRUE(EqualsIgnoreCase("ItemNotFound", "itemnotfound"));
  EXPECT_FALSE(EqualsIgnoreCase("item", "items"));
  EXPECT_TRUE(StartsWithIgnoreCase("Bearer abc", "bearer "));
  EXPECT_EQ(ToLower("AbC"), "abc");
}

TEST(TextTest, TrimsAndSplits) {
  EXPECT_EQ(Trim("  a b \r\n"), "a b");
  EXPECT_EQ(Trim("   "), "");
  EXPECT_EQ(Split("a,,b", ','), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(Split("", ','), (std::vector<std::string>{""}));
}

TEST(TextTest, RedactMasksEveryOccurrenceOfEachSecret) {
  EXPECT_EQ(Redact("key=abc and abc again, pw=xyz", {"abc", "xyz", ""}),
            "key=******** and ******** again, pw=********");
}

TEST(TextTest, NewGuidIsAVersionFourGuid) {
  const std::regex guid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  const std::string first = NewGuid();
  EXPECT_TRUE(std::regex_match(first, guid)) << first;
  EXPECT_NE(first, NewGuid());
}

}  // namespace
}  // namespace xlsync::core
