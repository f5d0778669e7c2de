// Workbook's structural range calls and formatting (msgraph.md §6.4, §6.8).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "msgraph/workbook.h"
#include "tests/unit/msgraph/workbook_harness.h"

namespace xlsync::msgraph {
namespace {

using fakes::kSheetPath;
using ::testing::SizeIs;

http::Response Timeout() {
  return fakes::GraphError(504, "gatewayTimeout", "x", "MaxRequestDurationExceeded");
}

/// An AppliedCheck that answers `answer` and counts its calls.
struct Check {
  core::Result<bool> answer = false;
  int calls = 0;
  AppliedCheck Get() {
    return [this]() -> core::Result<bool> {
      ++calls;
      return answer;
    };
  }
};

TEST(WorkbookRangesTest, InsertsCellsShiftingThemRight) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(200, R"({"address":"Sheet1!C1:C200"})"));

  ASSERT_TRUE(h.workbook.InsertRange(h.sheet, "C1:C200", InsertShift::kRight));

  EXPECT_EQ(h.Call(0).method, http::Method::kPost);
  EXPECT_EQ(fakes::GraphPath(h.Call(0)),
            std::string(kSheetPath) + "/range(address='C1%3AC200')/insert");
  EXPECT_EQ(h.Call(0).body, R"({"shift":"Right"})");
  EXPECT_EQ(h.Call(0).headers.Get("workbook-session-id"), "s1");
}

TEST(WorkbookRangesTest, InsertsRowsShiftingThemDown) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(200, "{}"));

  ASSERT_TRUE(h.workbook.InsertRange(h.sheet, "A11:K20", InsertShift::kDown));

  EXPECT_EQ(h.Call(0).body, R"({"shift":"Down"})");
}

TEST(WorkbookRangesTest, DeletesCellsShiftingUpOrLeft) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(204));
  h.http.Enqueue(fakes::Reply(204));

  ASSERT_TRUE(h.workbook.DeleteRange(h.sheet, "A8:K11", DeleteShift::kUp));
  ASSERT_TRUE(h.workbook.DeleteRange(h.sheet, "D1:D50", DeleteShift::kLeft));

  EXPECT_EQ(h.Call(0).method, http::Method::kPost);
  EXPECT_EQ(fakes::GraphPath(h.Call(0)),
            std::string(kSheetPath) + "/range(address='A8%3AK11')/delete");
  EXPECT_EQ(h.Call(0).body, R"({"shift":"Up"})");
  EXPECT_EQ(h.Call(1).body, R"({"shift":"Left"})");
}

TEST(WorkbookRangesTest, NeverReplaysAnInsertThatTimedOutWhenNothingCanTellWhetherItApplied) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(Timeout());

  auto inserted = h.workbook.InsertRange(h.sheet, "C1:C200", InsertShift::kRight);

  ASSERT_FALSE(inserted);
  EXPECT_EQ(inserted.error().code, core::ErrorCode::kTimeout);
  EXPECT_EQ(inserted.error().upstream, "MaxRequestDurationExceeded");
  EXPECT_EQ(inserted.error().message,
            "Microsoft Graph took too long while inserting cells at C1:C200 on the sheet "
            "\"Sheet1\": try again, and if it repeats, export fewer rows per request.");
  EXPECT_EQ(h.Calls(), 1u);
}

TEST(WorkbookRangesTest, ReplaysAThrottledInsertBecauseA429ProvesNothingWasApplied) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(fakes::GraphError(429, "tooManyRequests", "x", "", {{"Retry-After", "3"}}));
  h.http.Enqueue(fakes::Reply(200, "{}"));
  Check check;

  ASSERT_TRUE(h.workbook.InsertRange(h.sheet, "C1:C200", InsertShift::kRight, check.Get()));

  EXPECT_EQ(h.Calls(), 2u);
  EXPECT_EQ(check.calls, 0);
}

TEST(WorkbookRangesTest, RepeatsAnInsertOnlyAfterTheReReadShowsItDidNotApply) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(Timeout());
  h.http.Enqueue(fakes::Reply(200, "{}"));
  Check check;

  ASSERT_TRUE(h.workbook.InsertRange(h.sheet, "C1:C200", InsertShift::kRight, check.Get()));

  EXPECT_EQ(check.calls, 1);
  EXPECT_EQ(h.Calls(), 2u);
  EXPECT_EQ(h.Call(1).body, R"({"shift":"Right"})");
  EXPECT_THAT(h.sleeper.waits(), SizeIs(1));
}

