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

TEST(SheetCellsTest, InsertDownAndRightMoveOnlyTheRangesCells) {
  SheetCells cells;
  for (int row = 0; row < 3; ++row) {
    for (int column = 0; column < 3; ++column)
      cells.SetValue(row, column, Text(std::to_string(row * 10 + column)));
  }
  ASSERT_TRUE(cells.SetFormat(1, 1, "0.00"));
  cells.Insert(GridRange{1, 1, 2, 1, false, false}, ShiftDirection::kDown);  // B2:B3
  EXPECT_EQ(cells.Get(1, 1).kind, ValueKind::kEmpty);
  EXPECT_EQ(cells.Get(1, 1).number_format, "General");
  EXPECT_EQ(cells.Get(3, 1).text, "11");
  EXPECT_EQ(cells.Get(3, 1).number_format, "0.00");  // the format moves with its cell
  EXPECT_EQ(cells.Get(4, 1).text, "21");
  EXPECT_EQ(cells.Get(1, 2).text, "12");                                      // column C stays
  cells.Insert(GridRange{0, 0, 0, 1, false, false}, ShiftDirection::kRight);  // A1:B1
  EXPECT_EQ(cells.Get(0, 2).text, "0");
  EXPECT_EQ(cells.Get(0, 4).text, "2");
  EXPECT_EQ(cells.Get(1, 0).text, "10");  // row 2 stays
}

TEST(SheetCellsTest, InsertKnowsWhenContentWouldLeaveTheGrid) {
  SheetCells cells;
  cells.SetValue(0, kMaxColumns - 2, Text("near the edge"));
  EXPECT_FALSE(
      cells.WouldPushOffSheet(GridRange{0, 0, 0, 0, false, false}, ShiftDirection::kRight));
  EXPECT_TRUE(cells.WouldPushOffSheet(GridRange{0, 0, 0, 1, false, false}, ShiftDirection::kRight));
  EXPECT_FALSE(
      cells.WouldPushOffSheet(GridRange{1, 0, 1, 1, false, false}, ShiftDirection::kRight));
  EXPECT_FALSE(cells.WouldPushOffSheet(GridRange{0, 0, 0, 1, false, false}, ShiftDirection::kDown));
}

TEST(SheetCellsTest, RestyleInternsOneStylePerDistinctResult) {
  SheetCells cells;
  cells.SetValue(0, 0, Number(1));
  ASSERT_TRUE(cells.SetFormat(0, 1, "0.00"));
  ASSERT_TRUE(cells.Restyle(GridRange{0, 0, 1, 1, false, false},
                            [](CellStyle& style) { style.bold = true; }));
  EXPECT_TRUE(cells.Get(1, 1).style->bold);
  EXPECT_TRUE(cells.Get(0, 1).style->bold);
  EXPECT_EQ(cells.Get(0, 1).number_format, "0.00");  // the rest of the style stays
  EXPECT_EQ(cells.Get(0, 0).style, cells.Get(1, 0).style);
  EXPECT_FALSE(cells.Get(2, 0).style->bold);
  ASSERT_TRUE(cells.SetFormat(0, 0, "0%"));
  EXPECT_TRUE(cells.Get(0, 0).style->bold);  // a number format keeps the font
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
