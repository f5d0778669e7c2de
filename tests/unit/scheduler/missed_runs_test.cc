#include "scheduler/missed_runs.h"

#include <gtest/gtest.h>

#include "tests/unit/scheduler/time_helpers.h"

namespace xlsync::scheduler {
namespace {

using fakes::Utc;

ScheduleRule Hourly() { return ScheduleRule::Parse("cron", "0 * * * *", "UTC").value(); }

TEST(DecideAtStartupTest, WithoutAStoredTimeSetsTheNextOneAndDoesNotRun) {
  const StartupDecision decision = DecideAtStartup(Hourly(), std::nullopt, Utc(2025, 6, 2, 12, 30), true);
  EXPECT_FALSE(decision.run_now);
  EXPECT_EQ(decision.missed, 0);
  EXPECT_EQ(decision.next_run_at, Utc(2025, 6, 2, 13, 0));
}

TEST(DecideAtStartupTest, KeepsAStoredTimeThatIsStillAhead) {
  const StartupDecision decision =
      DecideAtStartup(Hourly(), Utc(2025, 6, 2, 15, 0), Utc(2025, 6, 2, 12, 30), true);
  EXPECT_FALSE(decision.run_now);
  EXPECT_EQ(decision.missed, 0);
  EXPECT_EQ(decision.next_run_at, Utc(2025, 6, 2, 15, 0));
}

TEST(DecideAtStartupTest, SeveralMissedTimesRunOnceWithCatchUp) {
  // Down from 09:10 to 12:30: 10:00, 11:00 and 12:00 passed.
  const StartupDecision decision =
      DecideAtStartup(Hourly(), Utc(2025, 6, 2, 10, 0), Utc(2025, 6, 2, 12, 30), true);
  EXPECT_TRUE(decision.run_now);
  EXPECT_EQ(decision.missed, 3);
  EXPECT_EQ(decision.next_run_at, Utc(2025, 6, 2, 13, 0));
}

TEST(DecideAtStartupTest, MissedTimesAreCountedButNotRunWithoutCatchUp) {
  const StartupDecision decision =
      DecideAtStartup(Hourly(), Utc(2025, 6, 2, 12, 0), Utc(2025, 6, 2, 12, 0), false);
  EXPECT_FALSE(decision.run_now);
  EXPECT_EQ(decision.missed, 1);
  EXPECT_EQ(decision.next_run_at, Utc(2025, 6, 2, 13, 0));
}

TEST(DecideAtStartupTest, CapsTheMissedCountAfterALongOutage) {
  const ScheduleRule every_minute = ScheduleRule::Every(std::chrono::seconds(60)).value();
  const StartupDecision decision = DecideAtStartup(every_minute, Utc(2025, 1, 1), Utc(2025, 6, 1), true);
  EXPECT_TRUE(decision.run_now);
  EXPECT_EQ(decision.missed, kMaxCountedMissedRuns);
  EXPECT_EQ(decision.next_run_at, Utc(2025, 6, 1, 0, 1));
}

}  // namespace
}  // namespace xlsync::scheduler
