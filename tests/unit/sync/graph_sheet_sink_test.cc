// GraphSheetSink's requests, in order, for the sheet layouts a user meets (msgraph.md §6.4, §6.8).
#include "sync/graph_sheet_sink.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>

#include "tests/unit/sync/sink_harness.h"

namespace xlsync::sync {
namespace {

using fakes::DigestOf;
using fakes::kColumns;
using fakes::kSheets;
using fakes::Rows;
using fakes::SinkHarness;
using fakes::Values;
using ::testing::ElementsAre;

TEST(GraphSheetSinkTest, WritesABoldHeaderAndFitsTheWidthsOnAFreshSheet) {
  SinkHarness h;
  h.Reply(kSheets);
  h.BlankSheet();
  for (int i = 0; i < 4; ++i) h.Reply();  // header, bold, data, autofit
  h.Header({"Customer", "Total", "Status"});
  h.Used("A1:C3");
  h.Reply(Values(1, 2));

  ASSERT_TRUE(h.sink.Begin(kColumns));
  ASSERT_TRUE(h.sink.Write(Rows(1, 2)));
  ASSERT_TRUE(h.sink.Finish());
  auto verified = h.sink.Verify(2, DigestOf(Rows(1, 2)));

  ASSERT_TRUE(verified) << verified.error().message;
  EXPECT_THAT(h.Lines(), ElementsAre("GET /worksheets",
                                     "GET /sheet/usedRange(valuesOnly=true)?$select=address",
                                     "GET /sheet/range(address='A1')?$select=values",
                                     "PATCH /sheet/range(address='A1:C1')",
                                     "PATCH /sheet/range(address='A1:C1')/format/font",
                                     "PATCH /sheet/range(address='A2:C3')",
                                     "POST /sheet/range(address='A:C')/format/autofitColumns",
                                     "GET /sheet/range(address='A1:C1')?$select=values",
                                     "GET /sheet/usedRange(valuesOnly=true)?$select=address",
                                     "GET /sheet/range(address='A2:C3')?$select=values"));
  EXPECT_EQ(h.Body(4), R"({"bold":true})");
  EXPECT_EQ(h.Body(6), "");
}

TEST(GraphSheetSinkTest, ARangeReadAnsweredWithoutValuesFailsTheProofInPlainWords) {
  SinkHarness h;
  h.Reply(kSheets);
  h.BlankSheet();
  for (int i = 0; i < 4; ++i) h.Reply();  // header, bold, data, autofit
  h.Header({"Customer", "Total", "Status"});
  h.Used("A1:C3");
  h.Reply(R"({"address":"Sheet1!A2:C3"})");

  ASSERT_TRUE(h.sink.Begin(kColumns));
  ASSERT_TRUE(h.sink.Write(Rows(1, 2)));
  ASSERT_TRUE(h.sink.Finish());
  auto verified = h.sink.Verify(2, DigestOf(Rows(1, 2)));

  ASSERT_FALSE(verified);
  EXPECT_EQ(verified.error().code, core::ErrorCode::kUnavailable);
  EXPECT_EQ(verified.error().message,
            "Excel answered a read of sheet \"Sheet1\" in an unexpected form: try again in a few minutes.");
  EXPECT_EQ(verified.error().upstream, "rangeValues");
}

TEST(GraphSheetSinkTest, ReadsBackInPagesOfTheCellBudgetAndHalvesOneExcelFindsTooLargeToAnswer) {
  GraphSinkOptions options;
  options.verify_cells_per_read = 12;  // 4 rows of 3 cells
  SinkHarness h(options);
  h.Reply(kSheets);
  h.BlankSheet();
  for (int i = 0; i < 4; ++i) h.Reply();  // header, bold, data, autofit
  h.Header({"Customer", "Total", "Status"});
  h.Used("A1:C9");
  h.Reply(R"({"error":{"code":"ResponsePayloadSizeLimitExceeded","message":"The size of the payload exceeded the limit.",)"
          R"("innerError":{"code":"responsePayloadSizeLimitExceeded","message":"The size of the payload exceeded the limit."}}})",
          413);
  for (int first = 1; first <= 7; first += 2) h.Reply(Values(first, 2));

  ASSERT_TRUE(h.sink.Begin(kColumns));
  ASSERT_TRUE(h.sink.Write(Rows(1, 8)));
  ASSERT_TRUE(h.sink.Finish());
  auto verified = h.sink.Verify(8, DigestOf(Rows(1, 8)));

  ASSERT_TRUE(verified) << verified.error().message;
  const auto lines = h.Lines();
  ASSERT_EQ(lines.size(), 14u);
  EXPECT_THAT(std::vector<std::string>(lines.begin() + 9, lines.end()),
              ElementsAre("GET /sheet/range(address='A2:C5')?$select=values",
                          "GET /sheet/range(address='A2:C3')?$select=values",
                          "GET /sheet/range(address='A4:C5')?$select=values",
                          "GET /sheet/range(address='A6:C7')?$select=values",
                          "GET /sheet/range(address='A8:C9')?$select=values"));
}

// Rows in the first two data PATCHes when Excel answers the first one with `answer`.
std::pair<int, int> FirstChunksAfterAnAnswerOf(const std::string& answer) {
  GraphSinkOptions options;
  options.budget.max_cells = 300;  // 100 rows: Excel's answer, not the cells, cuts the chunks
  options.budget.ceiling_cells = 3'000;
  options.budget.max_answer_bytes = 1'500;
  SinkHarness h(options);
  h.Reply(kSheets);
  h.BlankSheet();
  h.Reply();  // header
  h.Reply();  // bold
  h.Reply(answer);
  for (int i = 0; i < 40; ++i) h.Reply();
  EXPECT_TRUE(h.sink.Begin(kColumns));
  EXPECT_TRUE(h.sink.Write(Rows(1, 40)));
  EXPECT_TRUE(h.sink.Finish());
  std::vector<int> rows;
  for (const auto& line : h.Lines()) {
    int first = 0;
    int last = 0;
    if (std::sscanf(line.c_str(), "PATCH /sheet/range(address='A%d:C%d')", &first, &last) == 2 && first > 1) {
      rows.push_back(last - first + 1);
    }
  }
  EXPECT_GE(rows.size(), 2u);
  return rows.size() < 2 ? std::pair{0, 0} : std::pair{rows[0], rows[1]};
}

TEST(GraphSheetSinkTest, SizesLaterChunksByTheAnswersExcelReallySent) {
  const auto [first, after_short] = FirstChunksAfterAnAnswerOf("{}");
  EXPECT_GT(first, 1);
  EXPECT_GE(after_short, 2 * first - 1);  // an answer far below the estimate: twice the rows
  const auto [same_first, after_long] = FirstChunksAfterAnAnswerOf("{\"text\":\"" + std::string(20'000, 'x') + "\"}");
  EXPECT_EQ(same_first, first);
  EXPECT_LE(after_long, (first + 1) / 2);  // far above: half the rows
}

TEST(GraphSheetSinkTest, LeavesTheUsersColumnsToTheRightAlone) {
  SinkHarness h;
  h.Reply(kSheets);
  h.Used("A1:D6");
  h.Header({"Customer", "Total", "Status", "Double"});
  for (int i = 0; i < 5; ++i) h.Reply();  // clear, header, bold, data, autofit
  h.Header({"Customer", "Total", "Status"});
  h.Used("A1:D6");
  h.Reply(R"({"values":[["","",""],[null,"",""]]})");
  h.Reply(Values(1, 3));

  ASSERT_TRUE(h.sink.Begin(kColumns));
  ASSERT_TRUE(h.sink.Write(Rows(1, 3)));
  ASSERT_TRUE(h.sink.Finish());
  auto verified = h.sink.Verify(3, DigestOf(Rows(1, 3)));

  ASSERT_TRUE(verified) << verified.error().message;
  EXPECT_THAT(
      h.Lines(),
      ElementsAre("GET /worksheets", "GET /sheet/usedRange(valuesOnly=true)?$select=address",
                  "GET /sheet/range(address='A1:D1')?$select=values",
                  "POST /sheet/range(address='A2:C6')/clear", "PATCH /sheet/range(address='A1:C1')",
                  "PATCH /sheet/range(address='A1:C1')/format/font",
                  "PATCH /sheet/range(address='A2:C4')",
                  "POST /sheet/range(address='A:C')/format/autofitColumns",
                  "GET /sheet/range(address='A1:C1')?$select=values",
                  "GET /sheet/usedRange(valuesOnly=true)?$select=address",
                  "GET /sheet/range(address='A5:C6')?$select=values",
                  "GET /sheet/range(address='A2:C4')?$select=values"));
}

TEST(GraphSheetSinkTest, VerifyFindsOldValuesLeftBelowTheDataInTheOwnColumns) {
  SinkHarness h;
  h.Reply(kSheets);
  h.Used("A1:D6");
  h.Header({"Customer", "Total", "Status", "Double"});
  for (int i = 0; i < 5; ++i) h.Reply();
  h.Header({"Customer", "Total", "Status"});
  h.Used("A1:D6");
  h.Reply(R"({"values":[["","",""],["Acme 9","",""]]})");

  ASSERT_TRUE(h.sink.Begin(kColumns));
  ASSERT_TRUE(h.sink.Write(Rows(1, 3)));
  ASSERT_TRUE(h.sink.Finish());
  auto verified = h.sink.Verify(3, DigestOf(Rows(1, 3)));

  ASSERT_FALSE(verified);
  EXPECT_EQ(verified.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(verified.error().message,
            "Sheet \"Sheet1\" does not match the source: columns A to C still hold values below "
            "the 3 rows "
            "written; run the export again.");
}

TEST(GraphSheetSinkTest, ClearsTheWholeUsedRangeOfASheetXlsyncDidNotWrite) {
  SinkHarness h;
  h.Reply(kSheets);
  h.Used("A1:B9");
  h.Header({"Name", "Phone"});
  for (int i = 0; i < 3; ++i) h.Reply();

  ASSERT_TRUE(h.sink.Begin(kColumns));

  EXPECT_THAT(
      h.Lines(),
      ElementsAre("GET /worksheets", "GET /sheet/usedRange(valuesOnly=true)?$select=address",
                  "GET /sheet/range(address='A1:B1')?$select=values",
                  "POST /sheet/range(address='A1:B9')/clear", "PATCH /sheet/range(address='A1:C1')",
                  "PATCH /sheet/range(address='A1:C1')/format/font"));
}

TEST(GraphSheetSinkTest, InsertsAColumnForAnAddedFieldSoTheUsersColumnsMoveRight) {
  SinkHarness h;
  h.Reply(kSheets);
  h.Used("A1:D6");
  h.Header({"Customer", "Total", "Status", "Double"});
  for (int i = 0; i < 5; ++i) h.Reply();  // insert, clear, header, bold, autofit
  std::vector<core::Column> columns = kColumns;
  columns.insert(columns.begin() + 1, core::Column{"email", "Email", ""});

  ASSERT_TRUE(h.sink.Begin(columns));
  ASSERT_TRUE(h.sink.Finish());

  EXPECT_THAT(
      h.Lines(),
      ElementsAre("GET /worksheets", "GET /sheet/usedRange(valuesOnly=true)?$select=address",
                  "GET /sheet/range(address='A1:D1')?$select=values",
                  "POST /sheet/range(address='B1:B6')/insert",
                  "POST /sheet/range(address='A2:D6')/clear", "PATCH /sheet/range(address='A1:D1')",
                  "PATCH /sheet/range(address='A1:D1')/format/font",
                  "POST /sheet/range(address='A:D')/format/autofitColumns"));
  EXPECT_EQ(h.Body(3), R"({"shift":"Right"})");
}

TEST(GraphSheetSinkTest, DeletesTheColumnOfARemovedFieldSoTheUsersColumnsMoveLeft) {
  SinkHarness h;
  h.Reply(kSheets);
  h.Used("A1:D6");
  h.Header({"Customer", "Total", "Status", "Double"});
  for (int i = 0; i < 4; ++i) h.Reply(i == 0 ? "" : "{}", i == 0 ? 204 : 200);
  const std::vector<core::Column> columns{kColumns[0], kColumns[2]};

  ASSERT_TRUE(h.sink.Begin(columns));

  EXPECT_THAT(
      h.Lines(),
      ElementsAre("GET /worksheets", "GET /sheet/usedRange(valuesOnly=true)?$select=address",
                  "GET /sheet/range(address='A1:D1')?$select=values",
                  "POST /sheet/range(address='B1:B6')/delete",
                  "POST /sheet/range(address='A2:B6')/clear", "PATCH /sheet/range(address='A1:B1')",
                  "PATCH /sheet/range(address='A1:B1')/format/font"));
  EXPECT_EQ(h.Body(3), R"({"shift":"Left"})");
}

TEST(GraphSheetSinkTest, RepeatsAColumnInsertOnlyWhenTheHeaderShowsItDidNotHappen) {
  SinkHarness h;
  h.Reply(kSheets);
  h.Used("A1:D6");
  h.Header({"Customer", "Total", "Status", "Double"});
  h.http.Enqueue(fakes::GraphError(504, "gatewayTimeout", "x", "MaxRequestDurationExceeded"));
  h.Header({"Customer", "Total", "Status", "Double", ""});
  for (int i = 0; i < 4; ++i) h.Reply();  // insert, clear, header, bold
  std::vector<core::Column> columns = kColumns;
  columns.insert(columns.begin() + 1, core::Column{"email", "Email", ""});

  ASSERT_TRUE(h.sink.Begin(columns));

  const auto lines = h.Lines();
  ASSERT_EQ(lines.size(), 9u);
  EXPECT_EQ(lines[3], "POST /sheet/range(address='B1:B6')/insert");
  EXPECT_EQ(lines[4], "GET /sheet/range(address='A1:E1')?$select=values");
  EXPECT_EQ(lines[5], "POST /sheet/range(address='B1:B6')/insert");
}

}  // namespace
}  // namespace xlsync::sync
