// Texts longer than a cell holds are cut by the encoder; the pipeline counts them per column so
// the run report can say so once (msgraph.md §6.5).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sync/pipeline.h"

namespace xlsync::sync {
namespace {

/// Serves the given rows in one batch.
class RowsSource final : public RecordSource {
 public:
  RowsSource(std::vector<core::Column> columns, std::vector<core::Row> rows)
      : columns_(std::move(columns)), rows_(std::move(rows)) {}
  const std::vector<core::Column>& columns() const override { return columns_; }
  core::Result<std::optional<Batch>> Next() override {
    if (served_) return std::optional<Batch>();
    served_ = true;
    return std::optional<Batch>(Batch{rows_, {}});
  }

 private:
  std::vector<core::Column> columns_;
  std::vector<core::Row> rows_;
  bool served_ = false;
};

class NullSink final : public SheetSink {
 public:
  core::Result<void> Begin(const std::vector<core::Column>&) override { return {}; }
  core::Result<void> Continue(const std::vector<core::Column>&, int64_t, int64_t) override { return {}; }
  core::Result<void> Write(std::span<const core::Row>) override { return {}; }
  core::Result<void> Finish() override { return {}; }
  core::Result<void> Verify(int64_t, uint64_t) override { return {}; }
};

const std::vector<core::Column> kColumns = {{"name", "Name", ""}, {"comment", "Notes", ""}, {"note", "Memo", ""}};

std::vector<int64_t> CutCounts(std::vector<core::Row> rows) {
  RowsSource source(kColumns, std::move(rows));
  NullSink sink;
  std::vector<SheetSink*> sinks{&sink};
  auto totals = RunPipeline(source, sinks, PipelineOptions{}, nullptr);
  EXPECT_TRUE(totals);
  return totals ? totals->texts_cut : std::vector<int64_t>{};
}

core::Row Row(std::string name, std::string comment, std::string note) {
  return {core::Cell::Text(std::move(name)), core::Cell::Text(std::move(comment)), core::Cell::Text(std::move(note))};
}

TEST(PipelineCutTextTest, CountsTextsLongerThanACellHoldsPerColumn) {
  const std::string fits(32'767, 'a');
  const std::string too_long(32'768, 'a');
  std::vector<core::Row> rows = {
      Row("short", too_long, fits),
      Row("short", too_long, too_long),
      Row(too_long, fits, "x"),
      Row("short", "x", "x"),
  };
  EXPECT_EQ(CutCounts(rows), (std::vector<int64_t>{1, 2, 1}));
}

TEST(PipelineCutTextTest, CountsCharactersAsExcelDoesNotBytes) {
  // 20,000 "é" are 40,000 bytes but 20,000 characters: they fit. 16,384 emoji are 32,768 UTF-16
  // units: one too many. A text that is long only because of control characters fits once
  // they are removed.
  std::string accents;
  for (int i = 0; i < 20'000; ++i) accents += "é";
  std::string emoji;
  for (int i = 0; i < 16'384; ++i) emoji += "😀";
  const std::string controls = std::string(32'767, 'a') + std::string(10, '\x01');
  EXPECT_EQ(CutCounts({Row(accents, emoji, controls)}), (std::vector<int64_t>{0, 1, 0}));
}

TEST(PipelineCutTextTest, WarnsOnceWithTheCountAndTheColumns) {
  EXPECT_EQ(CutTextsWarning({0, 3, 0}, kColumns),
            "3 texts were longer than the 32,767 characters a cell holds and were cut (columns: Notes).");
  EXPECT_EQ(CutTextsWarning({1, 0, 0}, kColumns),
            "1 text was longer than the 32,767 characters a cell holds and was cut (columns: Name).");
  EXPECT_EQ(CutTextsWarning({0, 1200, 4}, kColumns),
            "1,204 texts were longer than the 32,767 characters a cell holds and were cut (columns: Notes, Memo).");
  EXPECT_EQ(CutTextsWarning({0, 0, 0}, kColumns), "");
  EXPECT_EQ(CutTextsWarning({}, kColumns), "");
}

}  // namespace
}  // namespace xlsync::sync
