#include "excel/xlsx_file.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "testing/support/xlsx_part.h"

namespace xlsync::excel {
namespace {

using core::Cell;
using core::Column;
using core::Row;

// A fresh folder per test, removed afterwards.
class XlsxFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "xlsync-xlsx-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    folder_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::string Path(const std::string& name) const { return (folder_ / name).string(); }

  static std::string ReadPart(const std::string& file, const std::string& part) {
    return fakes::ReadXlsxPart(file, part);
  }

  std::filesystem::path folder_;
};

const std::vector<Column> kColumns = {{"name", "Name", ""},
                                      {"date_order", "Order date", "yyyy-mm-dd"},
                                      {"amount_total", "Total", "#,##0.00"},
                                      {"active", "Active", ""}};

TEST_F(XlsxFileTest, WritesTypedCellsWithHeaderFormatsFreezeAndFilter) {
  const std::string path = Path("orders.xlsx");
  auto file = XlsxFile::Create(path);
  ASSERT_TRUE(file) << file.error().message;
  ASSERT_TRUE((*file)->AddSheet("Orders", kColumns));
  const std::vector<Row> rows = {
      {Cell::Text("Acme & Sons <Ltd>"), Cell::Number(45366), Cell::Number(1234.5),
       Cell::Boolean(true)},
      {Cell::Text("=1+1"), Cell::Empty(), Cell::Number(-2), Cell::Boolean(false)},
      {Cell::Text("bell\x07 gone"), Cell::Number(45367), Cell::Empty(), Cell::Text("")},
  };
  ASSERT_TRUE((*file)->AppendRows(rows));
  auto closed = (*file)->Close();
  ASSERT_TRUE(closed) << closed.error().message;

  const std::string sheet = ReadPart(path, "xl/worksheets/sheet1.xml");
  ASSERT_FALSE(sheet.empty());
  for (const char* expected :
       {"<t>Name</t>", "<t>Order date</t>", "<t>Total</t>", "<t>Active</t>",
        "<t>Acme &amp; Sons &lt;Ltd&gt;</t>", "<v>45366</v>", "<v>1234.5</v>",
        "<c r=\"D2\" t=\"b\"><v>1</v></c>", "<c r=\"D3\" t=\"b\"><v>0</v></c>", "<t>=1+1</t>",
        "<v>-2</v>", "<t>bell gone</t>", "<v>45367</v>", "state=\"frozen\"", "ySplit=\"1\"",
        "<autoFilter ref=\"A1:D4\"/>", "<cols>"}) {
    EXPECT_NE(sheet.find(expected), std::string::npos) << expected << "\n" << sheet;
  }
  EXPECT_EQ(sheet.find("<f>"), std::string::npos) << "text must never become a formula";
  EXPECT_EQ(sheet.find("r=\"B3\""), std::string::npos) << "an empty cell stays blank";
  EXPECT_EQ(sheet.find("r=\"D4\""), std::string::npos) << "an empty text stays blank";
  const std::string styles = ReadPart(path, "xl/styles.xml");
  EXPECT_NE(styles.find("formatCode=\"yyyy-mm-dd\""), std::string::npos) << styles;
  EXPECT_NE(styles.find("formatCode=\"#,##0.00\""), std::string::npos) << styles;
  EXPECT_NE(styles.find("<b/>"), std::string::npos) << "bold header";
  const std::string workbook = ReadPart(path, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"Orders\""), std::string::npos) << workbook;
}