TEST(WorkbookRangesTest, DoesNotRepeatADeleteTheReReadShowsApplied) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(Timeout());
  Check check;
  check.answer = true;

  ASSERT_TRUE(h.workbook.DeleteRange(h.sheet, "A8:K11", DeleteShift::kUp, check.Get()));

  EXPECT_EQ(check.calls, 1);
  EXPECT_EQ(h.Calls(), 1u);
}

TEST(WorkbookRangesTest, GivesUpAfterThreeUnansweredAttempts) {
  fakes::WorkbookHarness h;
  for (int i = 0; i < 3; ++i) h.http.Enqueue(Timeout());
  Check check;

  auto deleted = h.workbook.DeleteRange(h.sheet, "A8:K11", DeleteShift::kUp, check.Get());

  ASSERT_FALSE(deleted);
  EXPECT_EQ(deleted.error().code, core::ErrorCode::kTimeout);
  EXPECT_EQ(check.calls, 2);
  EXPECT_EQ(h.Calls(), 3u);
}

TEST(WorkbookRangesTest, ReportsASheetChangedUnderneathInsteadOfGuessing) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(Timeout());
  Check check;
  check.answer = core::Conflict(
      "The header row of sheet \"Sheet1\" changed while xlsync was "
      "moving its columns: run the export again.",
      "headerChanged");

  auto inserted = h.workbook.InsertRange(h.sheet, "C1:C9", InsertShift::kRight, check.Get());

  ASSERT_FALSE(inserted);
  EXPECT_EQ(inserted.error().upstream, "headerChanged");
  EXPECT_EQ(h.Calls(), 1u);
}

TEST(WorkbookRangesTest, DoesNotReReadAfterARefusal) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(fakes::GraphError(400, "badRequest", "x", "nonBlankCellOffSheet"));
  Check check;

  auto inserted = h.workbook.InsertRange(h.sheet, "C1:C9", InsertShift::kRight, check.Get());

  ASSERT_FALSE(inserted);
  EXPECT_EQ(check.calls, 0);
  EXPECT_EQ(inserted.error().upstream, "nonBlankCellOffSheet");
  EXPECT_EQ(inserted.error().message,
            "Excel refused the change while inserting cells at C1:C9 on the sheet \"Sheet1\" "
            "because of the sheet's layout (filters, merged cells, tables or a full sheet edge): "
            "check the target sheet, then try again.");
}

TEST(WorkbookRangesTest, MakesAHeaderBoldAndRetriesItLikeAnyIdempotentCall) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(Timeout());
  h.http.Enqueue(fakes::Reply(200, R"({"bold":true})"));

  ASSERT_TRUE(h.workbook.SetBold(h.sheet, "A1:K1"));

  ASSERT_EQ(h.Calls(), 2u);
  EXPECT_EQ(h.Call(1).method, http::Method::kPatch);
  EXPECT_EQ(fakes::GraphPath(h.Call(1)),
            std::string(kSheetPath) + "/range(address='A1%3AK1')/format/font");
  EXPECT_EQ(h.Call(1).body, R"({"bold":true})");
}

TEST(WorkbookRangesTest, FitsColumnWidthsOverWholeColumnsWithoutABody) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(fakes::Reply(200));

  ASSERT_TRUE(h.workbook.AutofitColumns(h.sheet, "A:K"));

  EXPECT_EQ(h.Call(0).method, http::Method::kPost);
  EXPECT_EQ(fakes::GraphPath(h.Call(0)),
            std::string(kSheetPath) + "/range(address='A%3AK')/format/autofitColumns");
  EXPECT_EQ(h.Call(0).body, "");
}

TEST(WorkbookRangesTest, NamesTheColumnsWhoseWidthsCouldNotBeFitted) {
  fakes::WorkbookHarness h;
  h.http.Enqueue(fakes::GraphError(403, "forbidden", "x", "forbiddenUncategorized"));

  auto fitted = h.workbook.AutofitColumns(h.sheet, "A:K");

  ASSERT_FALSE(fitted);
  EXPECT_EQ(fitted.error().upstream, "forbiddenUncategorized");
  EXPECT_EQ(fitted.error().message,
            "Excel refused to change protected or locked cells while fitting the widths of A:K on "
            "the sheet \"Sheet1\": unprotect the sheet, then try again.");
}

}  // namespace
}  // namespace xlsync::msgraph
