// Workbook's table calls (msgraph.md §6.7).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "msgraph/workbook.h"
#include "tests/unit/msgraph/workbook_harness.h"

namespace xlsync::msgraph {
namespace {

using fakes::kSheetPath;
using fakes::kWorkbookPath;
using ::testing::SizeIs;

constexpr char kAdded[] =
    R"({"id":"{6D182B14-0000-4000-8000-000000000001}","name":"Table1","showHeaders":true,)"
    R"("showTotals":false,"style":"TableStyleMedium2"})";

http::Response Timeout() {
  return fakes::GraphError(504, "gatewayTimeout", "x", "MaxRequestDurationExceeded");
}

TEST(WorkbookTablesTest, ListsTheTablesOfASheetWithTextOrNumberIds) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(
      fakes::Reply(200, R"({"value":[{"id":"2","name":"OdooOrders","style":"TableStyleMedium4"},)"
                        R"({"id":7,"name":"Notes","style":"TableStyleLight1"}]})"));

  auto tables = h.workbook.ListTables(h.sheet);

  ASSERT_TRUE(tables) << tables.error().message;
  ASSERT_THAT(*tables, SizeIs(2));
  EXPECT_EQ((*tables)[0].id, "2");
  EXPECT_EQ((*tables)[0].name, "OdooOrders");
  EXPECT_EQ((*tables)[0].style, "TableStyleMedium4");
  EXPECT_EQ((*tables)[1].id, "7");
  EXPECT_EQ(h.Call(0).method, http::Method::kGet);
  EXPECT_EQ(fakes::GraphPath(h.Call(0)), std::string(kSheetPath) + "/tables");
}

TEST(WorkbookTablesTest, ListsTheTablesOfTheWholeWorkbook) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(200, R"({"value":[]})"));

  auto tables = h.workbook.ListTables();

  ASSERT_TRUE(tables) << tables.error().message;
  EXPECT_TRUE(tables->empty());
  EXPECT_EQ(fakes::GraphPath(h.Call(0)), std::string(kWorkbookPath) + "/tables");
}

TEST(WorkbookTablesTest, RefusesATableListWithoutIds) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(200, R"({"value":[{"name":"OdooOrders"}]})"));

  auto tables = h.workbook.ListTables();

  ASSERT_FALSE(tables);
  EXPECT_EQ(tables.error().code, core::ErrorCode::kUnavailable);
  EXPECT_EQ(tables.error().message,
            "Excel described a table without its id: try again in a few minutes.");
}

TEST(WorkbookTablesTest, AddsATableOverASheetQualifiedAddress) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(201, kAdded));

  auto table = h.workbook.AddTable(h.sheet, "Sheet1!A1:C11", true);

  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(table->id, "{6D182B14-0000-4000-8000-000000000001}");
  EXPECT_EQ(table->name, "Table1");
  EXPECT_EQ(h.Call(0).method, http::Method::kPost);
  EXPECT_EQ(fakes::GraphPath(h.Call(0)), std::string(kSheetPath) + "/tables/add");
  EXPECT_EQ(h.Call(0).body, R"({"address":"Sheet1!A1:C11","hasHeaders":true})");
}

TEST(WorkbookTablesTest, TakesTheTableAnUnansweredAddCreatedInsteadOfAddingASecond) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(Timeout());
  h.http.Enqueue(fakes::Reply(200, R"({"value":[{"id":"4","name":"Table1"}]})"));
  h.http.Enqueue(fakes::Reply(200, R"({"address":"Sheet1!A1:C11","rowCount":11,"columnCount":3})"));

  auto table = h.workbook.AddTable(h.sheet, "Sheet1!A1:C11", true);

  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(table->id, "4");
  ASSERT_EQ(h.Calls(), 3u);
  EXPECT_EQ(fakes::GraphPath(h.Call(1)), std::string(kSheetPath) + "/tables");
  EXPECT_EQ(fakes::GraphPath(h.Call(2)),
            std::string(kWorkbookPath) + "/tables/4/range?$select=address,rowCount,columnCount");
}

TEST(WorkbookTablesTest, AddsTheTableAgainWhenTheUnansweredAddDidNotApply) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(Timeout());
  h.http.Enqueue(fakes::Reply(200, R"({"value":[]})"));
  h.http.Enqueue(fakes::Reply(201, kAdded));

  auto table = h.workbook.AddTable(h.sheet, "Sheet1!A1:C11", true);

  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(table->name, "Table1");
  ASSERT_EQ(h.Calls(), 3u);
  EXPECT_EQ(fakes::GraphPath(h.Call(2)), std::string(kSheetPath) + "/tables/add");
}

TEST(WorkbookTablesTest, ExplainsATableThatWouldOverlapAnother) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(fakes::GraphError(400, "badRequest", "x", "InvalidArgument"));

  auto table = h.workbook.AddTable(h.sheet, "Sheet1!A1:C11", true);

  ASSERT_FALSE(table);
  EXPECT_EQ(table.error().upstream, "InvalidArgument");
  EXPECT_EQ(table.error().message,
            "Excel could not add a table over A1:C11 on the sheet \"Sheet1\" because another "
            "table or merged cells lie there: remove them, then try again.");
  EXPECT_EQ(h.Calls(), 1u);
}

TEST(WorkbookTablesTest, NamesAndStylesATable) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(
      fakes::Reply(200, R"({"id":"4","name":"OdooOrders","style":"TableStyleMedium4"})"));

  auto table = h.workbook.UpdateTable("4", "OdooOrders", "TableStyleMedium4");

  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(table->name, "OdooOrders");
  EXPECT_EQ(h.Call(0).method, http::Method::kPatch);
  EXPECT_EQ(fakes::GraphPath(h.Call(0)), std::string(kWorkbookPath) + "/tables/4");
  EXPECT_EQ(h.Call(0).body, R"({"name":"OdooOrders","style":"TableStyleMedium4"})");
}

