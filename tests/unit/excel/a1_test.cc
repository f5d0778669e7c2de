#include "excel/a1.h"

#include <gtest/gtest.h>

namespace xlsync::excel {
namespace {

struct ColumnCase {
  int index;
  const char* name;
};

TEST(A1Test, ColumnNamesAndIndexesRoundTrip) {
  const ColumnCase cases[] = {{0, "A"},   {1, "B"},    {25, "Z"},    {26, "AA"},    {51, "AZ"},
                              {52, "BA"}, {701, "ZZ"}, {702, "AAA"}, {16383, "XFD"}};
  for (const auto& c : cases) {
    EXPECT_EQ(ColumnName(c.index), c.name) << c.index;
    auto index = ColumnIndex(c.name);
    ASSERT_TRUE(index) << c.name;
    EXPECT_EQ(*index, c.index) << c.name;
  }
  for (int column = 0; column < kMaxColumns; ++column) {
    ASSERT_EQ(*ColumnIndex(ColumnName(column)), column);
  }
}

TEST(A1Test, ColumnIndexAcceptsLowerCase) { EXPECT_EQ(*ColumnIndex("xfd"), 16383); }

TEST(A1Test, ColumnIndexRefusesWhatIsNoColumn) {
  struct Case {
    const char* letters;
    const char* message;
  };
  const Case cases[] = {
      {"XFE", "Column \"XFE\" is beyond XFD, the last Excel column: use a column from A to XFD."},
      {"ZZZ", "Column \"ZZZ\" is beyond XFD, the last Excel column: use a column from A to XFD."},
      {"AAAA", "\"AAAA\" is not an Excel column: use letters from A to XFD."},
      {"", "\"\" is not an Excel column: use letters from A to XFD."},
      {"A1", "\"A1\" is not an Excel column: use letters from A to XFD."},
      {"É", "\"É\" is not an Excel column: use letters from A to XFD."},
  };
  for (const auto& c : cases) {
    auto index = ColumnIndex(c.letters);
    ASSERT_FALSE(index) << c.letters;
    EXPECT_EQ(index.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(index.error().message, c.message);
  }
}

TEST(A1Test, FormatsCellAndRangeAddresses) {
  EXPECT_EQ(CellAddress(1, 0), "A1");
  EXPECT_EQ(CellAddress(kMaxRows, kMaxColumns - 1), "XFD1048576");
  EXPECT_EQ(RangeAddress(2, 0, 2001, 9), "A2:J2001");
  EXPECT_EQ(RangeAddress(2, 0, 2, 0), "A2");
  EXPECT_EQ(RangeAddress(1, 0, 1, 2), "A1:C1");
}

TEST(A1Test, ParsesGraphAddresses) {
  struct Case {
    const char* address;
    RangeRef expected;
  };
  const Case cases[] = {
      {"Orders!A1:C3", {"Orders", 1, 0, 3, 2}},
      {"'My Sheet'!B2", {"My Sheet", 2, 1, 2, 1}},
      {"A1", {"", 1, 0, 1, 0}},
      {"'Q1 ''Sales'''!A1:B2", {"Q1 'Sales'", 1, 0, 2, 1}},
      {"'a!b'!A2:J2001", {"a!b", 2, 0, 2001, 9}},
      {"Sheet1!$A$1:$C$3", {"Sheet1", 1, 0, 3, 2}},
      {"Sheet1!XFD1048576", {"Sheet1", kMaxRows, kMaxColumns - 1, kMaxRows, kMaxColumns - 1}},
      {"Sheet1!C3:A1", {"Sheet1", 1, 0, 3, 2}},
      {"Sheet1!A:C", {"Sheet1", 1, 0, kMaxRows, 2}},
      {"2:5", {"", 2, 0, 5, kMaxColumns - 1}},
      {"données!a1:b2", {"données", 1, 0, 2, 1}},
  };
  for (const auto& c : cases) {
    auto range = ParseRangeAddress(c.address);
    ASSERT_TRUE(range) << c.address << ": " << range.error().message;
    EXPECT_EQ(*range, c.expected) << c.address;
  }
}

TEST(A1Test, ParseRangeAddressRefusesMalformedAddresses) {
  const char* cases[] = {"",     "!A1", "Sheet1!",    "A0",         "A1048577", "XFE1",
                         "A1:B", "A:1", "'Sheet1!A1", "'Sheet1'A1", "''!A1",    "A1:B2:C3",
                         "A",    "1",   "A1 ",        "Sheet1!A1:"};
  for (const char* address : cases) {
    auto range = ParseRangeAddress(address);
    ASSERT_FALSE(range) << address;
    EXPECT_EQ(range.error().message,
              "\"" + std::string(address) +
                  "\" is not a range address Excel understands (such as Sheet1!A1:C3): check the "
                  "address.");
  }
}

TEST(A1Test, QuotesSheetNamesOnlyWhenNeeded) {
  struct Case {
    const char* sheet;
    const char* quoted;
  };
  const Case cases[] = {{"Orders", "Orders"},       {"Sales_2024", "Sales_2024"},
                        {"My Sheet", "'My Sheet'"}, {"Q1 'Sales'", "'Q1 ''Sales'''"},
                        {"2024", "'2024'"},         {"AB12", "'AB12'"},
                        {"R1C1", "'R1C1'"},         {"C", "'C'"},
                        {"données", "'données'"},   {"a-b", "'a-b'"}};
  for (const auto& c : cases) EXPECT_EQ(QuoteSheetName(c.sheet), c.quoted) << c.sheet;
  EXPECT_EQ(SheetQualifiedAddress("My Sheet", "A1:J1"), "'My Sheet'!A1:J1");
  // What we quote, we parse back to the same name.
  for (const auto& c : cases) {
    EXPECT_EQ(ParseRangeAddress(SheetQualifiedAddress(c.sheet, "B2"))->sheet, c.sheet);
  }
}

}  // namespace
}  // namespace xlsync::excel
