#include "excel/graph_chunk_encoder.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "excel/cell_text.h"

namespace xlsync::excel {
namespace {

using core::Cell;
using core::Column;
using core::Row;
using namespace std::string_literals;

std::vector<Column> PlainColumns(size_t count) {
  std::vector<Column> columns;
  for (size_t i = 0; i < count; ++i)
    columns.push_back({"f" + std::to_string(i), "F" + std::to_string(i), ""});
  return columns;
}

std::vector<Row> NumberRows(size_t rows, size_t columns) {
  std::vector<Row> result(rows, Row(columns, Cell::Number(7)));
  return result;
}

std::string EncodeAll(const GraphChunkEncoder& encoder, const std::vector<Row>& rows,
                      size_t max_rows, size_t expected_rows) {
  std::string body;
  auto encoded = encoder.Encode(rows, body, max_rows);
  EXPECT_TRUE(encoded) << encoded.error().message;
  if (encoded) {
    EXPECT_EQ(*encoded, expected_rows);
  }
  return body;
}

TEST(GraphChunkEncoderTest, EncodesAMixedChunkExactly) {
  const std::vector<Column> columns = {{"id", "ID", ""},
                                       {"name", "Name", ""},
                                       {"date_order", "Date", "yyyy-mm-dd"},
                                       {"amount_total", "Total", "#,##0.00"},
                                       {"active", "Active", ""}};
  const std::vector<Row> rows = {
      {Cell::Number(1), Cell::Text("Acme"), Cell::Number(45366), Cell::Number(1234.5),
       Cell::Boolean(true)},
      {Cell::Number(2), Cell::Text(""), Cell::Empty(), Cell::Number(-0.25), Cell::Boolean(false)},
      {Cell::Number(3), Cell::Text("=HYPERLINK(\"x\")\n"), Cell::Number(45367.5),
       Cell::Number(1e20), Cell::Empty()},
  };
  GraphChunkEncoder encoder(columns, ChunkBudget{});
  const std::string formats = R"(["General","General","yyyy-mm-dd","#,##0.00","General"])";
  EXPECT_EQ(EncodeAll(encoder, rows, 100, 3),
            R"({"values":[[1,"'Acme",45366,1234.5,true],[2,"","",-0.25,false],)"
            R"([3,"'=HYPERLINK(\"x\")\n",45367.5,1e+20,""]],"numberFormat":[)" +
                formats + "," + formats + "," + formats + "]}");
}

TEST(GraphChunkEncoderTest, SendsACellsOwnFormatInItsRowOfFormats) {
  // Amounts in their record's currency: the cell's format wins over the column's, in the same PATCH.
  const std::vector<Column> columns = {{"name", "Name", ""}, {"amount", "Amount", "#,##0.00"}};
  const std::vector<Row> rows = {{Cell::Text("a"), Cell::Number(1, "#,##0.00 [$€]")},
                                 {Cell::Text("b"), Cell::Number(2)}};
  GraphChunkEncoder encoder(columns, ChunkBudget{});
  EXPECT_EQ(EncodeAll(encoder, rows, 100, 2),
            R"({"values":[["'a",1],["'b",2]],"numberFormat":[["General","#,##0.00 [$€]"],["General","#,##0.00"]]})");
  // Without column formats, rows before the first own format still get their (General) row.
  GraphChunkEncoder plain(PlainColumns(2), ChunkBudget{});
  const std::vector<Row> later = {{Cell::Number(1), Cell::Number(2)}, {Cell::Number(3), Cell::Number(4, "0%")}};
  EXPECT_EQ(EncodeAll(plain, later, 100, 2),
            R"({"values":[[1,2],[3,4]],"numberFormat":[["General","General"],["General","0%"]]})");
}

TEST(GraphChunkEncoderTest, WritesALinkAsAHyperlinkFormulaShowingTheId) {
  GraphChunkEncoder encoder(PlainColumns(1), ChunkBudget{});
  const std::vector<Row> rows = {{Cell::Link("https://odoo.example.com/odoo/sale.order/42", 42)}};
  const std::string body = EncodeAll(encoder, rows, 100, 1);
  EXPECT_EQ(body, R"j({"values":[["=HYPERLINK(\"https://odoo.example.com/odoo/sale.order/42\",42)"]]})j");
  EXPECT_EQ(nlohmann::json::parse(body)["values"][0][0],
            "=HYPERLINK(\"https://odoo.example.com/odoo/sale.order/42\",42)");
}

TEST(GraphChunkEncoderTest, LeavesNumberFormatOutWhenNoColumnHasOne) {
  GraphChunkEncoder encoder(PlainColumns(2), ChunkBudget{});
  const std::vector<Row> rows = {{Cell::Number(0.1), Cell::Number(-0.0)},
                                 {Cell::Number(123456789012345678.0), Cell::Number(-3)}};
  EXPECT_EQ(EncodeAll(encoder, rows, 100, 2), R"({"values":[[0.1,0],[123456789012345680,-3]]})");
}

TEST(GraphChunkEncoderTest, StopsAtTheCellCeilingTheCallersRowsAndTheCap) {
  ChunkBudget budget;
  budget.max_cells = 6;
  budget.ceiling_cells = 10;
  GraphChunkEncoder encoder(PlainColumns(3), budget);
  const auto rows = NumberRows(10, 3);
  EXPECT_EQ(encoder.RowsPerChunk(), 2u);     // the first chunk: 6 cells / 3 columns
  EXPECT_EQ(encoder.MaxRowsPerChunk(), 3u);  // 10 cells / 3 columns
  EncodeAll(encoder, rows, 100, 3);
  EncodeAll(encoder, rows, 2, 2);
  EncodeAll(encoder, rows, 0, 1);  // always some progress
  encoder.set_max_rows_cap(1);
  EXPECT_EQ(EncodeAll(encoder, rows, 100, 1), R"({"values":[[7,7,7]]})");
  encoder.set_max_rows_cap(0);
  EncodeAll(encoder, rows, 100, 3);
  EncodeAll(encoder, std::vector<Row>(rows.begin(), rows.begin() + 2), 100, 2);
}

TEST(GraphChunkEncoderTest, StopsWhereExcelsAnswerWouldPassItsBudget) {
  ChunkBudget budget;
  budget.max_answer_bytes = 1'000;
  GraphChunkEncoder encoder(PlainColumns(3), budget);
  // A row is [7,7,7] and a comma (8 bytes): 5 x 8 + 3 x (10 + 16) = 118 bytes of answer a row,
  // and the body's own 13 bytes count five times: 7 rows.
  std::string body;
  auto encoded = encoder.Encode(NumberRows(100, 3), body, 100);
  ASSERT_TRUE(encoded);
  EXPECT_EQ(*encoded, 7u);
  EXPECT_LE(GraphChunkEncoder::AnswerBytes(body.size(), 0, *encoded * 3), 1'000u);
  EXPECT_GT(GraphChunkEncoder::AnswerBytes(body.size() + 8, 0, (*encoded + 1) * 3), 1'000u);
  budget.max_answer_bytes = 10;  // one row travels alone even over the budget
  EXPECT_EQ(*GraphChunkEncoder(PlainColumns(3), budget).Encode(NumberRows(5, 3), body, 5), 1u);
}

TEST(GraphChunkEncoderTest, ScalesTheAnswerEstimateByWhatExcelAnswered) {
  ChunkBudget budget;
  budget.max_answer_bytes = 1'000;
  GraphChunkEncoder encoder(PlainColumns(3), budget);
  std::string body;
  const auto rows = NumberRows(100, 3);
  const auto rows_at = [&](double scale) {
    encoder.set_answer_scale(scale);
    return *encoder.Encode(rows, body, 100);
  };
  const size_t half = rows_at(0.5);  // answers half the estimate: chunks of twice the estimate
  EXPECT_LE(GraphChunkEncoder::AnswerBytes(body.size(), 0, half * 3), 2'000u);
  EXPECT_GT(GraphChunkEncoder::AnswerBytes(body.size() + 8, 0, (half + 1) * 3), 2'000u);
  EXPECT_EQ(rows_at(0.1), half);  // no lower than half the estimate
  const size_t twice = rows_at(2.0);
  EXPECT_LE(GraphChunkEncoder::AnswerBytes(body.size(), 0, twice * 3), 500u);
  EXPECT_GT(GraphChunkEncoder::AnswerBytes(body.size() + 8, 0, (twice + 1) * 3), 500u);
  EXPECT_EQ(rows_at(9.0), twice);  // no higher than twice
  EXPECT_EQ(rows_at(1.0), 7u);
}

TEST(GraphChunkEncoderTest, CountsTheFormatsSentInExcelsAnswer) {
  EXPECT_EQ(GraphChunkEncoder::AnswerBytes(100, 0, 10), 500u + 100u + 160u);
  EXPECT_EQ(GraphChunkEncoder::AnswerBytes(100, 300, 10), 500u + 300u + 160u);
}

TEST(GraphChunkEncoderTest, StopsAtTheByteBudgetCountingTheWholeBody) {
  for (const std::string format : {"", "0"}) {
    std::vector<Column> columns = PlainColumns(2);
    columns[1].number_format = format;
    const std::vector<Row> rows(10, Row{Cell::Text("abcdef"), Cell::Number(12345)});
    std::vector<std::string> bodies;  // bodies[n] = the body of n rows
    bodies.push_back("");
    for (size_t n = 1; n <= 4; ++n) {
      ChunkBudget budget;
      GraphChunkEncoder exact(columns, budget);
      bodies.push_back(EncodeAll(exact, rows, n, n));
    }
    for (size_t n = 2; n <= 4; ++n) {
      ChunkBudget budget;
      budget.max_bytes = bodies[n].size();
      GraphChunkEncoder encoder(columns, budget);
      EXPECT_EQ(EncodeAll(encoder, rows, 100, n), bodies[n]) << "format '" << format << "'";
      budget.max_bytes = bodies[n].size() - 1;
      GraphChunkEncoder tighter(columns, budget);
      EXPECT_EQ(EncodeAll(tighter, rows, 100, n - 1), bodies[n - 1]) << "format '" << format << "'";
    }
  }
}

TEST(GraphChunkEncoderTest, SendsOneOversizedRowAloneUnderTheHardLimit) {
  ChunkBudget budget;
  budget.max_bytes = 50;
  budget.hard_max_bytes = 1'000;
  GraphChunkEncoder encoder(PlainColumns(1), budget);
  const std::vector<Row> rows(3, Row{Cell::Text(std::string(200, 'x'))});
  const std::string body = EncodeAll(encoder, rows, 100, 1);
  EXPECT_EQ(body, "{\"values\":[[\"'" + std::string(200, 'x') + "\"]]}");
  // A small first row still leaves the big second row for the next chunk.
  const std::vector<Row> mixed = {Row{Cell::Text("a")}, Row{Cell::Text(std::string(200, 'x'))}};
  EXPECT_EQ(EncodeAll(encoder, mixed, 100, 1), R"({"values":[["'a"]]})");
}

TEST(GraphChunkEncoderTest, RefusesARowOverTheHardLimit) {
  ChunkBudget budget;
  budget.max_bytes = 50;
  budget.hard_max_bytes = 150;
  GraphChunkEncoder encoder(PlainColumns(2), budget);
  for (const Row& row : {Row{Cell::Text(std::string(200, 'x')), Cell::Number(1)},
                         Row{Cell::Text(std::string(70, 'x')), Cell::Text(std::string(70, 'y'))}}) {
    std::string body = "stale";
    auto encoded = encoder.Encode(std::vector<Row>{row}, body, 100);
    ASSERT_FALSE(encoded);
    EXPECT_EQ(encoded.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(encoded.error().message,
              "One row needs more than 150 bytes of JSON, too much for one request to Excel "
              "Online: leave the longest text fields (notes, descriptions, HTML) out of the "
              "export.");
    EXPECT_EQ(body, "");
  }
}

TEST(GraphChunkEncoderTest, RefusesNumbersExcelCannotStore) {
  const std::vector<Column> columns = {{"amount", "Amount", "0.00"}};
  GraphChunkEncoder encoder(columns, ChunkBudget{});
  for (double bad : {std::nan(""), std::numeric_limits<double>::infinity(), -1e308}) {
    std::string body;
    auto encoded =
        encoder.Encode(std::vector<Row>{{Cell::Number(1)}, {Cell::Number(bad)}}, body, 100);
    ASSERT_FALSE(encoded) << bad;
    EXPECT_EQ(encoded.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(encoded.error().message.rfind("Column \"Amount\" holds ", 0), 0u);
    EXPECT_EQ(body, "");
  }
}

TEST(GraphChunkEncoderTest, ReportsARowOfTheWrongWidthAsABug) {
  GraphChunkEncoder encoder(PlainColumns(2), ChunkBudget{});
  std::string body;
  auto encoded = encoder.Encode(std::vector<Row>{{Cell::Number(1)}}, body, 100);
  ASSERT_FALSE(encoded);
  EXPECT_EQ(encoded.error().code, core::ErrorCode::kInternal);
  EXPECT_EQ(encoded.error().message,
            "A row has 1 cells but the export has 2 columns: this is a bug in xlsync, please "
            "report it.");
}

TEST(GraphChunkEncoderTest, EncodesNothingForNoRows) {
  GraphChunkEncoder encoder(PlainColumns(2), ChunkBudget{});
  std::string body = "stale";
  auto encoded = encoder.Encode({}, body, 100);
  ASSERT_TRUE(encoded);
  EXPECT_EQ(*encoded, 0u);
  EXPECT_EQ(body, "");
}

std::vector<std::string> NastyTexts() {
  return {"plain",
          "quote \" and backslash \\ and slash /",
          "new\nline\r\nand\ttab",
          "controls \x01\x02\x1F\x0B\x0C gone",
          "nul \x00 inside"s,
          "bad utf-8 \xC3\x28 \xFF \xED\xA0\x80",
          "emoji 😀 and CJK 漢字 and RTL \u202Eabc",
          "line separator \u2028 paragraph \u2029",
          "\x01",  // nothing left: an empty cell
          "'",
          "=1+1",
          "+cmd|' /C calc'!A0",
          "-2+3",
          "@SUM(1)",
          "\tleading tab",
          "</script><script>alert(1)</script>",
          "\\u0000 literally",
          std::string(40'000, 'z'),
          std::string(20'000, '"')};
}

TEST(GraphChunkEncoderTest, ProducesValidJsonForNastyStrings) {
  for (const bool allow_formulas : {false, true}) {
    const auto texts = NastyTexts();
    std::vector<Row> rows;
    for (const auto& text : texts) rows.push_back({Cell::Text(text), Cell::Number(1.5)});
    GraphChunkEncoder encoder(PlainColumns(2), ChunkBudget{}, allow_formulas);
    const std::string body = EncodeAll(encoder, rows, 1'000, rows.size());
    const auto parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    ASSERT_FALSE(parsed.is_discarded()) << body.substr(0, 200);
    ASSERT_EQ(parsed["values"].size(), texts.size());
    for (size_t i = 0; i < texts.size(); ++i) {
      const std::string expected = GraphTextValue(SanitizeText(texts[i]).text, allow_formulas);
      EXPECT_EQ(parsed["values"][i][0].get<std::string>(), expected) << i;
      EXPECT_EQ(parsed["values"][i][1].get<double>(), 1.5);
    }
    EXPECT_EQ(parsed["values"][8][0], "");
    EXPECT_EQ(parsed["values"][10][0], allow_formulas ? "=1+1" : "'=1+1");
  }
}

}  // namespace
}  // namespace xlsync::excel
