// An export stopped half-way continues from its last checkpoint and ends with the sheet equal
// to the source: no row missing, none twice (design.md "Nothing lost").
#include <atomic>
#include <vector>

#include "core/clock.h"
#include "core/sleeper.h"
#include "http/client.h"
#include "sync/exporter.h"
#include "tests/integration/export_world.h"

namespace xlsync::fakes {
namespace {

class ResumeTest : public ExportWorld {
 protected:
  sync::ExportRequest Request(const std::string& sheet) const {
    sync::ExportRequest request = InProcessRequest("res.partner", fields_, sheet);
    request.task.page_size = 500;
    request.budget.max_cells = 2'000;  // 400 rows of 5 cells a chunk: many checkpoints
    request.budget.ceiling_cells = 2'000;
    return request;
  }

  /// Runs until `stop_after` checkpoints were taken (0: to the end); returns the last one.
  core::Result<sync::ExportReport> RunExport(sync::ExportRequest request, int stop_after,
                                             std::optional<sync::ResumePoint>& last) {
    std::atomic<bool> stop{false};
    int taken = 0;
    request.on_checkpoint = [&](const sync::ResumePoint& point) {
      last = point;
      if (++taken == stop_after) stop = true;
    };
    core::InterruptibleSleeper sleeper;
    sync::Exporter exporter(*http_, sleeper, core::SystemClock());
    return exporter.Run(request, nullptr, &stop);
  }

  /// Active partners (what the export reads: archived ones are left out).
  int64_t SourceRows() const {
    return static_cast<int64_t>(odoo_->SearchRead("res.partner", nlohmann::json::array(), nlohmann::json::array({"id"})).size());
  }

  size_t RangePatches() const { return GraphRequests("range", "PATCH"); }

  std::unique_ptr<http::Client> http_ = http::MakeCurlClient({});
  std::vector<std::string> fields_{"name", "email", "city", "credit_limit", "is_company"};
};

TEST_F(ResumeTest, StoppedRunContinuesFromItsCheckpointWithNoRowTwiceOrMissing) {
  Start({{"res.partner", 5'000}});
  std::optional<sync::ResumePoint> last;
  auto first = RunExport(Request("Partners"), 4, last);
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error().code, core::ErrorCode::kCancelled);
  ASSERT_TRUE(last.has_value());
  ASSERT_GE(last->rows, 1'600);
  ASSERT_LT(last->rows, SourceRows());
  EXPECT_GT(last->last_id, 0);
  const size_t patches_before = RangePatches();

  auto request = Request("Partners");
  request.resume = last;
  const int64_t kept = last->rows;
  auto second = RunExport(request, 0, last);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->resumed_after, kept);
  EXPECT_EQ(second->rows, SourceRows());
  EXPECT_TRUE(second->verified);
  // The second run wrote only the rows after the checkpoint (400 rows a chunk), no header.
  const size_t expected_chunks = static_cast<size_t>((SourceRows() - kept + 399) / 400);
  EXPECT_EQ(RangePatches() - patches_before, expected_chunks);
  ExpectSheetEqualsSource("res.partner", fields_, "Partners");
}

TEST_F(ResumeTest, ContinuedRunClearsRowsLeftBelowWhenRecordsWereDeletedMeanwhile) {
  Start({{"res.partner", 3'000}});
  // A killed attempt can have written chunks after its last saved checkpoint: here the whole
  // sheet was written but the checkpoint kept is the third one.
  std::vector<sync::ResumePoint> points;
  auto full = Request("Partners");
  full.on_checkpoint = [&](const sync::ResumePoint& point) { points.push_back(point); };
  core::InterruptibleSleeper sleeper;
  ASSERT_TRUE(sync::Exporter(*http_, sleeper, core::SystemClock()).Run(full, nullptr));
  ASSERT_GE(points.size(), 4u);
  const sync::ResumePoint kept = points[2];
  std::vector<int64_t> gone;
  auto tail = odoo_->SearchRead("res.partner", nlohmann::json::array({nlohmann::json::array({"id", ">", kept.last_id})}),
                                nlohmann::json::array({"id"}));
  for (size_t i = 0; i < 700 && i < tail.size(); ++i) gone.push_back(tail[i]["id"].get<int64_t>());
  const int64_t before = SourceRows();
  odoo_->Unlink("res.partner", gone);

  const size_t clears_before = GraphRequests("range", "POST");
  auto request = Request("Partners");
  request.resume = kept;
  std::optional<sync::ResumePoint> last;
  auto second = RunExport(request, 0, last);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->resumed_after, kept.rows);
  EXPECT_EQ(second->rows, before - static_cast<int64_t>(gone.size()));
  EXPECT_EQ(GraphRequests("range", "POST") - clears_before, 1u);  // the rows left below, cleared once
  ExpectSheetEqualsSource("res.partner", fields_, "Partners");
}

TEST_F(ResumeTest, RunStartsOverWhenTheHeaderWasChangedWhileItWasDown) {
  Start({{"res.partner", 2'000}});
  std::optional<sync::ResumePoint> last;
  ASSERT_FALSE(RunExport(Request("Partners"), 2, last));
  ASSERT_TRUE(last.has_value());
  // Someone rewrites the sheet with its first columns swapped: the rows in place can no longer be
  // trusted as ours.
  auto other = Request("Partners");
  other.task.fields = {"email", "name"};
  std::optional<sync::ResumePoint> ignored;
  ASSERT_TRUE(RunExport(other, 0, ignored));

  auto request = Request("Partners");
  request.resume = last;
  auto second = RunExport(request, 0, last);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->resumed_after, 0);
  EXPECT_EQ(second->rows, SourceRows());
  ExpectSheetEqualsSource("res.partner", fields_, "Partners");
}

TEST_F(ResumeTest, TaskInAnotherOrderStartsOverInsteadOfResuming) {
  Start({{"res.partner", 1'500}});
  std::optional<sync::ResumePoint> last;
  auto request = Request("Partners");
  request.task.order = "name";
  ASSERT_FALSE(RunExport(request, 2, last));
  ASSERT_TRUE(last.has_value());
  request.resume = last;
  auto second = RunExport(request, 0, last);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->resumed_after, 0);
  EXPECT_EQ(second->rows, SourceRows());
  EXPECT_FALSE(sync::CanResume(request.task));
}

}  // namespace
}  // namespace xlsync::fakes