TEST_F(XlsxFileTest, WritesANamedTableWithUniqueHeadersCellFormatsAndLinks) {
  const std::string path = Path("table.xlsx");
  auto file = XlsxFile::Create(path, /*constant_memory=*/false);
  ASSERT_TRUE(file) << file.error().message;
  const std::vector<Column> columns = {{"name", "Name", ""}, {"partner_id.name", "Name", ""},
                                       {"amount", "Amount", "#,##0.00"}, {"id", "Odoo ID", "0"}};
  ASSERT_TRUE((*file)->AddSheet("Orders", columns, XlsxTable{"OdooOrders", "TableStyleLight9"}));
  const std::vector<Row> rows = {
      {Cell::Text("a"), Cell::Text("b"), Cell::Number(5, "#,##0.00 [$€]"),
       Cell::Link("https://odoo.example.com/odoo/sale.order/7", 7)},
      {Cell::Text("c"), Cell::Text("d"), Cell::Number(6), Cell::Link("https://odoo.example.com/odoo/sale.order/8", 8)},
  };
  ASSERT_TRUE((*file)->AppendRows(rows));
  auto closed = (*file)->Close();
  ASSERT_TRUE(closed) << closed.error().message;

  const std::string table = ReadPart(path, "xl/tables/table1.xml");
  for (const char* expected : {"name=\"OdooOrders\"", "ref=\"A1:D3\"", "name=\"TableStyleLight9\"",
                               "<tableColumn id=\"1\" name=\"Name\"/>", "<tableColumn id=\"2\" name=\"Name2\"/>"}) {
    EXPECT_NE(table.find(expected), std::string::npos) << expected << "\n" << table;
  }
  const std::string sheet = ReadPart(path, "xl/worksheets/sheet1.xml");
  const std::string strings = ReadPart(path, "xl/sharedStrings.xml");  // cells kept in memory share strings
  EXPECT_NE(strings.find("<t>Name2</t>"), std::string::npos) << strings;
  EXPECT_EQ(sheet.find("<autoFilter"), std::string::npos) << "the table filters, not a sheet autofilter";
  EXPECT_NE(sheet.find("<f>HYPERLINK(\"https://odoo.example.com/odoo/sale.order/7\",7)</f><v>7</v>"),
            std::string::npos)
      << sheet;
  const std::string styles = ReadPart(path, "xl/styles.xml");
  EXPECT_NE(styles.find("formatCode=\"#,##0.00 [$€]\""), std::string::npos) << styles;
}

TEST_F(XlsxFileTest, FitsColumnWidthsToTheContent) {
  const std::string path = Path("widths.xlsx");
  auto file = XlsxFile::Create(path);
  ASSERT_TRUE(file);
  ASSERT_TRUE((*file)->AddSheet("Data", {{"a", "A", ""}, {"b", "B", ""}, {"c", "C", ""}}));
  ASSERT_TRUE((*file)->AppendRows(std::vector<Row>{
      {Cell::Text(std::string(30, 'w')), Cell::Text(std::string(500, 'w')), Cell::Number(1)}}));
  ASSERT_TRUE((*file)->Close());
  const std::string sheet = ReadPart(path, "xl/worksheets/sheet1.xml");
  // 30 characters + padding; a very long text is capped at 60; a short column keeps Excel's
  // default.
  EXPECT_NE(sheet.find("<col min=\"1\" max=\"1\" width=\"32.7109375\""), std::string::npos)
      << sheet;
  EXPECT_NE(sheet.find("<col min=\"2\" max=\"2\" width=\"60.7109375\""), std::string::npos)
      << sheet;
  EXPECT_NE(sheet.find("<col min=\"3\" max=\"3\" width=\"9.140625\"/>"), std::string::npos)
      << sheet;
}

TEST_F(XlsxFileTest, RefusesAMissingFolderAndABadSheetName) {
  auto missing = XlsxFile::Create(Path("nowhere/out.xlsx"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message,
            "The folder \"" + Path("nowhere") +
                "\" for the Excel file does not exist: create it or choose another path.");

  auto file = XlsxFile::Create(Path("bad.xlsx"));
  ASSERT_TRUE(file);
  auto added = (*file)->AddSheet("Q1/Q2", kColumns);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().message,
            "The sheet name \"Q1/Q2\" contains \"/\", which Excel does not allow in sheet names: "
            "choose a name without \\ / ? * [ ] :.");
  ASSERT_TRUE((*file)->AddSheet("Data", kColumns));
  auto duplicate = (*file)->AddSheet("DATA", kColumns);
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().message,
            "The Excel file already has a sheet named \"DATA\": choose another sheet name.");
}

TEST_F(XlsxFileTest, RefusesMoreRowsThanASheetHolds) {
  auto file = XlsxFile::Create(Path("big.xlsx"));
  ASSERT_TRUE(file);
  ASSERT_TRUE((*file)->AddSheet("Data", {{"a", "A", ""}}));
  // With the header, 1,048,576 data rows are one too many.
  const std::vector<Row> rows(1'048'576, Row{Cell::Empty()});
  auto appended = (*file)->AppendRows(rows);
  ASSERT_FALSE(appended);
  EXPECT_EQ(appended.error().message,
            "The export has more rows than an Excel sheet holds (1,048,576): narrow the filter or "
            "split the task.");
}

TEST_F(XlsxFileTest, WritesNothingWhenNotClosed) {
  const std::string path = Path("abandoned.xlsx");
  {
    auto file = XlsxFile::Create(path);
    ASSERT_TRUE(file);
    ASSERT_TRUE((*file)->AddSheet("Data", kColumns));
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace xlsync::excel
