#include "msgraph/workbook.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/msgraph/graph_test_support.h"

namespace xlsync::msgraph {
namespace {

using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::SizeIs;

constexpr char kSheetPath[] =
    "/drives/b!d/items/01A/workbook/worksheets/%7B00000000-0001-0000-0000-000000000000%7D";

constexpr char kSheets[] =
    R"({"value":[{"id":"{00000000-0001-0000-0000-000000000000}","name":"Sheet1","position":0,)"
    R"("visibility":"Visible"},{"id":"{7A1C0D2E-0000-4000-8000-000000000002}","name":"Orders",)"
    R"("position":1,"visibility":"Visible"}]})";

/// A workbook whose session is already open, so each test scripts only its own calls.
struct WorkbookHarness : fakes::GraphHarness {
  Workbook workbook{graph, clock, sleeper, DriveItem{"b!d", "01A", "Sales.xlsx", "", false}};
  const Worksheet sheet{"{00000000-0001-0000-0000-000000000000}", "Sheet1", 0};

  WorkbookHarness() {
    EnqueueToken();
    http.Enqueue(fakes::Reply(201, R"({"id":"s1","persistChanges":true})"));
    EXPECT_TRUE(workbook.Open());
  }
  /// The i-th request after the token and the createSession.
  http::Request Call(size_t i) const { return http.requests().at(2 + i); }
  size_t Calls() const { return http.requests().size() - 2; }
};

TEST(WorkbookTest, ListsWorksheetsWithTheirBracedIds) {
  WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(200, kSheets));

  auto sheets = h.workbook.Worksheets();

  ASSERT_TRUE(sheets) << sheets.error().message;
  ASSERT_THAT(*sheets, SizeIs(2));
  EXPECT_EQ((*sheets)[1].id, "{7A1C0D2E-0000-4000-8000-000000000002}");
  EXPECT_EQ((*sheets)[1].name, "Orders");
  EXPECT_EQ((*sheets)[1].position, 1);
  EXPECT_EQ(fakes::GraphPath(h.Call(0)), "/drives/b!d/items/01A/workbook/worksheets");
}

TEST(WorkbookTest, PercentEncodesTheWorksheetIdAndTheAddressInRangeUrls) {
  WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(200, R"({"address":"Sheet1!A2:C3"})"));

  auto written = h.workbook.PatchRange(h.sheet, "A2:C3", R"({"values":[[1,2,3],[4,5,6]]})");

  ASSERT_TRUE(written) << written.error().message;
  EXPECT_EQ(h.Call(0).method, http::Method::kPatch);
  EXPECT_EQ(fakes::GraphPath(h.Call(0)), std::string(kSheetPath) + "/range(address='A2%3AC3')");
  EXPECT_EQ(h.Call(0).body, R"({"values":[[1,2,3],[4,5,6]]})");
  EXPECT_EQ(h.Call(0).headers.Get("Content-Type"), "application/json");
  EXPECT_EQ(h.Call(0).headers.Get("workbook-session-id"), "s1");
}

TEST(WorkbookTest, DoublesSingleQuotesInTheAddressLiteral) {
  const Worksheet sheet{"{1}", "x", 0};
  EXPECT_EQ(RangePath(sheet, "'Q1 ''Sales'''!A1:B2"),
            "/worksheets/%7B1%7D/"
            "range(address='%27%27Q1%20%27%27%27%27Sales%27%27%27%27%27%27%21A1%3AB2')");
}

TEST(WorkbookTest, RetriesAPatchAfterA504) {
  WorkbookHarness h;
  h.http.Enqueue(fakes::GraphError(504, "UnknownError", "", "MaxRequestDurationExceeded"));
  h.http.Enqueue(fakes::Reply(200, "{}"));

  ASSERT_TRUE(h.workbook.PatchRange(h.sheet, "A1:B1", R"({"values":[[1,2]]})"));
  EXPECT_EQ(h.Calls(), 2u);
  EXPECT_THAT(h.sleeper.waits(), SizeIs(1));
  EXPECT_EQ(h.workbook.sessions_created(), 1);
}

