#include "excel/sheet_namer.h"

#include <gtest/gtest.h>

#include "excel/sheet_name.h"

namespace xlsync::excel {
namespace {

TEST(SheetNamerTest, CleansAnyTextToAValidSheetName) {
  const std::pair<std::string, std::string> cases[] = {
      {"Acme", "Acme"},
      {"Acme/Beta: Q1?", "Acme_Beta_ Q1_"},
      {"[EU] *Sales* \\ North", "_EU_ _Sales_ _ North"},
      {"'Quoted'", "Quoted"},
      {"History", "History_"},
      {"history", "history_"},
      {"", "(empty)"},
      {"   ", "(empty)"},
      {"Line\nbreak\tand\x01" "control", "Line_break_andcontrol"},
      {"A very long company name that Excel cannot hold", "A very long company name that E"},
      {"Société Générale Investissements", "Société Générale Investissement"},
      {"Café \xff bar", "Café \xEF\xBF\xBD bar"},
  };
  for (const auto& [text, name] : cases) {
    const std::string cleaned = CleanSheetName(text);
    EXPECT_EQ(cleaned, name) << text;
    EXPECT_TRUE(ValidateSheetName(cleaned)) << cleaned;
  }
  // 16 emoji are 32 UTF-16 units, as Excel counts: 15 of them fit.
  std::string emoji;
  for (int i = 0; i < 16; ++i) emoji += "😀";
  EXPECT_EQ(CleanSheetName(emoji), emoji.substr(0, 15 * 4));
}

TEST(SheetNamerTest, NumbersSheetsWithinThirtyOneCharacters) {
  EXPECT_EQ(NumberedSheetName("Orders", 2), "Orders (2)");
  EXPECT_EQ(NumberedSheetName("A very long company name that E", 12), "A very long company name t (12)");
  EXPECT_TRUE(ValidateSheetName(NumberedSheetName("A very long company name that E", 12)));
}

TEST(SheetNamerTest, MakesNamesUniqueWithoutRegardToCase) {
  SheetNamer namer({"Summary"});
  EXPECT_EQ(namer.Take("Acme"), "Acme");
  EXPECT_EQ(namer.Take("ACME"), "ACME (2)");
  EXPECT_EQ(namer.Take("Acme"), "Acme (3)");
  EXPECT_EQ(namer.Take("summary"), "summary (2)");
  EXPECT_EQ(namer.Take("Acme/"), "Acme_");
  EXPECT_EQ(namer.Take("Acme?"), "Acme_ (2)");
}

}  // namespace
}  // namespace xlsync::excel
