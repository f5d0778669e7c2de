#include "testing/fake_graph/cell_input.h"

#include <gtest/gtest.h>

namespace xlsync::fakes {
namespace {

struct NumberCase {
  std::string text;
  std::optional<double> number;
  std::string implied_format;
};

class TypedNumberTest : public ::testing::TestWithParam<NumberCase> {};

TEST_P(TypedNumberTest, ReadsNumbersTheWayExcelDoes) {
  std::string implied;
  EXPECT_EQ(CellInputParser::TypedNumber(GetParam().text, &implied), GetParam().number)
      << GetParam().text;
  EXPECT_EQ(implied, GetParam().implied_format) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Typing, TypedNumberTest,
    ::testing::Values(NumberCase{"42", 42, ""}, NumberCase{" 42 ", 42, ""},
                      NumberCase{"-3.5", -3.5, ""}, NumberCase{"+7", 7, ""},
                      NumberCase{".5", 0.5, ""}, NumberCase{"1e3", 1000, "0.00E+00"},
                      NumberCase{"1,234,567", 1234567, "#,##0"}, NumberCase{"50%", 0.5, "0%"},
                      NumberCase{"12,34", std::nullopt, ""}, NumberCase{"1.2.3", std::nullopt, ""},
                      NumberCase{"abc", std::nullopt, ""}, NumberCase{"-", std::nullopt, ""},
                      NumberCase{"0x10", std::nullopt, ""}, NumberCase{"1e999", std::nullopt, ""}));

TEST(TypedDateTest, TurnsIsoAndUsDatesIntoSerials) {
  std::string implied;
  EXPECT_EQ(CellInputParser::TypedDate("2024-03-15", &implied), 45366);
  EXPECT_EQ(implied, "yyyy-mm-dd");
  EXPECT_EQ(CellInputParser::TypedDate("1970-01-01", &implied), 25569);
  EXPECT_EQ(CellInputParser::TypedDate("1900-03-01", &implied), 61);
  EXPECT_EQ(CellInputParser::TypedDate("1900-01-01", &implied), 1);
  EXPECT_EQ(CellInputParser::TypedDate("3/15/2024", &implied), 45366);
  EXPECT_EQ(implied, "m/d/yyyy");
  EXPECT_EQ(CellInputParser::TypedDate("2023-02-29", &implied), std::nullopt);
  EXPECT_EQ(CellInputParser::TypedDate("1899-12-31", &implied), std::nullopt);
}

TEST(CellInputTest, RefusesOverlongTextAndHugeNumbersAndObjects) {
  EXPECT_FALSE(CellInputParser::Parse(std::string(32'768, 'a'), false, false));
  EXPECT_TRUE(CellInputParser::Parse(std::string(32'767, 'a'), false, false));
  EXPECT_FALSE(CellInputParser::Parse(1e308, false, false));
  EXPECT_FALSE(CellInputParser::Parse(nlohmann::json::object(), false, false));
  EXPECT_EQ(CellInputParser::Parse(std::string(32'768, 'a'), false, false).error().upstream,
            "invalidArgument");
}

TEST(CellInputTest, NullLeavesTheCellAndEmptyStringClearsIt) {
  EXPECT_FALSE(CellInputParser::Parse(nullptr, false, false)->has_value());
  const auto cleared = CellInputParser::Parse("", false, false);
  ASSERT_TRUE(cleared && cleared->has_value());
  EXPECT_EQ((*cleared)->value.kind, ValueKind::kEmpty);
  EXPECT_TRUE((*cleared)->reset_format);
}

TEST(CellInputTest, FormulasPropertyTreatsOnlyEqualsAsFormula) {
  EXPECT_TRUE((*CellInputParser::Parse("=A1", false, true))->value.formula);
  EXPECT_EQ((*CellInputParser::Parse("12", false, true))->value.kind, ValueKind::kNumber);
}

TEST(CellInputTest, CountsUtf16UnitsLikeExcel) {
  EXPECT_EQ(CellInputParser::Utf16Length("abc"), 3u);
  EXPECT_EQ(CellInputParser::Utf16Length("é€"), 2u);
  EXPECT_EQ(CellInputParser::Utf16Length("😀"), 2u);
}

}  // namespace
}  // namespace xlsync::fakes