TEST(WorkbookTest, RetriesAPatchAfterA429HonouringRetryAfter) {
  WorkbookHarness h;
  h.http.Enqueue(fakes::GraphError(429, "tooManyRequests", "x", "", {{"Retry-After", "2"}}));
  h.http.Enqueue(fakes::Reply(200, "{}"));

  ASSERT_TRUE(h.workbook.PatchRange(h.sheet, "A1:B1", R"({"values":[[1,2]]})"));
  ASSERT_THAT(h.sleeper.waits(), SizeIs(1));
  EXPECT_GE(h.sleeper.waits()[0], 2s);
}

TEST(WorkbookTest, ReportsATooLargePatchSoTheCallerCanHalveTheChunk) {
  WorkbookHarness h;
  h.http.Enqueue(fakes::GraphError(413, "payloadTooLarge", "x", "RequestPayloadSizeLimitExceeded"));

  auto written = h.workbook.PatchRange(h.sheet, "A2:J20001", "{}");

  ASSERT_FALSE(written);
  EXPECT_TRUE(IsPayloadTooLarge(written.error()));
  EXPECT_EQ(written.error().upstream, "RequestPayloadSizeLimitExceeded");
  EXPECT_EQ(written.error().message,
            "The request was too large for Excel for the web while writing A2:J20001 on the "
            "sheet \"Sheet1\": send fewer rows per request.");
  EXPECT_EQ(h.Calls(), 1u);
}

TEST(WorkbookTest, ClearsValuesAndFormats) {
  WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(204));

  ASSERT_TRUE(h.workbook.ClearRange(h.sheet, "A2:J100000"));
  EXPECT_EQ(h.Call(0).method, http::Method::kPost);
  EXPECT_EQ(fakes::GraphPath(h.Call(0)),
            std::string(kSheetPath) + "/range(address='A2%3AJ100000')/clear");
  EXPECT_EQ(h.Call(0).body, R"({"applyTo":"All"})");
}

TEST(WorkbookTest, ReadsTheUsedRangeAsABareAddress) {
  WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(200, R"({"address":"'My Sheet'!A1:J200"})"));

  auto used = h.workbook.UsedRange(h.sheet);

  ASSERT_TRUE(used) << used.error().message;
  EXPECT_EQ(*used, "A1:J200");
  EXPECT_EQ(fakes::GraphPath(h.Call(0)),
            std::string(kSheetPath) + "/usedRange(valuesOnly=true)?$select=address");
}

TEST(WorkbookTest, ReadsABlankSheetsUsedRangeAsNothing) {
  WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(200, R"({"address":"Sheet1!A1"})"));
  h.http.Enqueue(fakes::Reply(200, R"({"values":[[""]]})"));

  auto used = h.workbook.UsedRange(h.sheet);

  ASSERT_TRUE(used) << used.error().message;
  EXPECT_EQ(*used, std::nullopt);
  EXPECT_EQ(fakes::GraphPath(h.Call(1)),
            std::string(kSheetPath) + "/range(address='A1')?$select=values");
}

TEST(WorkbookTest, ReadsASingleFilledCellAsAUsedRange) {
  WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(200, R"({"address":"Sheet1!C3"})"));
  h.http.Enqueue(fakes::Reply(200, R"({"values":[[7]]})"));

  auto used = h.workbook.UsedRange(h.sheet);

  ASSERT_TRUE(used) << used.error().message;
  EXPECT_EQ(*used, "C3");
}

TEST(WorkbookTest, GetsARangeWithTheSelectedProperties) {
  WorkbookHarness h;
  h.http.Enqueue(
      fakes::Reply(200, R"({"values":[["id","name"]],"numberFormat":[["General","@"]]})"));
  h.http.Enqueue(fakes::Reply(200, R"({"address":"Sheet1!A1:B1"})"));

  auto both = h.workbook.GetRange(h.sheet, "A1:B1", "values,numberFormat");
  auto all = h.workbook.GetRange(h.sheet, "A1:B1", "");

  ASSERT_TRUE(both) << both.error().message;
  EXPECT_EQ((*both)["values"][0][1], "name");
  EXPECT_EQ(fakes::GraphPath(h.Call(0)),
            std::string(kSheetPath) + "/range(address='A1%3AB1')?$select=values,numberFormat");
  ASSERT_TRUE(all);
  EXPECT_EQ(fakes::GraphPath(h.Call(1)), std::string(kSheetPath) + "/range(address='A1%3AB1')");
}