TEST(WorkbookTablesTest, ExplainsATableNameThatIsTaken) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(fakes::GraphError(409, "conflict", "x", "ItemAlreadyExists"));

  auto table = h.workbook.UpdateTable("4", "OdooOrders", "TableStyleMedium2");

  ASSERT_FALSE(table);
  EXPECT_EQ(table.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(table.error().message,
            "A table or defined name called \"OdooOrders\" already exists in \"Sales.xlsx\": "
            "choose another table name.");
}

TEST(WorkbookTablesTest, ExplainsANameOrStyleExcelRefuses) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(fakes::GraphError(400, "badRequest", "x", "InvalidArgument"));

  auto table = h.workbook.UpdateTable("4", "OdooOrders", "TableStyleFancy");

  ASSERT_FALSE(table);
  EXPECT_EQ(table.error().upstream, "InvalidArgument");
  EXPECT_EQ(table.error().message,
            "Excel does not accept the table name \"OdooOrders\" with the style "
            "\"TableStyleFancy\": use a name no other table or defined name in \"Sales.xlsx\" "
            "has and a built-in style such as TableStyleMedium2.");
}

TEST(WorkbookTablesTest, ReadsATablesAddressAndSize) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(
      fakes::Reply(200, R"({"address":"Orders!A1:K101","rowCount":101,"columnCount":11})"));

  auto extent = h.workbook.TableRange("{6D18}");

  ASSERT_TRUE(extent) << extent.error().message;
  EXPECT_EQ(extent->address, "Orders!A1:K101");
  EXPECT_EQ(extent->row_count, 101);
  EXPECT_EQ(extent->column_count, 11);
  EXPECT_EQ(
      fakes::GraphPath(h.Call(0)),
      std::string(kWorkbookPath) + "/tables/%7B6D18%7D/range?$select=address,rowCount,columnCount");
}

TEST(WorkbookTablesTest, RefusesATableRangeWithoutItsSize) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(200, R"({"address":"Orders!A1:K101"})"));

  auto extent = h.workbook.TableRange("4");

  ASSERT_FALSE(extent);
  EXPECT_EQ(extent.error().message,
            "Excel answered in an unexpected form while reading the size of a table in "
            "\"Sales.xlsx\": try again in a few minutes.");
}

TEST(WorkbookTablesTest, ListsATablesColumnsWithoutTheirValues) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(
      200,
      R"({"value":[{"id":"1","index":0,"name":"Order"},{"id":"3","index":1,"name":"Total"}]})"));

  auto columns = h.workbook.ListTableColumns("4");

  ASSERT_TRUE(columns) << columns.error().message;
  ASSERT_THAT(*columns, SizeIs(2));
  EXPECT_EQ((*columns)[1].id, "3");
  EXPECT_EQ((*columns)[1].index, 1);
  EXPECT_EQ((*columns)[1].name, "Total");
  EXPECT_EQ(fakes::GraphPath(h.Call(0)),
            std::string(kWorkbookPath) + "/tables/4/columns?$select=id,index,name");
}

TEST(WorkbookTablesTest, AddsAColumnAtAPlaceOrAfterTheLast) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(201, R"({"id":"5","index":2,"name":"Email"})"));
  h.http.Enqueue(fakes::Reply(201, R"({"id":"6","index":4,"name":"City"})"));

  ASSERT_TRUE(h.workbook.AddTableColumn("4", 2, "Email"));
  ASSERT_TRUE(h.workbook.AddTableColumn("4", std::nullopt, "City"));

  EXPECT_EQ(h.Call(0).method, http::Method::kPost);
  EXPECT_EQ(fakes::GraphPath(h.Call(0)), std::string(kWorkbookPath) + "/tables/4/columns/add");
  EXPECT_EQ(h.Call(0).body, R"({"index":2,"name":"Email"})");
  EXPECT_EQ(h.Call(1).body, R"({"index":null,"name":"City"})");
}

TEST(WorkbookTablesTest, RepeatsAColumnAddOnlyWhenTheReReadShowsItMissing) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(Timeout());
  h.http.Enqueue(fakes::Reply(201, "{}"));
  int checks = 0;

  ASSERT_TRUE(h.workbook.AddTableColumn("4", 2, "Email", [&]() -> core::Result<bool> {
    ++checks;
    return false;
  }));

  EXPECT_EQ(checks, 1);
  EXPECT_EQ(h.Calls(), 2u);
}

TEST(WorkbookTablesTest, DeletesAColumnById) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(204));

  ASSERT_TRUE(h.workbook.DeleteTableColumn("4", "3"));

  EXPECT_EQ(h.Call(0).method, http::Method::kDelete);
  EXPECT_EQ(fakes::GraphPath(h.Call(0)), std::string(kWorkbookPath) + "/tables/4/columns/3");
}

TEST(WorkbookTablesTest, NeverReplaysAnUnansweredColumnDeleteWithoutAReRead) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(Timeout());

  auto deleted = h.workbook.DeleteTableColumn("4", "3");

  ASSERT_FALSE(deleted);
  EXPECT_EQ(deleted.error().message,
            "Microsoft Graph took too long while deleting a column of a table in \"Sales.xlsx\": "
            "try again, and if it repeats, export fewer rows per request.");
  EXPECT_EQ(h.Calls(), 1u);
}

}  // namespace
}  // namespace xlsync::msgraph
