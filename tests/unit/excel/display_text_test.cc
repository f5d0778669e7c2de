#include "excel/display_text.h"

#include <gtest/gtest.h>

#include <limits>

#include "excel/format_code.h"

namespace xlsync::excel {
namespace {

struct Case {
  core::Cell cell;
  std::string column_format;
  std::string shown;
};

TEST(DisplayTextTest, ShowsCellsAsExcelDoesUnderTheFormatsXlsyncWrites) {
  const Case cases[] = {
      {core::Cell::Empty(), "0.00", ""},
      {core::Cell::Boolean(true), "", "TRUE"},
      {core::Cell::Boolean(false), "General", "FALSE"},
      {core::Cell::Text("00123"), "@", "00123"},
      {core::Cell::Text("=1+1"), "", "=1+1"},
      // General
      {core::Cell::Number(42), "", "42"},
      {core::Cell::Number(-7), "General", "-7"},
      {core::Cell::Number(0.1 + 0.2), "", "0.3"},
      {core::Cell::Number(3.14159265358979), "", "3.141592654"},
      {core::Cell::Number(1234567.891), "", "1234567.891"},
      {core::Cell::Number(1.5e20), "", "1.5E+20"},
      {core::Cell::Number(-2e-12), "", "-2E-12"},
      // integers and fixed decimals, rounded half away from zero at 15 digits
      {core::Cell::Number(2.5), "0", "3"},
      {core::Cell::Number(-2.5), "0", "-3"},
      {core::Cell::Number(1.005), "0.00", "1.01"},
      {core::Cell::Number(0.125), "0.00", "0.13"},
      {core::Cell::Number(-0.001), "0.00", "0.00"},
      {core::Cell::Number(1234567.891), "#,##0.00", "1,234,567.89"},
      {core::Cell::Number(-1234.5), "#,##0.00", "-1,234.50"},
      {core::Cell::Number(999.999), "#,##0.00", "1,000.00"},
      {core::Cell::Number(12), "#,##0", "12"},
      {core::Cell::Number(0.5), "#.00", ".50"},
      // dates and datetimes (serials, msgraph.md §6.5)
      {core::Cell::Number(45366), "yyyy-mm-dd", "2024-03-15"},
      {core::Cell::Number(45366.5), "yyyy-mm-dd hh:mm:ss", "2024-03-15 12:00:00"},
      {core::Cell::Number(45366.75 + 1.0 / 86400), "yyyy-mm-dd hh:mm:ss", "2024-03-15 18:00:01"},
      {core::Cell::Number(25569), "yyyy-mm-dd", "1970-01-01"},
      {core::Cell::Number(60), "yyyy-mm-dd", "1900-02-29"},
      {core::Cell::Number(61), "yyyy-mm-dd", "1900-03-01"},
      {core::Cell::Number(1), "yyyy-mm-dd", "1900-01-01"},
      {core::Cell::Number(45366), "mmm yyyy", "Mar 2024"},
      {core::Cell::Number(45366), "dddd d mmmm yy", "Friday 15 March 24"},
      {core::Cell::Number(45366.5625), "h:mm AM/PM", "1:30 PM"},
      {core::Cell::Number(-1), "yyyy-mm-dd", "-1"},
      // percentages
      {core::Cell::Number(0.125), "0.00%", "12.50%"},
      {core::Cell::Number(-0.05), "0%", "-5%"},
      // currencies before and after, with and without a locale tag
      {core::Cell::Number(1234.5), "[$€]#,##0.00", "€1,234.50"},
      {core::Cell::Number(1234.5), "#,##0.00 [$€]", "1,234.50 €"},
      {core::Cell::Number(-1234.5), "[$$]#,##0.00", "-$1,234.50"},
      {core::Cell::Number(1234.5), "#,##0.00 [$€-x-euro1]", "1,234.50 €"},
      {core::Cell::Number(1234.5), "[$$-409]#,##0.00", "$1,234.50"},
      {core::Cell::Number(1234), "[$¥]#,##0", "¥1,234"},
      {core::Cell::Number(5), "\"CHF\" 0.00", "CHF 5.00"},
      // sections, scaling, scientific
      {core::Cell::Number(-5), "0.00;(0.00)", "(5.00)"},
      {core::Cell::Number(0), "0.00;-0.00;\"-\"", "-"},
      {core::Cell::Number(1234567), "#,##0,", "1,235"},
      {core::Cell::Number(123456), "0.00E+00", "1.23E+05"},
      {core::Cell::Number(999999), "0.00E+00", "1.00E+06"},
      // links show their id, under the column's format
      {core::Cell::Link("https://odoo.example.com/odoo/sale.order/7", 7), "0", "7"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(DisplayText(c.cell, c.column_format), c.shown) << c.column_format << " " << c.cell.number;
  }
}

TEST(DisplayTextTest, TheCellsOwnFormatWinsOverTheColumns) {
  EXPECT_EQ(DisplayText(core::Cell::Number(12.5, "#,##0.00 [$€]"), "#,##0.00"), "12.50 €");
  EXPECT_EQ(DisplayText(core::Cell::Number(12.5, "[$$]#,##0.00"), "#,##0.00"), "$12.50");
  EXPECT_EQ(DisplayText(core::Cell::Number(12.5), "#,##0.00"), "12.50");
}

TEST(DisplayTextTest, NumbersExcelCannotHoldShowAnError) {
  EXPECT_EQ(DisplayText(core::Cell::Number(std::numeric_limits<double>::quiet_NaN()), "0.00"), "#NUM!");
  EXPECT_EQ(GeneralNumberText(std::numeric_limits<double>::infinity()), "#NUM!");
}

TEST(FormatCodeTest, SplitsSectionsOutsideQuotesAndBrackets) {
  const auto sections = SplitFormatSections(R"(#,##0.00;[Red]"a;b"-#,##0.00;\;0)");
  ASSERT_EQ(sections.size(), 3u);
  EXPECT_EQ(sections[0], "#,##0.00");
  EXPECT_EQ(sections[1], R"([Red]"a;b"-#,##0.00)");
  EXPECT_EQ(sections[2], R"(\;0)");
}

TEST(FormatCodeTest, TokenizesCodesAndLiterals) {
  const std::vector<FormatToken> expected = {{false, "€"}, {true, "#"}, {true, ","}, {true, "0"},
                                             {false, " x"}, {true, "%"}};
  EXPECT_EQ(TokenizeFormat(R"([$€-x-euro1][Blue]#,0_)\x%)"), expected);
  const std::vector<FormatToken> date = {{true, "yyyy"}, {false, "-"}, {true, "mm"}, {false, " "},
                                         {true, "AM/PM"}};
  EXPECT_EQ(TokenizeFormat("YYYY-mm am/pm"), date);
}

}  // namespace
}  // namespace xlsync::excel