TEST(WorkbookTest, AddsAWorksheet) {
  WorkbookHarness h;
  h.http.Enqueue(
      fakes::Reply(201, R"({"id":"{NEW}","name":"Orders","position":2,"visibility":"Visible"})"));

  auto added = h.workbook.AddWorksheet("Orders");

  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(added->id, "{NEW}");
  EXPECT_EQ(added->position, 2);
  EXPECT_EQ(h.Call(0).method, http::Method::kPost);
  EXPECT_EQ(fakes::GraphPath(h.Call(0)), "/drives/b!d/items/01A/workbook/worksheets/add");
  EXPECT_EQ(h.Call(0).body, R"({"name":"Orders"})");
}

TEST(WorkbookTest, ExplainsAnInvalidSheetName) {
  WorkbookHarness h;
  h.http.Enqueue(fakes::GraphError(400, "InvalidArgument", "The argument is invalid or missing."));

  auto added = h.workbook.AddWorksheet("Q1/Q2");

  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_EQ(added.error().message,
            "Excel does not accept \"Q1/Q2\" as a sheet name: use 1 to 31 characters without "
            "\\ / ? * [ ] : and not starting or ending with an apostrophe.");
}

TEST(WorkbookTest, ExplainsASheetNameThatIsTaken) {
  WorkbookHarness h;
  h.http.Enqueue(fakes::GraphError(409, "ItemAlreadyExists",
                                   "A resource with the same name or identifier already exists."));

  auto added = h.workbook.AddWorksheet("Orders");

  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(
      added.error().message,
      "A sheet named \"Orders\" already exists in \"Sales.xlsx\": choose another sheet name.");
}

TEST(WorkbookTest, FindsAnExistingSheetIgnoringCase) {
  WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(200, kSheets));
  bool created = true;

  auto sheet = h.workbook.FindOrAddWorksheet("ORDERS", &created);

  ASSERT_TRUE(sheet) << sheet.error().message;
  EXPECT_EQ(sheet->id, "{7A1C0D2E-0000-4000-8000-000000000002}");
  EXPECT_FALSE(created);
  EXPECT_EQ(h.Calls(), 1u);
}

TEST(WorkbookTest, AddsTheSheetWhenNoneMatches) {
  WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(200, kSheets));
  h.http.Enqueue(fakes::Reply(200, R"({"id":"{NEW}","name":"Invoices","position":2})"));
  bool created = false;

  auto sheet = h.workbook.FindOrAddWorksheet("Invoices", &created);

  ASSERT_TRUE(sheet) << sheet.error().message;
  EXPECT_EQ(sheet->id, "{NEW}");
  EXPECT_TRUE(created);
}

TEST(WorkbookTest, FindsTheSheetAfterAnAddThatRacedAnotherEditor) {
  WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(200, kSheets));
  h.http.Enqueue(fakes::GraphError(409, "ItemAlreadyExists", "x"));
  h.http.Enqueue(fakes::Reply(200, R"({"value":[{"id":"{INV}","name":"Invoices","position":2}]})"));
  bool created = true;

  auto sheet = h.workbook.FindOrAddWorksheet("Invoices", &created);

  ASSERT_TRUE(sheet) << sheet.error().message;
  EXPECT_EQ(sheet->id, "{INV}");
  EXPECT_FALSE(created);
}

TEST(WorkbookTest, KeepsTheDriveItemItWasGiven) {
  WorkbookHarness h;
  EXPECT_EQ(h.workbook.item().name, "Sales.xlsx");
  EXPECT_EQ(h.workbook.item().drive_id, "b!d");
}

}  // namespace
}  // namespace xlsync::msgraph
