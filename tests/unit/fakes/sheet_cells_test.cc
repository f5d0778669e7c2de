#include "testing/fake_graph/sheet_cells.h"

#include <gtest/gtest.h>

#include <chrono>

namespace xlsync::fakes {
namespace {

CellValue Number(double value) {
  return CellValue{ValueKind::kNumber, value, false, {}, false, false};
}
CellValue Text(std::string value) {
  return CellValue{ValueKind::kText, 0, false, std::move(value), false, false};
}

TEST(SheetCellsTest, StoresValuesFlagsAndFormatsPerCell) {
  SheetCells cells;
  cells.SetValue(2, 1, Number(1.5));
  cells.SetValue(0, 0, CellValue{ValueKind::kText, 0, false, "=A1", true, false});
  cells.SetValue(0, 1, CellValue{ValueKind::kText, 0, false, "007", false, true});
  ASSERT_TRUE(cells.SetFormat(2, 1, "0.00"));
  EXPECT_EQ(cells.Get(2, 1).number, 1.5);
  EXPECT_EQ(cells.Get(2, 1).number_format, "0.00");
  EXPECT_TRUE(cells.Get(0, 0).formula);
  EXPECT_EQ(cells.Get(0, 1).text, "007");
  EXPECT_TRUE(cells.Get(0, 1).quote_prefix);
  EXPECT_EQ(cells.Get(5, 5).kind, ValueKind::kEmpty);
  EXPECT_EQ(cells.Get(5, 5).number_format, "General");
}

TEST(SheetCellsTest, UsedRangeSeparatesValuesFromFormats) {
  SheetCells cells;
  EXPECT_FALSE(cells.UsedRange(true));
  cells.SetValue(1, 1, Number(1));
  cells.SetValue(3, 2, Number(2));
  ASSERT_TRUE(cells.SetFormat(6, 0, "@"));
  EXPECT_EQ(FormatRange(*cells.UsedRange(true)), "B2:C4");
  EXPECT_EQ(FormatRange(*cells.UsedRange(false)), "A2:C7");
}

TEST(SheetCellsTest, ClearingTheLastCellsGivesTheStorageBack) {
  SheetCells cells;
  cells.SetValue(9, 9, Text("x"));
  cells.Clear(GridRange{0, 0, kMaxRows - 1, 9, true, false}, true, true);
  EXPECT_EQ(cells.stored_rows(), 0);
  EXPECT_FALSE(cells.UsedRange(false));
}

TEST(SheetCellsTest, DeleteShiftUpAndLeftMoveTextsBetweenRows) {
  SheetCells cells;
  for (int row = 0; row < 4; ++row) {
    for (int column = 0; column < 3; ++column)
      cells.SetValue(row, column, Text(std::to_string(row * 10 + column)));
  }
  cells.Delete(GridRange{0, 1, 1, 1, false, false}, ShiftDirection::kUp);  // B1:B2
  EXPECT_EQ(cells.Get(0, 1).text, "21");
  EXPECT_EQ(cells.Get(1, 1).text, "31");
  EXPECT_EQ(cells.Get(2, 1).kind, ValueKind::kEmpty);
  EXPECT_EQ(cells.Get(0, 0).text, "0");
  cells.Delete(GridRange{3, 0, 3, 0, false, false}, ShiftDirection::kLeft);  // A4
  EXPECT_EQ(cells.Get(3, 0).kind, ValueKind::kEmpty);  // B4 was emptied by the shift up
  EXPECT_EQ(cells.Get(3, 1).text, "32");
  cells.Delete(GridRange{0, 0, 0, kMaxColumns - 1, false, true}, ShiftDirection::kUp);  // row 1
  EXPECT_EQ(cells.Get(0, 1).text, "31");
}

TEST(SheetCellsTest, OverwritingTextDoesNotGrowARowForever) {
  SheetCells cells;
  for (int round = 0; round < 10'000; ++round)
    cells.SetValue(0, 0, Text(std::string(100, 'a' + round % 26)));
  EXPECT_LT(cells.ApproximateBytes(), 20'000u);
  EXPECT_EQ(cells.Get(0, 0).text, std::string(100, 'a' + 9'999 % 26));
}

TEST(SheetCellsTest, HoldsRowsOfThirtyColumnsCompactly) {
  SheetCells cells;
  for (int row = 0; row < 100'000; ++row) {
    for (int column = 0; column < 30; ++column) cells.SetValue(row, column, Number(row + column));
  }
  EXPECT_EQ(cells.Get(99'999, 29).number, 99'999 + 29);
  EXPECT_EQ(FormatRange(*cells.UsedRange(true)), "A1:AD100000");
  // 12 bytes per cell plus one row header: about 43 MB, where a map per cell would take far more
  // (1,000,000 x 30 scales to about 430 MB).
  EXPECT_LT(cells.ApproximateBytes(), 50'000'000u);
}

}  // namespace
}  // namespace xlsync::fakes
