// GraphSheetSink in table mode: the named table is created once, kept and resized (msgraph.md
// §6.7).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sync/graph_sheet_sink.h"
#include "tests/unit/sync/sink_harness.h"

namespace xlsync::sync {
namespace {

using fakes::DigestOf;
using fakes::ExistingTable;
using fakes::kColumns;
using fakes::kSheets;
using fakes::Rows;
using fakes::SinkHarness;
using fakes::TableOptions;
using fakes::Values;
using ::testing::ElementsAre;

TEST(GraphSheetSinkTableTest, CreatesTheNamedTableOnTheFirstRun) {
  SinkHarness h(TableOptions(2));
  h.Reply(kSheets);
  h.Reply(R"({"value":[]})");
  h.Reply(R"({"value":[]})");
  h.BlankSheet();
  h.Reply();
  h.Reply();
  h.Reply(R"({"id":"1","name":"Table1","style":"TableStyleMedium2"})", 201);
  h.Reply(R"({"id":"1","name":"OdooOrders","style":"TableStyleMedium4"})");
  h.Reply();
  h.Reply();
  h.Header({"Customer", "Total", "Status"});
  h.TableRange("Sheet1!A1:C3", 3, 3);
  h.Reply(Values(1, 2));

  ASSERT_TRUE(h.sink.Begin(kColumns));
  ASSERT_TRUE(h.sink.Write(Rows(1, 2)));
  ASSERT_TRUE(h.sink.Finish());
  auto verified = h.sink.Verify(2, DigestOf(Rows(1, 2)));

  ASSERT_TRUE(verified) << verified.error().message;
  EXPECT_THAT(h.Lines(), ElementsAre("GET /worksheets", "GET /sheet/tables", "GET /tables",
                                     "GET /sheet/usedRange(valuesOnly=true)?$select=address",
                                     "GET /sheet/range(address='A1')?$select=values",
                                     "PATCH /sheet/range(address='A1:C1')",
                                     "PATCH /sheet/range(address='A1:C1')/format/font",
                                     "POST /sheet/tables/add", "PATCH /tables/1",
                                     "PATCH /sheet/range(address='A2:C3')",
                                     "POST /sheet/range(address='A:C')/format/autofitColumns",
                                     "GET /sheet/range(address='A1:C1')?$select=values",
                                     "GET /tables/1/range?$select=address,rowCount,columnCount",
                                     "GET /sheet/range(address='A2:C3')?$select=values"));
  EXPECT_EQ(h.Body(7), R"({"address":"Sheet1!A1:C3","hasHeaders":true})");
  EXPECT_EQ(h.Body(8), R"({"name":"OdooOrders","style":"TableStyleMedium4"})");
}

TEST(GraphSheetSinkTableTest, KeepsTheTableAndGrowsItToTheExpectedRowsWithOneInsert) {
  SinkHarness h(TableOptions(5));
  ExistingTable(h, "A1:C3", 3, 3, {"Customer", "Total", "Status"});
  for (int i = 0; i < 6; ++i) h.Reply();  // clear, header, bold, insert, data, autofit

  ASSERT_TRUE(h.sink.Begin(kColumns));
  ASSERT_TRUE(h.sink.Write(Rows(1, 5)));
  ASSERT_TRUE(h.sink.Finish());

  EXPECT_THAT(h.Lines(), ElementsAre("GET /worksheets", "GET /sheet/tables",
                                     "GET /tables/1/range?$select=address,rowCount,columnCount",
                                     "GET /sheet/usedRange(valuesOnly=true)?$select=address",
                                     "GET /sheet/range(address='A1:C1')?$select=values",
                                     "POST /sheet/range(address='A2:C3')/clear",
                                     "PATCH /sheet/range(address='A1:C1')",
                                     "PATCH /sheet/range(address='A1:C1')/format/font",
                                     "POST /sheet/range(address='A3:C5')/insert",
                                     "PATCH /sheet/range(address='A2:C6')",
                                     "POST /sheet/range(address='A:C')/format/autofitColumns"));
  EXPECT_EQ(h.Body(8), R"({"shift":"Down"})");
}

TEST(GraphSheetSinkTableTest, GrowsTheTableAgainBeforeAChunkOfRecordsCreatedDuringTheRun) {
  SinkHarness h(TableOptions(2, /*max_cells=*/6));  // two rows a chunk
  ExistingTable(h, "A1:C3", 3, 3, {"Customer", "Total", "Status"});
  for (int i = 0; i < 8; ++i) h.Reply();

  ASSERT_TRUE(h.sink.Begin(kColumns));
  ASSERT_TRUE(h.sink.Write(Rows(1, 2)));
  ASSERT_TRUE(h.sink.Write(Rows(3, 2)));
  ASSERT_TRUE(h.sink.Finish());

  const auto lines = h.Lines();
  ASSERT_EQ(lines.size(), 13u);
  // The table's last body row (3) waits, so the table can grow by inserting there.
  EXPECT_EQ(lines[8], "PATCH /sheet/range(address='A2:C2')");
  EXPECT_EQ(lines[9], "POST /sheet/range(address='A3:C4')/insert");
  EXPECT_EQ(lines[10], "PATCH /sheet/range(address='A3:C4')");
  EXPECT_EQ(lines[11], "PATCH /sheet/range(address='A5:C5')");
  EXPECT_EQ(lines[12], "POST /sheet/range(address='A:C')/format/autofitColumns");
}

TEST(GraphSheetSinkTableTest, ShrinksTheTableToTheExpectedAndThenToTheWrittenRows) {
  SinkHarness h(TableOptions(3));
  ExistingTable(h, "A1:C11", 11, 3, {"Customer", "Total", "Status"});
  for (int i = 0; i < 7; ++i) h.Reply();  // clear, header, bold, delete, data, delete, autofit

  ASSERT_TRUE(h.sink.Begin(kColumns));
  ASSERT_TRUE(h.sink.Write(Rows(1, 1)));
  ASSERT_TRUE(h.sink.Finish());

  const auto lines = h.Lines();
  ASSERT_EQ(lines.size(), 12u);
  EXPECT_EQ(lines[5], "POST /sheet/range(address='A2:C11')/clear");
  EXPECT_EQ(lines[8], "POST /sheet/range(address='A5:C11')/delete");
  EXPECT_EQ(h.Body(8), R"({"shift":"Up"})");
  EXPECT_EQ(lines[9], "PATCH /sheet/range(address='A2:C2')");
  EXPECT_EQ(lines[10], "POST /sheet/range(address='A3:C4')/delete");
}

TEST(GraphSheetSinkTableTest, ChangesTheTablesOwnColumnsAndLeavesTheUsersCalculatedColumn) {
  SinkHarness h(TableOptions(2));
  ExistingTable(h, "A1:D3", 3, 4, {"Customer", "Total", "Status", "Double"});
  h.Reply(R"({"value":[{"id":"1","index":0,"name":"Customer"},{"id":"2","index":1,"name":"Total"},)"
          R"({"id":"3","index":2,"name":"Status"},{"id":"4","index":3,"name":"Double"}]})");
  h.Reply("", 204);
  h.Reply(R"({"id":"5","index":1,"name":"Email"})", 201);
  for (int i = 0; i < 3; ++i) h.Reply();  // clear, header, bold
  const std::vector<core::Column> columns{kColumns[0], {"email", "Email", ""}, kColumns[2]};

  ASSERT_TRUE(h.sink.Begin(columns));

  const auto lines = h.Lines();
  ASSERT_EQ(lines.size(), 11u);
  EXPECT_EQ(lines[5], "GET /tables/1/columns?$select=id,index,name");
  EXPECT_EQ(lines[6], "DELETE /tables/1/columns/2");
  EXPECT_EQ(lines[7], "POST /tables/1/columns/add");
  EXPECT_EQ(h.Body(7), R"({"index":1,"name":"Email"})");
  EXPECT_EQ(lines[8], "POST /sheet/range(address='A2:C3')/clear");
  EXPECT_EQ(lines[9], "PATCH /sheet/range(address='A1:C1')");
}

TEST(GraphSheetSinkTableTest, RefusesATableOfThatNameOnAnotherSheet) {
  SinkHarness h(TableOptions(2));
  h.Reply(kSheets);
  h.Reply(R"({"value":[]})");
  h.Reply(R"({"value":[{"id":"9","name":"odooorders","style":"TableStyleLight1"}]})");
  h.TableRange("Summary!B2:D9", 8, 3);

  auto begun = h.sink.Begin(kColumns);

  ASSERT_FALSE(begun);
  EXPECT_EQ(begun.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(begun.error().upstream, "tableElsewhere");
  EXPECT_EQ(begun.error().message,
            "The table \"OdooOrders\" is on the sheet \"Summary\" (Summary!B2:D9), not on "
            "\"Sheet1\": set the "
            "task's sheet to \"Summary\" or choose another table name.");
  EXPECT_EQ(h.Calls(), 4u);  // nothing written
}

TEST(GraphSheetSinkTableTest, RefusesATableThatDoesNotStartAtA1) {
  SinkHarness h(TableOptions(2));
  h.Reply(kSheets);
  h.Reply(R"({"value":[{"id":"1","name":"OdooOrders"}]})");
  h.TableRange("Sheet1!C3:E9", 7, 3);

  auto begun = h.sink.Begin(kColumns);

  ASSERT_FALSE(begun);
  EXPECT_EQ(begun.error().message,
            "The table \"OdooOrders\" on the sheet \"Sheet1\" starts at C3, not at A1: move it to "
            "A1 or choose "
            "another table name.");
}

TEST(GraphSheetSinkTableTest, StartsOverWhenAContinuedTableHasNoFreeRowBelowTheKeptRows) {
  SinkHarness h(TableOptions(2));
  h.Reply(kSheets);
  h.Header({"Customer", "Total", "Status"});
  h.Reply(R"({"value":[{"id":"1","name":"OdooOrders"}]})");
  h.TableRange("Sheet1!A1:C3", 3, 3);

  auto continued = h.sink.Continue(kColumns, 2, 3);

  ASSERT_FALSE(continued);
  EXPECT_EQ(continued.error().upstream, "tableFull");
  EXPECT_EQ(
      continued.error().message,
      "The table \"OdooOrders\" has no free row below the 2 rows kept, so the run starts over.");
}

TEST(GraphSheetSinkTableTest, AContinuedTableRunReReadsTheTableAndShedsRowsOfTheEarlierAttempt) {
  SinkHarness h(TableOptions(4));
  h.Reply(kSheets);
  h.Header({"Customer", "Total", "Status"});
  h.Reply(R"({"value":[{"id":"1","name":"OdooOrders"}]})");
  h.TableRange("Sheet1!A1:C7", 7, 3);     // 6 body rows from the earlier attempt
  for (int i = 0; i < 3; ++i) h.Reply();  // data, delete, autofit

  ASSERT_TRUE(h.sink.Continue(kColumns, 2, 3));
  ASSERT_TRUE(h.sink.Write(Rows(3, 1)));
  ASSERT_TRUE(h.sink.Finish());

  const auto lines = h.Lines();
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[3], "GET /tables/1/range?$select=address,rowCount,columnCount");
  EXPECT_EQ(lines[4], "PATCH /sheet/range(address='A4:C4')");
  EXPECT_EQ(lines[5], "POST /sheet/range(address='A5:C7')/delete");
}

}  // namespace
}  // namespace xlsync::sync
