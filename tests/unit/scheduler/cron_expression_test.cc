#include "scheduler/cron_expression.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "tests/unit/scheduler/time_helpers.h"

namespace xlsync::scheduler {
namespace {

using fakes::Utc;
using fakes::UtcText;

const date::time_zone* Zone(const char* name) { return date::locate_zone(name); }

CronExpression MustParse(const std::string& text) {
  auto cron = CronExpression::Parse(text);
  EXPECT_TRUE(cron.has_value()) << text << ": " << (cron ? "" : cron.error().message);
  return std::move(cron).value();
}

// The next `count` times after `after`, each as UTC text.
std::vector<std::string> Next(const std::string& text, const char* zone, core::TimePoint after, int count) {
  const CronExpression cron = MustParse(text);
  std::vector<std::string> times;
  for (int i = 0; i < count; ++i) {
    const auto next = cron.NextAfter(after, Zone(zone));
    if (!next) break;
    times.push_back(UtcText(*next));
    after = *next;
  }
  return times;
}

TEST(CronExpressionTest, AcceptsEveryDocumentedFieldForm) {
  for (const char* text : {"0 7 * * 1-5", "  0   7 * *  1-5 ", "@hourly", "@DAILY", "@midnight", "@weekly",
                           "@monthly", "@yearly", "@annually", "*/15 * * * *", "10-50/10 * * * *",
                           "5/15 * * * *", "1,15 * * * *", "0 0 1 jan *", "0 0 * Jan-DEC sun-sat",
                           "0 0 * * 0-7", "0 0 * * 7", "0 9 * JAN,jul mon", "59 23 31 12 6"}) {
    EXPECT_TRUE(CronExpression::Parse(text).has_value()) << text;
  }
}

TEST(CronExpressionTest, RejectsBadExpressionsWithOneSentenceNamingFieldAndValue) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"0 25 * * *", "The schedule \"0 25 * * *\" has an hour of 25: hours go from 0 to 23."},
      {"0 7 * *",
       "The schedule \"0 7 * *\" has 4 fields: write five (minute hour day month weekday), e.g. \"0 7 * * 1-5\"."},
      {"0 7 * * 1-5 x", "The schedule \"0 7 * * 1-5 x\" has 6 fields: write five (minute hour day month "
                        "weekday), e.g. \"0 7 * * 1-5\"."},
      {"", "The schedule is empty: write five fields (minute hour day month weekday), e.g. \"0 7 * * 1-5\"."},
      {"60 * * * *", "The schedule \"60 * * * *\" has a minute of 60: minutes go from 0 to 59."},
      {"0 0 0 * *",
       "The schedule \"0 0 0 * *\" has a day of the month of 0: days of the month go from 1 to 31."},
      {"0 0 * 13 *", "The schedule \"0 0 * 13 *\" has a month of 13: months go from 1 to 12 (or JAN to DEC)."},
      {"0 0 * * 8", "The schedule \"0 0 * * 8\" has a weekday of 8: weekdays go from 0 to 7 (0 and 7 are "
                    "Sunday) or SUN to SAT."},
      {"0 0 * * MON-XYZ", "The schedule \"0 0 * * MON-XYZ\" has \"XYZ\" in the weekday field, which is not a "
                          "weekday: weekdays go from 0 to 7 (0 and 7 are Sunday) or SUN to SAT."},
      {"0 0 * MON *", "The schedule \"0 0 * MON *\" has \"MON\" in the month field, which is not a month: "
                      "months go from 1 to 12 (or JAN to DEC)."},
      {"0 x * * *",
       "The schedule \"0 x * * *\" has \"x\" in the hour field, which is not an hour: hours go from 0 to 23."},
      {"0 99999999999999 * * *",
       "The schedule \"0 99999999999999 * * *\" has an hour of 99999999999999: hours go from 0 to 23."},
      {"*/0 * * * *",
       "The schedule \"*/0 * * * *\" has a step of \"0\" in the minute field: use a whole number from 1 to 60."},
      {"0 */x * * *",
       "The schedule \"0 */x * * *\" has a step of \"x\" in the hour field: use a whole number from 1 to 24."},
      {"0 0 * * 5-1", "The schedule \"0 0 * * 5-1\" has the weekday range \"5-1\", which runs backwards: "
                      "write the smaller value first."},
      {"1,,2 * * * *",
       "The schedule \"1,,2 * * * *\" has an empty entry in the minute field: remove the extra comma."},
      {"@reboot", "The schedule \"@reboot\" is not a known shorthand: use @hourly, @daily, @midnight, @weekly, "
                  "@monthly, @yearly or @annually, or five fields such as \"0 7 * * 1-5\"."},
  };
  for (const Case& c : cases) {
    auto cron = CronExpression::Parse(c.text);
    ASSERT_FALSE(cron.has_value()) << c.text;
    EXPECT_EQ(cron.error().code, core::ErrorCode::kInvalidInput) << c.text;
    EXPECT_EQ(cron.error().message, c.message);
  }
}

