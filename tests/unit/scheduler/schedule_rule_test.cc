#include "scheduler/schedule_rule.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/unit/scheduler/time_helpers.h"

namespace xlsync::scheduler {
namespace {

using fakes::Utc;
using fakes::UtcText;
using std::chrono::seconds;

ScheduleRule MustParse(const char* kind, const char* expression, const char* zone) {
  auto rule = ScheduleRule::Parse(kind, expression, zone);
  EXPECT_TRUE(rule.has_value()) << expression << ": " << (rule ? "" : rule.error().message);
  return std::move(rule).value();
}

std::vector<std::string> Texts(const std::vector<core::TimePoint>& times) {
  std::vector<std::string> texts;
  for (const auto& time : times) texts.push_back(UtcText(time));
  return texts;
}

TEST(ScheduleRuleTest, ParsesIntervalsInSecondsAndUnits) {
  struct Case {
    const char* text;
    long long seconds;
    const char* description;
  };
  const Case cases[] = {
      {"900", 900, "every 15 minutes"}, {"15m", 900, "every 15 minutes"}, {"2h", 7200, "every 2 hours"},
      {"1d", 86400, "every day"},       {"90s", 90, "every 90 seconds"}, {" 60 ", 60, "every minute"},
      {"1H", 3600, "every hour"},       {"3d", 259200, "every 3 days"},
  };
  for (const Case& c : cases) {
    const ScheduleRule rule = MustParse("interval", c.text, "");
    EXPECT_EQ(rule.kind(), ScheduleRule::Kind::kInterval) << c.text;
    EXPECT_EQ(rule.interval(), seconds(c.seconds)) << c.text;
    EXPECT_EQ(rule.Describe(), c.description) << c.text;
  }
}

TEST(ScheduleRuleTest, RejectsBadIntervalsWithOneSentence) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"15x", "The interval \"15x\" is not understood: write a number of seconds, or a number followed by s, "
              "m, h or d, e.g. \"15m\"."},
      {"", "The interval \"\" is not understood: write a number of seconds, or a number followed by s, m, h "
           "or d, e.g. \"15m\"."},
      {"-5m", "The interval \"-5m\" is not understood: write a number of seconds, or a number followed by s, "
              "m, h or d, e.g. \"15m\"."},
      {"30s", "The interval of 30 seconds is too short: schedules run at most once a minute, so use 60 "
              "seconds or more."},
      {"400d", "The interval \"400d\" is too long: use at most 366 days, or a cron schedule."},
      {"99999999999999999999", "The interval \"99999999999999999999\" is too long: use at most 366 days, "
                               "or a cron schedule."},
  };
  for (const Case& c : cases) {
    auto rule = ScheduleRule::Parse("interval", c.text, "");
    ASSERT_FALSE(rule.has_value()) << c.text;
    EXPECT_EQ(rule.error().message, c.message);
  }
  EXPECT_EQ(ScheduleRule::Every(seconds(1)).error().message,
            "The interval of 1 second is too short: schedules run at most once a minute, so use 60 seconds "
            "or more.");
}

TEST(ScheduleRuleTest, RejectsUnknownTimeZoneAndKind) {
  auto zone = ScheduleRule::Cron("0 7 * * *", "Mars/Base");
  ASSERT_FALSE(zone.has_value());
  EXPECT_EQ(zone.error().message,
            "The time zone \"Mars/Base\" is unknown: use an IANA name such as Europe/Brussels or UTC.");
  auto kind = ScheduleRule::Parse("weekly", "1", "UTC");
  ASSERT_FALSE(kind.has_value());
  EXPECT_EQ(kind.error().message, "The schedule kind \"weekly\" is unknown: use \"cron\" or \"interval\".");
  auto cron = ScheduleRule::Parse("cron", "0 25 * * *", "UTC");
  ASSERT_FALSE(cron.has_value());
  EXPECT_EQ(cron.error().message, "The schedule \"0 25 * * *\" has an hour of 25: hours go from 0 to 23.");
}

TEST(ScheduleRuleTest, CronRuleEvaluatesInItsZoneAndNamesItInTheDescription) {
  const ScheduleRule rule = MustParse("CRON", "0 7 * * 1-5", "Europe/Brussels");
  EXPECT_EQ(rule.kind(), ScheduleRule::Kind::kCron);
  EXPECT_EQ(rule.Describe(), "every weekday at 07:00 (Europe/Brussels)");
  EXPECT_EQ(Texts(rule.Preview(Utc(2025, 6, 6, 6, 0), 3)),
            (std::vector<std::string>{"2025-06-09 05:00", "2025-06-10 05:00", "2025-06-11 05:00"}));
  EXPECT_EQ(MustParse("cron", "@daily", "").Describe(), "every day at 00:00 (UTC)");
}

TEST(ScheduleRuleTest, IntervalRuleCountsFromTheGivenTime) {
  const ScheduleRule rule = MustParse("interval", "15m", "Europe/Brussels");
  EXPECT_EQ(rule.NextAfter(Utc(2025, 6, 2, 12, 7)), Utc(2025, 6, 2, 12, 22));
  EXPECT_EQ(Texts(rule.Preview(Utc(2025, 6, 2, 12, 0), 3)),
            (std::vector<std::string>{"2025-06-02 12:15", "2025-06-02 12:30", "2025-06-02 12:45"}));
  EXPECT_TRUE(rule.Preview(Utc(2025, 6, 2), 0).empty());
}

TEST(ScheduleRulePreviewTest, StopsWhenACronExpressionNeverMatchesAgain) {
  EXPECT_TRUE(MustParse("cron", "0 0 30 2 *", "UTC").Preview(Utc(2025, 1, 1), 5).empty());
}

}  // namespace
}  // namespace xlsync::scheduler
