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

TEST(TextTest, GroupsThousandsAsMessagesShowCounts) {
  const std::pair<int64_t, const char*> cases[] = {
      {0, "0"}, {7, "7"}, {999, "999"}, {1'000, "1,000"}, {32'767, "32,767"}, {1'048'575, "1,048,575"},
      {1'200'000, "1,200,000"}, {-4'500, "-4,500"}, {9'223'372'036'854'775'807, "9,223,372,036,854,775,807"}};
  for (const auto& [value, text] : cases) EXPECT_EQ(GroupThousands(value), text) << value;
}

}  // namespace
}  // namespace xlsync::core