TEST(CronExpressionTest, NextAfterIsStrictlyAfterAndStepsThroughLists) {
  EXPECT_EQ(Next("10-50/10 * * * *", "UTC", Utc(2025, 6, 2, 12, 10), 6),
            (std::vector<std::string>{"2025-06-02 12:20", "2025-06-02 12:30", "2025-06-02 12:40",
                                      "2025-06-02 12:50", "2025-06-02 13:10", "2025-06-02 13:20"}));
  EXPECT_EQ(Next("5/15 * * * *", "UTC", Utc(2025, 6, 2, 12, 0), 5),
            (std::vector<std::string>{"2025-06-02 12:05", "2025-06-02 12:20", "2025-06-02 12:35",
                                      "2025-06-02 12:50", "2025-06-02 13:05"}));
  EXPECT_EQ(Next("0 9 1,15 * *", "UTC", Utc(2025, 12, 20), 2),
            (std::vector<std::string>{"2026-01-01 09:00", "2026-01-15 09:00"}));
}

TEST(CronExpressionTest, WeekdayScheduleSkipsTheWeekendInLocalTime) {
  // Friday 2025-06-06 08:00 in Brussels (UTC+2): next is Monday 07:00 local.
  EXPECT_EQ(Next("0 7 * * 1-5", "Europe/Brussels", Utc(2025, 6, 6, 6, 0), 2),
            (std::vector<std::string>{"2025-06-09 05:00", "2025-06-10 05:00"}));
  EXPECT_EQ(Next("0 0 * * 7", "UTC", Utc(2025, 6, 2), 1), (std::vector<std::string>{"2025-06-08 00:00"}));
  EXPECT_EQ(Next("0 8 * * sat,SUN", "UTC", Utc(2025, 6, 2), 3),
            (std::vector<std::string>{"2025-06-07 08:00", "2025-06-08 08:00", "2025-06-14 08:00"}));
}

TEST(CronExpressionTest, FebruaryTwentyNinthWaitsForTheNextLeapYear) {
  EXPECT_EQ(Next("0 0 29 2 *", "UTC", Utc(2025, 1, 1), 2),
            (std::vector<std::string>{"2028-02-29 00:00", "2032-02-29 00:00"}));
}

TEST(CronExpressionTest, ImpossibleDateNeverMatchesAndTheSearchEnds) {
  EXPECT_EQ(MustParse("0 0 30 2 *").NextAfter(Utc(2025, 1, 1), Zone("Europe/Brussels")), std::nullopt);
  EXPECT_EQ(MustParse("0 0 31 4,6,9,11 *").NextAfter(Utc(2025, 1, 1), Zone("UTC")), std::nullopt);
}

TEST(CronExpressionTest, DayOfMonthAndWeekdayBothRestrictedMatchEitherLikeVixieCron) {
  // The 1st or any Monday: Tuesday 2025-06-24 -> Monday 30th, Tuesday 1st, Monday 7th.
  EXPECT_EQ(Next("0 0 1 * 1", "UTC", Utc(2025, 6, 24, 12), 3),
            (std::vector<std::string>{"2025-06-30 00:00", "2025-07-01 00:00", "2025-07-07 00:00"}));
  // A day field starting with '*' makes them combine with AND: odd days that are Mondays.
  EXPECT_EQ(Next("0 0 */2 * 1", "UTC", Utc(2025, 6, 1), 2),
            (std::vector<std::string>{"2025-06-09 00:00", "2025-06-23 00:00"}));
}

TEST(CronExpressionTest, SpringForwardGapFiresOnceAtTheEndOfTheGap) {
  // Brussels 2025-03-30: 02:00 CET jumps to 03:00 CEST (01:00 UTC); 02:30 does not exist.
  EXPECT_EQ(Next("30 2 * * *", "Europe/Brussels", Utc(2025, 3, 29, 12), 2),
            (std::vector<std::string>{"2025-03-30 01:00", "2025-03-31 00:30"}));
  // Six matching minutes inside the gap still fire once.
  EXPECT_EQ(Next("*/10 2 * * *", "Europe/Brussels", Utc(2025, 3, 30, 0, 0), 2),
            (std::vector<std::string>{"2025-03-30 01:00", "2025-03-31 00:00"}));
  // New York 2025-03-09: 02:00 EST jumps to 03:00 EDT (07:00 UTC).
  EXPECT_EQ(Next("30 2 * * *", "America/New_York", Utc(2025, 3, 8, 12), 2),
            (std::vector<std::string>{"2025-03-09 07:00", "2025-03-10 06:30"}));
}

