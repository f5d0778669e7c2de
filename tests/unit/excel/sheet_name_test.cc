#include "excel/sheet_name.h"

#include <gtest/gtest.h>

#include <string>

namespace xlsync::excel {
namespace {

TEST(SheetNameTest, AcceptsNamesExcelAccepts) {
  const std::string cases[] = {
      "Orders",
      "Q1 'Sales' total",                 // apostrophes inside are fine
      "A",                                // one character
      std::string(31, 'x'),               // the longest
      "Ventes été 2024 (brut) #1 & co",   // accents, brackets, # and &
      "Ünïcødé ünïcødé ünïcødé ünïcødé",  // 31 characters, 39 bytes
      "Historyx",
      "My History",
  };
  for (const auto& name : cases) {
    auto valid = ValidateSheetName(name);
    EXPECT_TRUE(valid) << name << ": " << valid.error().message;
  }
}

TEST(SheetNameTest, RefusesEachRuleWithItsMessage) {
  const std::string forbidden =
      ", which Excel does not allow in sheet names: choose a name without "
      "\\ / ? * [ ] :.";
  struct Case {
    std::string name;
    std::string message;
  };
  const Case cases[] = {
      {"", "The sheet name is empty: choose a name of 1 to 31 characters."},
      {"Q1/Q2", "The sheet name \"Q1/Q2\" contains \"/\"" + forbidden},
      {"Q1\\Q2", "The sheet name \"Q1\\Q2\" contains \"\\\"" + forbidden},
      {"Why?", "The sheet name \"Why?\" contains \"?\"" + forbidden},
      {"A*", "The sheet name \"A*\" contains \"*\"" + forbidden},
      {"[x", "The sheet name \"[x\" contains \"[\"" + forbidden},
      {"x]", "The sheet name \"x]\" contains \"]\"" + forbidden},
      {"10:30", "The sheet name \"10:30\" contains \":\"" + forbidden},
      {std::string(32, 'x'),
       "The sheet name \"" + std::string(32, 'x') +
           "\" has 32 characters, more than the 31 Excel allows in sheet names: choose a shorter "
           "name."},
      {"'Q1",
       "The sheet name \"'Q1\" starts with an apostrophe ('), which Excel does not allow in sheet "
       "names: remove it or move it inside the name."},
      {"Q1'",
       "The sheet name \"Q1'\" ends with an apostrophe ('), which Excel does not allow in sheet "
       "names: remove it or move it inside the name."},
      {"History", "The sheet name \"History\" is reserved by Excel: choose another name."},
      {"hISTORY", "The sheet name \"hISTORY\" is reserved by Excel: choose another name."},
      {"bad \xC3", "The sheet name is not valid UTF-8 text: type the name again."},
  };
  for (const auto& c : cases) {
    auto valid = ValidateSheetName(c.name);
    ASSERT_FALSE(valid) << c.name;
    EXPECT_EQ(valid.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(valid.error().message, c.message);
  }
}

TEST(SheetNameTest, CountsCharactersAsExcelDoesNotBytes) {
  std::string thirty_one_accents;
  for (int i = 0; i < 31; ++i) thirty_one_accents += "é";  // 62 bytes
  EXPECT_TRUE(ValidateSheetName(thirty_one_accents));
  // Excel counts UTF-16 code units: an emoji outside the BMP counts as two.
  std::string fifteen_emoji;
  for (int i = 0; i < 15; ++i) fifteen_emoji += "\xF0\x9F\x93\x8A";  // 📊
  EXPECT_TRUE(ValidateSheetName(fifteen_emoji + "x"));
  auto too_long = ValidateSheetName(fifteen_emoji + "xy");
  ASSERT_FALSE(too_long);
  EXPECT_NE(too_long.error().message.find("has 32 characters"), std::string::npos);
}

}  // namespace
}  // namespace xlsync::excel
