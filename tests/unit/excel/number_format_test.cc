#include "excel/number_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace xlsync::excel {
namespace {

TEST(NumberFormatTest, BuildsDecimalFormats) {
  struct Case {
    int decimals;
    bool thousands;
    const char* format;
  };
  const Case cases[] = {{2, false, "0.00"}, {2, true, "#,##0.00"},
                        {0, false, "0"},    {0, true, "#,##0"},
                        {1, false, "0.0"},  {3, true, "#,##0.000"},
                        {-1, false, "0"},   {40, false, "0.000000000000000000000000000000"}};
  for (const auto& c : cases) {
    EXPECT_EQ(DecimalFormat(c.decimals, c.thousands), c.format) << c.decimals << c.thousands;
  }
}

TEST(NumberFormatTest, ChecksNumbersExcelCanStore) {
  EXPECT_TRUE(CheckCellNumber(0, "Amount"));
  EXPECT_TRUE(CheckCellNumber(-9.99999999999999e307, "Amount"));
  EXPECT_TRUE(CheckCellNumber(1e-300, "Amount"));
  auto nan = CheckCellNumber(std::nan(""), "Amount");
  ASSERT_FALSE(nan);
  EXPECT_EQ(nan.error().message,
            "Column \"Amount\" holds a number that is not finite (NaN or infinity), which Excel "
            "cannot store: correct the value in the source.");
  EXPECT_FALSE(CheckCellNumber(std::numeric_limits<double>::infinity(), "Amount"));
  EXPECT_FALSE(CheckCellNumber(-std::numeric_limits<double>::infinity(), "Amount"));
  auto huge = CheckCellNumber(1e308, "Amount");
  ASSERT_FALSE(huge);
  EXPECT_EQ(huge.error().message,
            "Column \"Amount\" holds the number 1e+308, beyond the largest Excel stores "
            "(9.99999999999999E+307): correct the value in the source.");
}

}  // namespace
}  // namespace xlsync::excel
