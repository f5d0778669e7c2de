#include "scheduler/schedule_ticker.h"

#include <gtest/gtest.h>

#include "testing/support/recording_sleeper.h"
#include "testing/support/store_fixtures.h"

namespace xlsync::scheduler {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

// 2026-03-28 12:00 UTC: the day before Europe/Brussels moves to summer time.
const core::TimePoint kSaturdayNoon = core::TimePoint(std::chrono::seconds(1'774'699'200));

class ScheduleTickerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto odoo_id = store_->CreateOdooConnection(fakes::OdooNamed("odoo"));
    auto microsoft_id = store_->CreateMicrosoftConnection(fakes::MicrosoftNamed("m365"));
    ASSERT_TRUE(odoo_id && microsoft_id);
    auto task_id = store_->CreateTask(fakes::TaskNamed("orders", *odoo_id, *microsoft_id));
    ASSERT_TRUE(task_id);
    task_id_ = *task_id;
  }

  int64_t AddSchedule(const std::string& expression, std::optional<core::TimePoint> next, bool catch_up = true) {
    store::Schedule schedule;
    schedule.task_id = task_id_;
    schedule.expression = expression;
    schedule.time_zone = "Europe/Brussels";
    schedule.next_run_at = next;
    schedule.catch_up = catch_up;
    auto id = store_->CreateSchedule(schedule);
    EXPECT_TRUE(id);
    return *id;
  }

  std::vector<store::Run> Runs() {
    store::RunFilter filter;
    filter.task_id = task_id_;
    return *store_->ListRuns(filter);
  }

  store::Schedule OnlySchedule() { return store_->ListSchedules(task_id_)->front(); }

  fakes::FakeClock clock_{kSaturdayNoon};
  std::unique_ptr<store::Store> store_ = fakes::MemoryStore();
  int64_t task_id_ = 0;
};

TEST_F(ScheduleTickerTest, FirstTickSetsTheNextTimeWithoutRunning) {
  AddSchedule("0 7 * * *", std::nullopt);
  ScheduleTicker ticker(*store_, clock_);
  ASSERT_EQ(*ticker.Tick(), 0);
  // Sunday 07:00 in Brussels is already summer time (UTC+2): 05:00 UTC.
  const core::TimePoint sunday_seven = kSaturdayNoon + hours(17);
  EXPECT_EQ(OnlySchedule().next_run_at, sunday_seven);
  EXPECT_EQ(ticker.next_due(), sunday_seven);
  EXPECT_TRUE(Runs().empty());
}

TEST_F(ScheduleTickerTest, DueScheduleQueuesOneRunAndMovesToTheNextTimeAcrossTheClockChange) {
  AddSchedule("0 7 * * *", std::nullopt);
  ScheduleTicker ticker(*store_, clock_);
  ASSERT_TRUE(ticker.Tick());
  clock_.Advance(hours(17));  // Sunday 05:00 UTC = 07:00 CEST
  ASSERT_EQ(*ticker.Tick(), 1);
  const auto runs = Runs();
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].trigger, "schedule");
  EXPECT_EQ(runs[0].started_by, "scheduler");
  EXPECT_EQ(OnlySchedule().last_fired_at, clock_.Now());
  EXPECT_EQ(OnlySchedule().next_run_at, clock_.Now() + hours(24));
  ASSERT_EQ(*ticker.Tick(), 0);  // not due again within the minute
}

TEST_F(ScheduleTickerTest, TriggersWhileARunWaitsAreQueuedOnceNotStacked) {
  AddSchedule("*/5 * * * *", kSaturdayNoon);
  ScheduleTicker ticker(*store_, clock_);
  ASSERT_EQ(*ticker.Tick(), 1);
  clock_.Advance(minutes(5));
  ASSERT_EQ(*ticker.Tick(), 1);
  clock_.Advance(minutes(5));
  ASSERT_EQ(*ticker.Tick(), 1);
  EXPECT_EQ(Runs().size(), 1u);
}

TEST_F(ScheduleTickerTest, TimesMissedWhileStoppedRunOnceAtStartUp) {
  AddSchedule("0 7 * * *", kSaturdayNoon - hours(72));
  ScheduleTicker ticker(*store_, clock_);
  ASSERT_EQ(*ticker.Startup(), 1);
  EXPECT_EQ(Runs().size(), 1u);
  EXPECT_GT(*OnlySchedule().next_run_at, clock_.Now());
}

TEST_F(ScheduleTickerTest, MissedTimesDoNotRunWhenCatchUpIsOff) {
  AddSchedule("0 7 * * *", kSaturdayNoon - hours(72), /*catch_up=*/false);
  ScheduleTicker ticker(*store_, clock_);
  ASSERT_EQ(*ticker.Startup(), 0);
  EXPECT_TRUE(Runs().empty());
  EXPECT_EQ(OnlySchedule().next_run_at, kSaturdayNoon + hours(17));
}

TEST_F(ScheduleTickerTest, DisabledScheduleOrTaskNeverFires) {
  const int64_t id = AddSchedule("* * * * *", kSaturdayNoon - minutes(1));
  store::Schedule schedule = OnlySchedule();
  schedule.enabled = false;
  ASSERT_TRUE(store_->UpdateSchedule(schedule));
  ScheduleTicker ticker(*store_, clock_);
  EXPECT_EQ(*ticker.Tick(), 0);
  schedule.enabled = true;
  ASSERT_TRUE(store_->UpdateSchedule(schedule));
  store::Task task = *store_->GetTask(task_id_);
  task.enabled = false;
  ASSERT_TRUE(store_->UpdateTask(task));
  EXPECT_EQ(*ticker.Tick(), 0);
  EXPECT_TRUE(Runs().empty());
  EXPECT_EQ(id, OnlySchedule().id);
}

TEST_F(ScheduleTickerTest, IntervalScheduleFiresEveryInterval) {
  store::Schedule schedule;
  schedule.task_id = task_id_;
  schedule.kind = "interval";
  schedule.expression = "15m";
  ASSERT_TRUE(store_->CreateSchedule(schedule));
  ScheduleTicker ticker(*store_, clock_);
  ASSERT_EQ(*ticker.Tick(), 0);
  EXPECT_EQ(OnlySchedule().next_run_at, kSaturdayNoon + minutes(15));
  clock_.Advance(minutes(15));
  EXPECT_EQ(*ticker.Tick(), 1);
  EXPECT_EQ(OnlySchedule().next_run_at, kSaturdayNoon + minutes(30));
}

}  // namespace
}  // namespace xlsync::scheduler
