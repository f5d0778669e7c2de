#include "excel/cell_digest.h"

#include <gtest/gtest.h>

#include <charconv>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "excel/graph_chunk_encoder.h"

namespace xlsync::excel {
namespace {

using core::Cell;
using core::Row;
using nlohmann::json;

uint64_t DigestOfCells(const std::vector<Row>& rows) {
  RowDigest digest;
  for (const auto& row : rows) digest.AddRow(row);
  return digest.value();
}

uint64_t DigestOfJson(const json& values) {
  RowDigest digest;
  const auto added = digest.AddRangeValues(json{{"address", "Sheet1!A2:C9"}, {"values", values}}.dump());
  EXPECT_EQ(added, values.size());
  return digest.value();
}

// What the fake Graph server returns for a range we PATCHed: the quote-prefixed texts without
// their apostrophe, numbers as JSON numbers, booleans as booleans, empty cells as "".
json ReadBack(const std::vector<Row>& rows) {
  std::vector<core::Column> columns(rows.front().size());
  GraphChunkEncoder encoder(columns, ChunkBudget{});
  std::string body;
  auto encoded = encoder.Encode(rows, body, rows.size());
  EXPECT_TRUE(encoded);
  json values = json::parse(body)["values"];
  for (auto& row : values) {
    for (auto& cell : row) {
      if (cell.is_string() && !cell.get<std::string>().empty())
        cell = cell.get<std::string>().substr(1);
    }
  }
  return values;
}

TEST(CellDigestTest, CanonicalNumbersKeepFifteenSignificantDigits) {
  struct Case {
    double value;
    const char* text;
  };
  const Case cases[] = {
      {0, "0.00000000000000e+00"},
      {-0.0, "0.00000000000000e+00"},
      {1, "1.00000000000000e+00"},
      {-42, "-4.20000000000000e+01"},
      {0.1 + 0.2, "3.00000000000000e-01"},
      {0.3, "3.00000000000000e-01"},
      {1e20, "1.00000000000000e+20"},
      {123456789012345678.0, "1.23456789012346e+17"},
      {999999999999999, "9.99999999999999e+14"},
      {1e15, "1.00000000000000e+15"},
      {123456789012345.67, "1.23456789012346e+14"},
      {45366.5, "4.53665000000000e+04"},
  };
  for (const auto& c : cases) EXPECT_EQ(CanonicalNumber(c.value), c.text) << c.value;
}

TEST(CellDigestTest, HandWrittenIntegersMatchTheGeneralPath) {
  // Integers below 1e15 take a shortcut; it must print exactly what to_chars prints.
  for (double value : {1.0, 9.0, 10.0, 99.0, 100.0, 12345.0, 1e14, 999999999999999.0, -7.0,
                       -123456789012345.0, 4294967296.0}) {
    char buffer[40];
    const auto end =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific, 14).ptr;
    EXPECT_EQ(CanonicalNumber(value), std::string(buffer, end)) << value;
  }
}

TEST(CellDigestTest, CellsAndTheirGraphReadBackDigestAlike) {
  const std::vector<Row> rows = {
      {Cell::Number(0.1 + 0.2), Cell::Number(1e20), Cell::Number(-0.0),
       Cell::Number(123456789012345678.0)},
      {Cell::Text("00123"), Cell::Text("=1+1"), Cell::Text("'quoted"), Cell::Text("TRUE")},
      {Cell::Empty(), Cell::Text(""), Cell::Boolean(true), Cell::Boolean(false)},
      {Cell::Text("a\x01"
                  "b\xFF"),
       Cell::Text("\x02"), Cell::Text(std::string(40'000, 'x')),
       Cell::Text("emoji 😀\ttab\nnewline")},
  };
  EXPECT_EQ(DigestOfCells(rows), DigestOfJson(ReadBack(rows)));
}

TEST(CellDigestTest, MatchesGraphsOwnRenderingOfNumbers) {
  // Excel keeps 15 digits, so Graph may answer 0.3 for 0.1+0.2 and an integer for 1.0.
  const std::vector<Row> cells = {{Cell::Number(0.1 + 0.2), Cell::Number(1.0),
                                   Cell::Number(123456789012345678.0), Cell::Number(-0.0),
                                   Cell::Number(1e20)}};
  const json graph = json::parse(R"([[0.3, 1, 123456789012346000, 0, 100000000000000000000]])");
  EXPECT_EQ(DigestOfCells(cells), DigestOfJson(graph));
  const json graph_floats =
      json::parse(R"([[0.30000000000000004, 1.0, 1.2345678901234568e+17, -0.0, 1e20]])");
  EXPECT_EQ(DigestOfCells(cells), DigestOfJson(graph_floats));
}

TEST(CellDigestTest, TellsApartWhatGraphTellsApart) {
  const std::vector<std::pair<Row, Row>> different = {
      {{Cell::Number(1)}, {Cell::Text("1")}},
      {{Cell::Boolean(true)}, {Cell::Text("true")}},
      {{Cell::Number(0.1)}, {Cell::Number(0.10000000000001)}},
      {{Cell::Text("ab"), Cell::Text("c")}, {Cell::Text("a"), Cell::Text("bc")}},
      {{Cell::Text("a"), Cell::Empty()}, {Cell::Empty(), Cell::Text("a")}},
      {{Cell::Boolean(false)}, {Cell::Empty()}},
  };
  for (const auto& [left, right] : different) {
    EXPECT_NE(DigestOfCells({left}), DigestOfCells({right}));
  }
  // Order of rows matters; the empty cell and the empty text are the same cell in Excel.
  const Row a = {Cell::Number(1)};
  const Row b = {Cell::Number(2)};
  EXPECT_NE(DigestOfCells({a, b}), DigestOfCells({b, a}));
  EXPECT_EQ(DigestOfCells({{Cell::Empty()}}), DigestOfCells({{Cell::Text("")}}));
  EXPECT_EQ(DigestOfCells({{Cell::Empty()}}), DigestOfJson(json::parse("[[null]]")));
}

TEST(CellDigestTest, ALinkDigestsAsTheNumberItShows) {
  // Excel reads a HYPERLINK formula back as its result, the record's id.
  EXPECT_EQ(DigestOfCells({{Cell::Link("https://odoo.example.com/odoo/res.partner/7", 7)}}),
            DigestOfJson(json::parse("[[7]]")));
  EXPECT_NE(DigestOfCells({{Cell::Link("https://odoo.example.com/odoo/res.partner/7", 7)}}),
            DigestOfJson(json::parse("[[8]]")));
}

TEST(CellDigestTest, CountsRows) {
  RowDigest digest;
  EXPECT_EQ(digest.rows(), 0u);
  const uint64_t empty = digest.value();
  digest.AddRow(Row{Cell::Number(1)});
  EXPECT_EQ(digest.AddRangeValues(R"({"values":[[1]]})"), 1u);
  EXPECT_EQ(digest.rows(), 2u);
  EXPECT_NE(digest.value(), empty);
}

TEST(CellDigestTest, ReadsOnlyTheValuesOfARangeAnswer) {
  RowDigest digest;
  const auto added = digest.AddRangeValues(
      R"({"address":"Sheet1!A2:B3","text":[["not","these"]],"values":[["S00001",12.5],[null,true]],)"
      R"("numberFormat":[["General","0.00"],["General","General"]]})");
  ASSERT_EQ(added, 2u);
  EXPECT_EQ(digest.value(), DigestOfCells({{Cell::Text("S00001"), Cell::Number(12.5)},
                                           {Cell::Empty(), Cell::Boolean(true)}}));
}

TEST(CellDigestTest, AnAnswerWithoutValuesOrNotJsonAddsNothing) {
  RowDigest digest;
  digest.AddRow(Row{Cell::Number(1)});
  const uint64_t before = digest.value();
  EXPECT_FALSE(digest.AddRangeValues(R"({"address":"Sheet1!A2:B3"})"));
  EXPECT_FALSE(digest.AddRangeValues(R"({"values":[["S00001"],["S00)"));
  EXPECT_FALSE(digest.AddRangeValues("<html>Bad gateway</html>"));
  EXPECT_EQ(digest.value(), before);
  EXPECT_EQ(digest.rows(), 1u);
}

TEST(CellDigestTest, AnObjectOrArrayWhereACellShouldBeMatchesNoCell) {
  const uint64_t odd = DigestOfJson(json::parse(R"([[{"formula":"=A1"}]])"));
  EXPECT_NE(odd, DigestOfCells({{Cell::Empty()}}));
  EXPECT_NE(odd, DigestOfCells({{Cell::Text("{\"formula\":\"=A1\"}")}}));
  EXPECT_EQ(DigestOfJson(json::parse(R"([["a", [1, [2]], "b"]])")),
            DigestOfJson(json::parse(R"([["a", {"x": 1}, "b"]])")));
  EXPECT_NE(DigestOfJson(json::parse(R"([["a", [1], "b"]])")), DigestOfCells({{Cell::Text("a"), Cell::Text("b")}}));
}

}  // namespace
}  // namespace xlsync::excel
