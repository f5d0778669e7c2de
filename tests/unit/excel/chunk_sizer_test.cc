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

TEST(ChunkSizerTest, GrowsBackByAQuarterAfterTenCleanChunksNeverAboveTheStart) {
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
  EXPECT_EQ(sizer.rows(), 1'000u);
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
