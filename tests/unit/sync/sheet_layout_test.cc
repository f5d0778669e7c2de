#include "sync/sheet_layout.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace xlsync::sync {
namespace {

using ::testing::ElementsAre;
using Kind = ColumnEdit::Kind;

const std::vector<core::Column> kColumns{
    {"name", "Customer", ""}, {"amount_total", "Total", "0.00"}, {"state", "Status", ""}};

struct LayoutCase {
  std::string what;
  std::vector<std::string> header;
  std::vector<core::Column> columns;
  int own_width;
  std::vector<ColumnEdit> edits;
};

class SheetLayoutTest : public ::testing::TestWithParam<LayoutCase> {};

TEST_P(SheetLayoutTest, FindsTheOwnColumnsAndPlansTheEdits) {
  const LayoutCase& c = GetParam();
  const SheetLayout layout(c.header, c.columns);
  EXPECT_EQ(layout.own_width(), c.own_width) << c.what;
  EXPECT_EQ(layout.ours(), c.own_width > 0) << c.what;
  EXPECT_EQ(layout.edits(), c.edits) << c.what;
}

const core::Column kEmail{"email", "Email", ""};

INSTANTIATE_TEST_SUITE_P(
    Cases, SheetLayoutTest,
    ::testing::Values(
        LayoutCase{"unchanged", {"Customer", "Total", "Status"}, kColumns, 3, {}},
        LayoutCase{"user columns to the right",
                   {"Customer", "Total", "Status", "Double", "Note"},
                   kColumns,
                   3,
                   {}},
        LayoutCase{"technical names count as ours",
                   {"name", "amount_total", "state", "x2"},
                   kColumns,
                   3,
                   {}},
        LayoutCase{"a blank header cell ends the own columns",
                   {"Customer", "", "Total"},
                   kColumns,
                   1,
                   {{Kind::kInsert, 1, 1}, {Kind::kInsert, 2, 2}}},
        LayoutCase{"a blank sheet gets every column",
                   {},
                   kColumns,
                   0,
                   {{Kind::kInsert, 0, 0}, {Kind::kInsert, 1, 1}, {Kind::kInsert, 2, 2}}},
        LayoutCase{"a foreign sheet is not ours",
                   {"Name", "Phone"},
                   kColumns,
                   0,
                   {{Kind::kInsert, 0, 0}, {Kind::kInsert, 1, 1}, {Kind::kInsert, 2, 2}}},
        LayoutCase{"a field added in the middle",
                   {"Customer", "Total", "Status", "Double"},
                   {kColumns[0], kEmail, kColumns[1], kColumns[2]},
                   3,
                   {{Kind::kInsert, 1, 1}}},
        LayoutCase{"a field added at the end",
                   {"Customer", "Total", "Status", "Double"},
                   {kColumns[0], kColumns[1], kColumns[2], kEmail},
                   3,
                   {{Kind::kInsert, 3, 3}}},
        LayoutCase{"a field removed",
                   {"Customer", "Total", "Status", "Double"},
                   {kColumns[0], kColumns[2]},
                   3,
                   {{Kind::kRemove, 1, 0}}},
        LayoutCase{
            "a removed last field reads as the user's: nothing on the sheet says it was ours",
            {"Customer", "Total", "Status", "Double"},
            {kColumns[0], kColumns[1]},
            2,
            {}},
        LayoutCase{"removed right to left, then added left to right",
                   {"Customer", "Old", "Total", "Gone", "Status"},
                   {kEmail, kColumns[0], kColumns[1], kColumns[2]},
                   5,
                   {{Kind::kRemove, 3, 0}, {Kind::kRemove, 1, 0}, {Kind::kInsert, 0, 0}}},
        LayoutCase{"a repeated cell is removed",
                   {"Customer", "Customer", "Total", "Status"},
                   kColumns,
                   4,
                   {{Kind::kRemove, 1, 0}}},
        LayoutCase{"reordered columns are rewritten in place",
                   {"Status", "Customer", "Total"},
                   kColumns,
                   3,
                   {}}));

TEST(HeaderAfterTest, RemovesOrInsertsOneCell) {
  const std::vector<std::string> header{"Customer", "Total", "Double"};
  EXPECT_THAT(HeaderAfter(header, {Kind::kRemove, 1, 0}, ""), ElementsAre("Customer", "Double"));
  EXPECT_THAT(HeaderAfter(header, {Kind::kInsert, 1, 3}, ""),
              ElementsAre("Customer", "", "Total", "Double"));
  EXPECT_THAT(HeaderAfter(header, {Kind::kInsert, 3, 3}, "Email"),
              ElementsAre("Customer", "Total", "Double", "Email"));
}

}  // namespace
}  // namespace xlsync::sync
