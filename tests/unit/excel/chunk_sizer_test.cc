#include "excel/chunk_sizer.h"

#include <gtest/gtest.h>

#include <vector>

namespace xlsync::excel {
namespace {

TEST(ChunkSizerTest, HalvesDownToTheFloorThenRefuses) {
  ChunkSizer sizer(1'000, 100);
  EXPECT_EQ(sizer.rows(), 1'000u);
  std::vector<size_t> sizes;
  while (sizer.Shrink()) sizes.push_back(sizer.rows());
  EXPECT_EQ(sizes, (std::vector<size_t>{500, 250, 125, 100}));
  EXPECT_FALSE(sizer.Shrink());
  EXPECT_EQ(sizer.rows(), 100u);
}

TEST(ChunkSizerTest, GrowsBackByAQuarterAfterTenCleanChunksNeverToTheSizeThatFailed) {
  ChunkSizer sizer(1'000, 100);
  while (sizer.Shrink()) {
  }
  for (int i = 0; i < 9; ++i) sizer.OnSuccess();
  EXPECT_EQ(sizer.rows(), 100u);
  sizer.OnSuccess();
  EXPECT_EQ(sizer.rows(), 125u);
  for (int i = 0; i < 10; ++i) sizer.OnSuccess();
  EXPECT_EQ(sizer.rows(), 156u);
  for (int i = 0; i < 1'000; ++i) sizer.OnSuccess();
  EXPECT_EQ(sizer.rows(), 999u);
}

TEST(ChunkSizerTest, WithoutACeilingNeverGrowsAboveTheStart) {
  ChunkSizer sizer(1'000, 100);
  for (int i = 0; i < 100; ++i) sizer.OnSuccess();
  EXPECT_EQ(sizer.rows(), 1'000u);
  EXPECT_EQ(sizer.max_rows(), 1'000u);
}

TEST(ChunkSizerTest, GrowsByHalfAfterEachCleanChunkUpToTheCeilingUntilTheFirstRefusal) {
  ChunkSizer sizer(1'000, 100, 5'000);
  std::vector<size_t> sizes;
  for (int i = 0; i < 6; ++i) {
    sizer.OnSuccess();
    sizes.push_back(sizer.rows());
  }
  EXPECT_EQ(sizes, (std::vector<size_t>{1'500, 2'250, 3'375, 5'000, 5'000, 5'000}));
}

TEST(ChunkSizerTest, AfterARefusalGrowsSlowlyAndNeverBackToTheSizeThatFailed) {
  ChunkSizer sizer(1'000, 100, 5'000);
  sizer.OnSuccess();
  sizer.OnSuccess();
  ASSERT_EQ(sizer.rows(), 2'250u);
  ASSERT_TRUE(sizer.Shrink());
  EXPECT_EQ(sizer.rows(), 1'125u);
  EXPECT_EQ(sizer.max_rows(), 2'249u);
  sizer.OnSuccess();
  EXPECT_EQ(sizer.rows(), 1'125u);  // no more doubling: ten clean chunks for each 25 %
  for (int i = 0; i < 1'000; ++i) sizer.OnSuccess();
  EXPECT_EQ(sizer.rows(), 2'249u);
}

TEST(ChunkSizerTest, AShrinkRestartsTheCountOfCleanChunks) {
  ChunkSizer sizer(1'000, 100);
  ASSERT_TRUE(sizer.Shrink());
  for (int i = 0; i < 9; ++i) sizer.OnSuccess();
  ASSERT_TRUE(sizer.Shrink());
  EXPECT_EQ(sizer.rows(), 250u);
  for (int i = 0; i < 9; ++i) sizer.OnSuccess();
  EXPECT_EQ(sizer.rows(), 250u);
  sizer.OnSuccess();
  EXPECT_EQ(sizer.rows(), 312u);
}

TEST(ChunkSizerTest, ShrinksOnTheSecond504InARowOnly) {
  ChunkSizer sizer(1'000, 100);
  EXPECT_FALSE(sizer.OnTimeout());
  EXPECT_EQ(sizer.rows(), 1'000u);
  EXPECT_TRUE(sizer.OnTimeout());
  EXPECT_EQ(sizer.rows(), 500u);
  EXPECT_FALSE(sizer.OnTimeout());
  sizer.OnSuccess();  // the retry went through: the count starts again
  EXPECT_FALSE(sizer.OnTimeout());
  EXPECT_EQ(sizer.rows(), 500u);
}

TEST(ChunkSizerTest, ClampsTheFloorToTheStart) {
  ChunkSizer small(50, 100);
  EXPECT_EQ(small.rows(), 50u);
  EXPECT_EQ(small.min_rows(), 50u);
  EXPECT_FALSE(small.Shrink());
  ChunkSizer zero(0, 0);
  EXPECT_EQ(zero.rows(), 1u);
  EXPECT_FALSE(zero.Shrink());
}

}  // namespace
}  // namespace xlsync::excel
