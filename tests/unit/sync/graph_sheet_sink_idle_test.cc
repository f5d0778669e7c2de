// GraphSheetSink reads acknowledged rows back while the writer waits (Idle), so Verify has only
// the rest to read, with the same GETs in all and the same proof (issue 7).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sync/graph_sheet_sink.h"
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

constexpr char kHeaderRead[] = "GET /sheet/range(address='A1:C1')?$select=values";
constexpr char kUsedRead[] = "GET /sheet/usedRange(valuesOnly=true)?$select=address";

/// Pages of 4 rows when reading back, chunks of 3 rows when writing.
GraphSinkOptions PagedOptions() {
  GraphSinkOptions options;
  options.verify_cells_per_read = 12;
  options.budget.max_cells = 9;
  options.budget.ceiling_cells = 9;
  options.budget.min_rows = 1;
  return options;
}

/// What Excel reads back for Rows(first, count), with data row `edited` (if among them) changed
/// by someone in the sheet.
std::string ReadBack(int first, int count, int edited = 0) {
  auto values = nlohmann::json::parse(Values(first, count));
  if (edited >= first && edited < first + count) values["values"][edited - first][0] = "Edited";
  return values.dump();
}

/// Range GETs of data rows (below the header), in order.
std::vector<std::string> DataReads(const std::vector<std::string>& lines) {
  std::vector<std::string> reads;
  for (const auto& line : lines) {
    const bool row_1 = line.starts_with("GET /sheet/range(address='A1:") ||
                       line.starts_with("GET /sheet/range(address='A1')");
    if (line.starts_with("GET /sheet/range(address='A") && !row_1) reads.push_back(line);
  }
  return reads;
}

std::string Read(const std::string& address) {
  return "GET /sheet/range(address='" + address + "')?$select=values";
}

/// Calls Idle until it has nothing to do; how many times it did some.
int IdleUntilDone(GraphSheetSink& sink) {
  int pages = 0;
  for (;;) {
    auto idle = sink.Idle();
    EXPECT_TRUE(idle) << idle.error().message;
    if (!idle || !*idle) return pages;
    ++pages;
  }
}

struct TenRows {
  core::Result<void> verified;
  std::vector<std::string> reads;         // every range GET of data rows
  std::vector<std::string> verify_lines;  // every request Verify made
  int idle_pages = 0;
};

/// Writes rows 1-10 to a fresh sheet in two Writes (6, then 4) and verifies them; with `idle`
/// the writer calls Idle until done after each Write. Excel reads data row `edited` changed.
TenRows WriteTenRows(bool idle, int edited = 0) {
  SinkHarness h(PagedOptions());
  h.Reply(kSheets);
  h.BlankSheet();
  for (int i = 0; i < 4; ++i) h.Reply();  // header, bold, rows 1-3, rows 4-6
  if (idle) h.Reply(ReadBack(1, 4, edited));
  h.Reply();  // rows 7-9
  if (idle) h.Reply(ReadBack(5, 4, edited));
  for (int i = 0; i < 2; ++i) h.Reply();  // row 10, autofit
  h.Header({"Customer", "Total", "Status"});
  h.Used("A1:C11");
  if (!idle) h.Reply(ReadBack(1, 4, edited));
  if (!idle) h.Reply(ReadBack(5, 4, edited));
  h.Reply(ReadBack(9, 2, edited));

  TenRows outcome;
  EXPECT_TRUE(h.sink.Begin(kColumns));
  EXPECT_TRUE(h.sink.Write(Rows(1, 6)));
  if (idle) outcome.idle_pages += IdleUntilDone(h.sink);
  EXPECT_TRUE(h.sink.Write(Rows(7, 4)));
  if (idle) outcome.idle_pages += IdleUntilDone(h.sink);
  EXPECT_TRUE(h.sink.Finish());
  const size_t before_verify = h.Calls();
  outcome.verified = h.sink.Verify(10, DigestOf(Rows(1, 10)));
  const auto lines = h.Lines();
  outcome.reads = DataReads(lines);
  outcome.verify_lines.assign(lines.begin() + static_cast<std::ptrdiff_t>(before_verify),
                              lines.end());
  EXPECT_EQ(h.http.pending(), 0u);
  return outcome;
}

TEST(GraphSheetSinkIdleTest, IdleReadsFullPagesOfAcknowledgedRowsSoVerifyReadsOnlyTheRest) {
  const TenRows with_idle = WriteTenRows(true);
  const TenRows verify_alone = WriteTenRows(false);

  ASSERT_TRUE(with_idle.verified) << with_idle.verified.error().message;
  ASSERT_TRUE(verify_alone.verified) << verify_alone.verified.error().message;
  EXPECT_EQ(with_idle.idle_pages, 2);
  EXPECT_THAT(with_idle.verify_lines, ElementsAre(kHeaderRead, kUsedRead, Read("A10:C11")));
  EXPECT_THAT(with_idle.reads, ElementsAre(Read("A2:C5"), Read("A6:C9"), Read("A10:C11")));
  EXPECT_EQ(with_idle.reads, verify_alone.reads);
}