TEST(CronExpressionTest, RepeatedHourAtFallBackFiresOnceAtTheFirstOccurrence) {
  // Brussels 2025-10-26: 03:00 CEST goes back to 02:00 CET; 02:30 happens at 00:30 and 01:30 UTC.
  EXPECT_EQ(Next("30 2 * * *", "Europe/Brussels", Utc(2025, 10, 25, 12), 2),
            (std::vector<std::string>{"2025-10-26 00:30", "2025-10-27 01:30"}));
  // New York 2025-11-02: 02:00 EDT goes back to 01:00 EST; 01:30 happens at 05:30 and 06:30 UTC.
  EXPECT_EQ(Next("30 1 * * *", "America/New_York", Utc(2025, 11, 1, 12), 2),
            (std::vector<std::string>{"2025-11-02 05:30", "2025-11-03 06:30"}));
}

TEST(CronExpressionTest, EveryHourSchedulesFollowRealTimeAcrossDstChanges) {
  EXPECT_EQ(Next("*/15 * * * *", "Europe/Brussels", Utc(2025, 10, 26, 0, 40), 6),
            (std::vector<std::string>{"2025-10-26 00:45", "2025-10-26 01:00", "2025-10-26 01:15",
                                      "2025-10-26 01:30", "2025-10-26 01:45", "2025-10-26 02:00"}));
  EXPECT_EQ(Next("*/15 * * * *", "Europe/Brussels", Utc(2025, 3, 30, 0, 40), 3),
            (std::vector<std::string>{"2025-03-30 00:45", "2025-03-30 01:00", "2025-03-30 01:15"}));
  // 01:05 EST, then 02:05 does not exist, then 03:05 EDT.
  EXPECT_EQ(Next("5 * * * *", "America/New_York", Utc(2025, 3, 9, 5, 30), 2),
            (std::vector<std::string>{"2025-03-09 06:05", "2025-03-09 07:05"}));
  // 01:05 EDT, 01:05 EST, 02:05 EST.
  EXPECT_EQ(Next("5 * * * *", "America/New_York", Utc(2025, 11, 2, 4, 30), 3),
            (std::vector<std::string>{"2025-11-02 05:05", "2025-11-02 06:05", "2025-11-02 07:05"}));
}

TEST(CronExpressionTest, DescribesCommonShapesInPlainEnglishAndQuotesTheRest) {
  struct Case {
    const char* text;
    const char* description;
  };
  const Case cases[] = {
      {"0 7 * * 1-5", "every weekday at 07:00"},
      {"0 0 * * *", "every day at 00:00"},
      {"@daily", "every day at 00:00"},
      {"@weekly", "every Sunday at 00:00"},
      {"@yearly", "at 00:00 on the 1st of January"},
      {"@hourly", "at minute 0 of every hour"},
      {"*/15 * * * *", "every 15 minutes"},
      {"0,30 * * * *", "every 30 minutes"},
      {"* * * * *", "every minute"},
      {"5 * * * *", "at minute 5 of every hour"},
      {"30 7 1 * *", "at 07:30 on the 1st of every month"},
      {"0 8 1,15 * *", "at 08:00 on the 1st and 15th of every month"},
      {"0 12 2,3,11,22 * *", "at 12:00 on the 2nd, 3rd, 11th and 22nd of every month"},
      {"0 6 1 1,7 *", "at 06:00 on the 1st of January and July"},
      {"0 9 * * MON,WED,FRI", "every Monday, Wednesday and Friday at 09:00"},
      {"0 10 * * 0,6", "every Saturday and Sunday at 10:00"},
      {"0 7,19 * * *", "every day at 07:00 and 19:00"},
      {"0 0 1-31 * 1", "every day at 00:00"},
      {"*/5 9-17 * * 1-5", "at \"*/5 9-17 * * 1-5\""},
      {"*/7 * * * *", "at \"*/7 * * * *\""},
      {"0 0 1 * 1", "at \"0 0 1 * 1\""},
      {"0 0 * 6 *", "at \"0 0 * 6 *\""},
      {"0 */2 * * *", "at \"0 */2 * * *\""},
  };
  for (const Case& c : cases) EXPECT_EQ(MustParse(c.text).Describe(), c.description) << c.text;
}

}  // namespace
}  // namespace xlsync::scheduler
