#include "sync/rollover_sink.h"

#include <gtest/gtest.h>

#include <map>

namespace xlsync::sync {
namespace {

/// What one fake sheet saw.
struct SheetLog {
  std::vector<core::Column> header;
  std::vector<core::Row> rows;
  bool finished = false;
  std::optional<std::pair<int64_t, uint64_t>> verified;
  int idle_work = 0;  // Idle answers true this many times, then false
  int idles = 0;
};

/// A SheetSink that records into a log the test keeps.
class LoggingSink final : public SheetSink {
 public:
  explicit LoggingSink(SheetLog& log) : log_(log) {}
  core::Result<void> Begin(const std::vector<core::Column>& columns) override {
    log_.header = columns;
    return {};
  }
  core::Result<void> Continue(const std::vector<core::Column>&, int64_t, int64_t) override { return {}; }
  core::Result<void> Write(std::span<const core::Row> rows) override {
    log_.rows.insert(log_.rows.end(), rows.begin(), rows.end());
    return {};
  }
  core::Result<bool> Idle() override {
    ++log_.idles;
    if (log_.idle_work == 0) return false;
    --log_.idle_work;
    return true;
  }
  core::Result<void> Finish() override {
    log_.finished = true;
    return {};
  }
  core::Result<void> Verify(int64_t rows, uint64_t digest) override {
    log_.verified = std::make_pair(rows, digest);
    return {};
  }

 private:
  SheetLog& log_;
};

class RolloverSinkTest : public ::testing::Test {
 protected:
  SheetSinkFactory Factory() {
    return [this](const std::string& sheet) {
      order_.push_back(sheet);
      return std::make_unique<LoggingSink>(logs_[sheet]);
    };
  }

  static std::vector<core::Row> Rows(int first, int count) {
    std::vector<core::Row> rows;
    for (int i = first; i < first + count; ++i) rows.push_back({core::Cell::Number(i)});
    return rows;
  }

  std::map<std::string, SheetLog> logs_;
  std::vector<std::string> order_;
  const std::vector<core::Column> columns_{{"id", "ID", "0"}};
};

TEST_F(RolloverSinkTest, SplitsRowsAtTheLimitOntoNumberedSheetsEachWithTheHeader) {
  RolloverSink sink("Orders", Factory(), 1'000);
  ASSERT_TRUE(sink.Begin(columns_));
  // Writes that straddle the limit: 700, 700 (300 + 400), 1,100 (600 + 500), 50.
  ASSERT_TRUE(sink.Write(Rows(1, 700)));
  ASSERT_TRUE(sink.Write(Rows(701, 700)));
  ASSERT_TRUE(sink.Write(Rows(1'401, 1'100)));
  ASSERT_TRUE(sink.Write(Rows(2'501, 50)));
  ASSERT_TRUE(sink.Finish());
  EXPECT_EQ(order_, (std::vector<std::string>{"Orders", "Orders (2)", "Orders (3)"}));
  ASSERT_EQ(logs_["Orders"].rows.size(), 1'000u);
  ASSERT_EQ(logs_["Orders (2)"].rows.size(), 1'000u);
  ASSERT_EQ(logs_["Orders (3)"].rows.size(), 550u);
  EXPECT_EQ(logs_["Orders (2)"].rows.front()[0].number, 1'001);
  EXPECT_EQ(logs_["Orders (3)"].rows.back()[0].number, 2'550);
  for (const auto& name : order_) {
    EXPECT_EQ(logs_[name].header, columns_) << name;
    EXPECT_TRUE(logs_[name].finished) << name;
  }
  ASSERT_EQ(sink.sheets().size(), 3u);
  EXPECT_EQ(sink.sheets()[2].name, "Orders (3)");
  EXPECT_EQ(sink.sheets()[2].rows, 550);
}

TEST_F(RolloverSinkTest, VerifiesEverySheetWithItsOwnRowsAndDigest) {
  RolloverSink sink("Orders", Factory(), 1'000);
  ASSERT_TRUE(sink.Begin(columns_));
  const auto rows = Rows(1, 2'000);
  ASSERT_TRUE(sink.Write(rows));
  ASSERT_TRUE(sink.Finish());
  excel::RowDigest all;
  excel::RowDigest first;
  excel::RowDigest second;
  for (size_t i = 0; i < rows.size(); ++i) {
    all.AddRow(rows[i]);
    (i < 1'000 ? first : second).AddRow(rows[i]);
  }
  ASSERT_TRUE(sink.Verify(2'000, all.value()));
  EXPECT_EQ(logs_["Orders"].verified, std::make_pair(int64_t{1'000}, first.value()));
  EXPECT_EQ(logs_["Orders (2)"].verified, std::make_pair(int64_t{1'000}, second.value()));
  // Exactly full sheets open no empty third one.
  EXPECT_EQ(order_.size(), 2u);
}

TEST_F(RolloverSinkTest, RefusesAVerifyOfOtherRowsThanItWasGiven) {
  RolloverSink sink("Orders", Factory(), 1'000);
  ASSERT_TRUE(sink.Begin(columns_));
  ASSERT_TRUE(sink.Write(Rows(1, 10)));
  EXPECT_FALSE(sink.Verify(11, 0));
  EXPECT_FALSE(logs_["Orders"].verified);
}

TEST_F(RolloverSinkTest, AnEmptyRunStillBeginsTheFirstSheet) {
  RolloverSink sink("Orders", Factory(), 1'000);
  ASSERT_TRUE(sink.Begin(columns_));
  ASSERT_TRUE(sink.Finish());
  EXPECT_EQ(order_, (std::vector<std::string>{"Orders"}));
  EXPECT_TRUE(sink.Verify(0, excel::RowDigest().value()));
}

TEST_F(RolloverSinkTest, CutsLongSheetNamesToFitTheNumber) {
  RolloverSink sink("Confirmed sales orders of 2024", Factory(), 1);
  ASSERT_TRUE(sink.Begin(columns_));
  ASSERT_TRUE(sink.Write(Rows(1, 2)));
  EXPECT_EQ(order_.back(), "Confirmed sales orders of 2 (2)");
}

TEST_F(RolloverSinkTest, LetsEverySheetDoItsIdleWorkOneStepAtATimeTheFirstSheetFirst) {
  RolloverSink sink("Orders", Factory(), 3);
  logs_["Orders"].idle_work = 1;
  logs_["Orders (3)"].idle_work = 1;
  ASSERT_TRUE(sink.Begin(columns_));
  ASSERT_TRUE(sink.Write(Rows(1, 7)));

  std::vector<bool> answers;
  for (int i = 0; i < 3; ++i) {
    auto idle = sink.Idle();
    ASSERT_TRUE(idle);
    answers.push_back(*idle);
  }

  EXPECT_EQ(answers, (std::vector<bool>{true, true, false}));
  EXPECT_EQ(logs_["Orders"].idles, 3);
  EXPECT_EQ(logs_["Orders (2)"].idles, 2);
  EXPECT_EQ(logs_["Orders (3)"].idles, 2);
}

TEST_F(RolloverSinkTest, CannotContinueAnInterruptedRun) {
  RolloverSink sink("Orders", Factory(), 1'000);
  auto continued = sink.Continue(columns_, 10, 11);
  ASSERT_FALSE(continued);
  EXPECT_EQ(continued.error().message,
            "A run that continues on further sheets cannot pick up where it stopped: run it again from the start.");
}

}  // namespace
}  // namespace xlsync::sync