TEST(GraphSheetSinkIdleTest, VerifyCatchesACellChangedInAnyDataRowWhetherIdleOrVerifyReadIt) {
  // Rows 3 and 8 are in pages Idle read, row 10 in the one Verify read.
  for (const int edited : {3, 8, 10}) {
    SCOPED_TRACE("edited data row " + std::to_string(edited));
    const TenRows outcome = WriteTenRows(true, edited);

    ASSERT_FALSE(outcome.verified);
    EXPECT_EQ(outcome.verified.error().code, core::ErrorCode::kConflict);
    EXPECT_EQ(outcome.verified.error().upstream, "verifyChecksum");
    EXPECT_EQ(outcome.verified.error().message,
              "Sheet \"Sheet1\" does not match the source: the cells read back differ from the "
              "rows written; run the export again.");
  }
}

TEST(GraphSheetSinkIdleTest, IdleDoesNothingBeforeBeginWithFormulasOrWithLessThanAPageUnread) {
  struct Case {
    std::string name;
    bool begin;
    bool allow_formulas;
    int rows;       // written; chunks of 3 go out, the rest waits for Finish
    int requests;   // the PATCHes of those chunks after Begin's 5 requests
  };
  const std::vector<Case> cases{
      {"before Begin", false, false, 0, 0},
      {"formulas allowed, 9 rows acknowledged", true, true, 9, 3},
      {"3 rows acknowledged, 2 held back", true, false, 5, 1},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    GraphSinkOptions options = PagedOptions();
    options.allow_formulas = c.allow_formulas;
    SinkHarness h(options);
    if (c.begin) {
      h.Reply(kSheets);
      h.BlankSheet();
      for (int i = 0; i < 2 + c.requests; ++i) h.Reply();
      ASSERT_TRUE(h.sink.Begin(kColumns));
      ASSERT_TRUE(h.sink.Write(Rows(1, c.rows)));
    }
    const size_t before = h.Calls();

    auto idle = h.sink.Idle();

    ASSERT_TRUE(idle) << idle.error().message;
    EXPECT_FALSE(*idle);
    EXPECT_EQ(h.Calls(), before);
  }
}

TEST(GraphSheetSinkIdleTest, IdleHalvesAPageExcelFindsTooLargeAndKeepsReadingHalfPages) {
  SinkHarness h(PagedOptions());
  h.Reply(kSheets);
  h.BlankSheet();
  for (int i = 0; i < 4; ++i) h.Reply();  // header, bold, rows 1-3, rows 4-6
  h.http.Enqueue(fakes::GraphError(413, "ResponsePayloadSizeLimitExceeded",
                                   "The size of the payload exceeded the limit."));
  h.Reply(ReadBack(1, 2));
  h.Reply(ReadBack(3, 2));
  h.Reply(ReadBack(5, 2));
  h.Reply();  // autofit
  h.Header({"Customer", "Total", "Status"});
  h.Used("A1:C7");

  ASSERT_TRUE(h.sink.Begin(kColumns));
  ASSERT_TRUE(h.sink.Write(Rows(1, 6)));
  EXPECT_EQ(IdleUntilDone(h.sink), 2);
  ASSERT_TRUE(h.sink.Finish());
  auto verified = h.sink.Verify(6, DigestOf(Rows(1, 6)));

  ASSERT_TRUE(verified) << verified.error().message;
  EXPECT_THAT(DataReads(h.Lines()),
              ElementsAre(Read("A2:C5"), Read("A2:C3"), Read("A4:C5"), Read("A6:C7")));
}

TEST(GraphSheetSinkIdleTest, AContinuedRunReadsTheEarlierRowsFirstSoTheDigestKeepsSheetOrder) {
  SinkHarness h(PagedOptions());
  h.Reply(kSheets);
  h.Header({"Customer", "Total", "Status"});
  h.Reply(ReadBack(1, 4));  // rows 1-4 of the earlier attempt
  h.Reply();                // rows 6-8
  h.Reply(ReadBack(5, 4));  // row 5 of the earlier attempt, rows 6-8 of this one
  h.Used("A1:C9");          // nothing below the data to clear
  h.Reply();                // autofit
  h.Header({"Customer", "Total", "Status"});
  h.Used("A1:C9");

  ASSERT_TRUE(h.sink.Continue(kColumns, 5, 6));
  EXPECT_EQ(IdleUntilDone(h.sink), 1);
  ASSERT_TRUE(h.sink.Write(Rows(6, 3)));
  EXPECT_EQ(IdleUntilDone(h.sink), 1);
  ASSERT_TRUE(h.sink.Finish());
  auto verified = h.sink.Verify(8, DigestOf(Rows(1, 8)));

  ASSERT_TRUE(verified) << verified.error().message;
  EXPECT_THAT(DataReads(h.Lines()), ElementsAre(Read("A2:C5"), Read("A6:C9")));
  EXPECT_EQ(h.http.pending(), 0u);
}

}  // namespace
}  // namespace xlsync::sync
