#include "testing/fake_graph/a1_address.h"

#include <gtest/gtest.h>

namespace xlsync::fakes {
namespace {

struct AddressCase {
  std::string text;
  GridRange range;
  std::string formatted;
};

class AddressTest : public ::testing::TestWithParam<AddressCase> {};

TEST_P(AddressTest, ParsesAndFormatsBack) {
  auto parsed = ParseAddress(GetParam().text);
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->range, GetParam().range);
  EXPECT_EQ(FormatRange(parsed->range), GetParam().formatted);
}

INSTANTIATE_TEST_SUITE_P(
    A1, AddressTest,
    ::testing::Values(
        AddressCase{"A1", {0, 0, 0, 0, false, false}, "A1"},
        AddressCase{"$b$2:c3", {1, 1, 2, 2, false, false}, "B2:C3"},
        AddressCase{"C3:A1", {0, 0, 2, 2, false, false}, "A1:C3"},
        AddressCase{"XFD1048576", {1048575, 16383, 1048575, 16383, false, false}, "XFD1048576"},
        AddressCase{"A:C", {0, 0, kMaxRows - 1, 2, true, false}, "A:C"},
        AddressCase{"2:4", {1, 0, 3, kMaxColumns - 1, false, true}, "2:4"}));

TEST(AddressParseTest, RefusesAddressesBeyondTheGridNamingTheLimit) {
  for (const char* text :
       {"XFE1", "A1048577", "A0", "AAAA1", "A", "1", "A1:B", "", "A1:", "A1B2"}) {
    auto parsed = ParseAddress(text);
    ASSERT_FALSE(parsed) << text;
    EXPECT_EQ(parsed.error().upstream, "invalidArgument");
  }
  EXPECT_EQ(ParseAddress("XFE1").error().message,
            "The address 'XFE1' is not valid: the column is beyond XFD.");
}

TEST(AddressParseTest, SplitsExcelQuotedSheetNames) {
  auto parsed = ParseAddress("'Q1 ''Sales'''!A1:B2");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->sheet, "Q1 'Sales'");
  EXPECT_EQ(ParseAddress("Data!B2")->sheet, "Data");
  EXPECT_FALSE(ParseAddress("'Open!A1"));
}

TEST(AddressFormatTest, QuotesSheetNamesOnlyWhenExcelWould) {
  EXPECT_EQ(QuoteSheetName("Sheet1"), "Sheet1");
  EXPECT_EQ(QuoteSheetName("Données_2024"), "Données_2024");
  EXPECT_EQ(QuoteSheetName("My Sheet"), "'My Sheet'");
  EXPECT_EQ(QuoteSheetName("O'Brien"), "'O''Brien'");
  EXPECT_EQ(QuoteSheetName("2024"), "'2024'");
  EXPECT_EQ(QuoteSheetName("A1"), "'A1'");
  EXPECT_EQ(QuoteSheetName("R1C1"), "'R1C1'");
  EXPECT_EQ(QualifiedAddress("My Sheet", GridRange{0, 0, 1, 1, false, false}), "'My Sheet'!A1:B2");
}

TEST(AddressFormatTest, ColumnLettersCoverTheGrid) {
  EXPECT_EQ(ColumnLetters(0), "A");
  EXPECT_EQ(ColumnLetters(25), "Z");
  EXPECT_EQ(ColumnLetters(26), "AA");
  EXPECT_EQ(ColumnLetters(701), "ZZ");
  EXPECT_EQ(ColumnLetters(702), "AAA");
  EXPECT_EQ(ColumnLetters(kMaxColumns - 1), "XFD");
}

}  // namespace
}  // namespace xlsync::fakes
