#include "excel/table_name.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace xlsync::excel {
namespace {

TEST(TableNameTest, AcceptsNamesExcelAccepts) {
  for (const std::string& name : std::vector<std::string>{"OdooOrders", "_orders", "\\raw", "Sales.2026", "Table_1", "ABCD1", "R1C",
                                 "RC1x", std::string(255, 'a')}) {
    EXPECT_TRUE(ValidateTableName(name)) << name;
  }
}

TEST(TableNameTest, NamesTheBrokenRule) {
  const std::pair<std::string, std::string> cases[] = {
      {"", "The table name is empty: choose a name such as OdooOrders."},
      {std::string(256, 'a'), "The table name has 256 characters, more than the 255 Excel allows: choose a shorter name."},
      {"1Orders", "The table name \"1Orders\" must start with a letter or an underscore: choose a name such as OdooOrders."},
      {"Odoo-Orders",
       "The table name \"Odoo-Orders\" contains \"-\", but Excel table names hold only letters, digits, \".\" and \"_\": "
       "choose a name without spaces or symbols."},
      {"A1", "The table name \"A1\" reads as a cell reference in Excel: choose another name, such as OdooA1."},
      {"xfd1048576",
       "The table name \"xfd1048576\" reads as a cell reference in Excel: choose another name, such as Odooxfd1048576."},
      {"R1C1", "The table name \"R1C1\" reads as a cell reference in Excel: choose another name, such as OdooR1C1."},
      {"r", "The table name \"r\" reads as a cell reference in Excel: choose another name, such as Odoor."},
  };
  for (const auto& [name, message] : cases) {
    auto valid = ValidateTableName(name);
    ASSERT_FALSE(valid) << name;
    EXPECT_EQ(valid.error().message, message);
  }
}

TEST(TableNameTest, KnowsExcelsTableStyles) {
  for (const char* style : {"TableStyleLight1", "TableStyleLight21", "TableStyleMedium2", "TableStyleMedium28",
                            "TableStyleDark11"}) {
    EXPECT_TRUE(ValidateTableStyle(style)) << style;
  }
  for (const char* style : {"TableStyleMedium29", "TableStyleDark0", "TableStyleLight", "Medium2", "TableStyleDark1x"}) {
    auto valid = ValidateTableStyle(style);
    ASSERT_FALSE(valid) << style;
    EXPECT_EQ(valid.error().message, "The table style \"" + std::string(style) +
                                         "\" is not one of Excel's: use TableStyleLight1 to 21, TableStyleMedium1 "
                                         "to 28 or TableStyleDark1 to 11.");
  }
}

}  // namespace
}  // namespace xlsync::excel
