// Ranges (msgraph.md §6.4, §6.5) on the fake Graph.
#include <gmock/gmock.h>

#include "tests/unit/fakes/fake_graph_fixture.h"

namespace xlsync::fakes {
namespace {

using ::testing::ElementsAre;

constexpr char kMismatch[] =
    "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

class FakeGraphRangeTest : public FakeGraphTest {};

TEST_F(FakeGraphRangeTest, PatchAnswersTheRangeAndGetReadsItBack) {
  const auto reply = Patch(
      "A1:C2",
      {{"values", Grid({{"id", "name", "date"}, {7, "Acme", 45366}})},
       {"numberFormat", Grid({{"General", "General", "General"}, {"0", "@", "yyyy-mm-dd"}})}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto range = Json(reply);
  EXPECT_EQ(range["address"], "Sheet1!A1:C2");
  EXPECT_EQ(range["rowCount"], 2);
  EXPECT_EQ(range["columnCount"], 3);
  EXPECT_EQ(range["cellCount"], 6);
  EXPECT_EQ(range["values"], nlohmann::json::parse(R"([["id","name","date"],[7,"Acme",45366]])"));
  EXPECT_EQ(range["text"],
            nlohmann::json::parse(R"([["id","name","date"],["7","Acme","2024-03-15"]])"));
  EXPECT_EQ(
      range["valueTypes"],
      nlohmann::json::parse(R"([["String","String","String"],["Double","String","Double"]])"));
  EXPECT_EQ(range["numberFormat"][1], nlohmann::json::parse(R"(["0","@","yyyy-mm-dd"])"));
  EXPECT_EQ(Json(Get(Range("B2")))["values"], nlohmann::json::parse(R"([["Acme"]])"));
  EXPECT_EQ(fake_->Counters().cells_written, 6u);
}

TEST_F(FakeGraphRangeTest, AnArrayThatDoesNotMatchTheAddressIs400InvalidArgument) {
  for (const nlohmann::json& values :
       {nlohmann::json::parse("[[1,2],[3,4]]"), nlohmann::json::parse("[[1,2,3]]"),
        nlohmann::json::parse("[[1,2,3],[4,5]]")}) {
    const auto reply = Patch("A1:C2", {{"values", values}});
    EXPECT_EQ(reply.status, 400) << values;
    EXPECT_THAT(Codes(reply), ElementsAre("badRequest", "invalidArgument"));
    EXPECT_EQ(Json(reply)["error"]["message"], kMismatch);
  }
  EXPECT_TRUE(Snapshot().rows.empty());
}

TEST_F(FakeGraphRangeTest, AScalarFillsTheWholeRange) {
  ASSERT_EQ(Patch("A1:B2", {{"values", 5}}).status, 200);
  EXPECT_EQ(Snapshot().At("B2").value, core::Cell::Number(5));
}

struct TypedInputCase {
  std::string input;
  core::Cell stored;
  bool formula;
  bool quote_prefix;
  std::string number_format;
};

class TypedInputTest : public FakeGraphTest,
                       public ::testing::WithParamInterface<TypedInputCase> {};

TEST_P(TypedInputTest, IsStoredTheWayExcelTypesIt) {
  const auto& param = GetParam();
  ASSERT_EQ(Patch("A1", {{"values", Grid({{param.input}})}}).status, 200);
  const SheetSnapshot snapshot = Snapshot();
  const SnapshotCell& cell = snapshot.At("A1");
  EXPECT_EQ(cell.value, param.stored) << param.input;
  EXPECT_EQ(cell.formula, param.formula) << param.input;
  EXPECT_EQ(cell.quote_prefix, param.quote_prefix) << param.input;
  EXPECT_EQ(cell.number_format, param.number_format) << param.input;
}

INSTANTIATE_TEST_SUITE_P(
    UserInput, TypedInputTest,
    ::testing::Values(
        TypedInputCase{"123", core::Cell::Number(123), false, false, "General"},
        TypedInputCase{"00123", core::Cell::Number(123), false, false, "General"},
        TypedInputCase{"-5", core::Cell::Number(-5), false, false, "General"},
        TypedInputCase{"1,234.5", core::Cell::Number(1234.5), false, false, "#,##0.00"},
        TypedInputCase{"12%", core::Cell::Number(0.12), false, false, "0%"},
        TypedInputCase{"TRUE", core::Cell::Boolean(true), false, false, "General"},
        TypedInputCase{"false", core::Cell::Boolean(false), false, false, "General"},
        TypedInputCase{"2024-03-15", core::Cell::Number(45366), false, false, "yyyy-mm-dd"},
        TypedInputCase{"=SUM(B1:B3)", core::Cell::Text("=SUM(B1:B3)"), true, false, "General"},
        TypedInputCase{"+cmd", core::Cell::Text("+cmd"), true, false, "General"},
        TypedInputCase{"-abc", core::Cell::Text("-abc"), true, false, "General"},
        TypedInputCase{"-", core::Cell::Text("-"), false, false, "General"},
        TypedInputCase{"'=SUM(B1)", core::Cell::Text("=SUM(B1)"), false, true, "General"},
        TypedInputCase{"'00123", core::Cell::Text("00123"), false, true, "General"},
        TypedInputCase{"Acme, Inc.", core::Cell::Text("Acme, Inc."), false, false, "General"}));

TEST_F(FakeGraphRangeTest, AQuotePrefixReadsBackWithoutTheApostrophe) {
  ASSERT_EQ(Patch("A1:B1", {{"values", Grid({{"'=1+2", "'TRUE"}})}}).status, 200);
  EXPECT_EQ(Json(Get(Range("A1:B1")))["values"], nlohmann::json::parse(R"([["=1+2","TRUE"]])"));
}

TEST_F(FakeGraphRangeTest, ATextFormattedCellKeepsTypedInputAsText) {
  ASSERT_EQ(Patch("A1:B1", {{"numberFormat", Grid({{"@", "@"}})}}).status, 200);
  ASSERT_EQ(Patch("A1:B1", {{"values", Grid({{"00123", "=HYPERLINK(\"x\")"}})}}).status, 200);
  const auto snapshot = Snapshot();
  EXPECT_EQ(snapshot.At("A1").value, core::Cell::Text("00123"));
  EXPECT_EQ(snapshot.At("B1").value, core::Cell::Text("=HYPERLINK(\"x\")"));
  EXPECT_FALSE(snapshot.At("B1").formula);
}

TEST_F(FakeGraphRangeTest, AFormatSentInTheSamePatchComesTooLateToKeepText) {
  ASSERT_EQ(Patch("A1", {{"values", Grid({{"00123"}})}, {"numberFormat", Grid({{"@"}})}}).status,
            200);
  EXPECT_EQ(Snapshot().At("A1").value, core::Cell::Number(123));
  EXPECT_EQ(Snapshot().At("A1").number_format, "@");
}

TEST_F(FakeGraphRangeTest, NullLeavesACellAndEmptyStringClearsValueAndFormat) {
  ASSERT_EQ(Patch("A1:B1", {{"values", Grid({{1, 2}})}, {"numberFormat", Grid({{"0.00", "0.00"}})}})
                .status,
            200);
  ASSERT_EQ(Patch("A1:B1", {{"values", Grid({{nullptr, ""}})}}).status, 200);
  const auto snapshot = Snapshot();
  EXPECT_EQ(snapshot.At("A1").value, core::Cell::Number(1));
  EXPECT_EQ(snapshot.At("A1").number_format, "0.00");
  EXPECT_EQ(snapshot.At("B1").value, core::Cell::Empty());
  EXPECT_EQ(snapshot.At("B1").number_format, "General");
  EXPECT_EQ(Patch("A1", {{"values", nullptr}}).status, 400);
}

TEST_F(FakeGraphRangeTest, UsedRangeOfABlankSheetIsA1) {
  const auto blank = Json(Get(Sheet1() + "/usedRange"));
  EXPECT_EQ(blank["address"], "Sheet1!A1");
  EXPECT_EQ(blank["values"], nlohmann::json::parse(R"([[""]])"));
  ASSERT_EQ(Patch("B2:C3", {{"values", Grid({{1, 2}, {3, 4}})}}).status, 200);
  ASSERT_EQ(Patch("E9", {{"numberFormat", Grid({{"0.00"}})}}).status, 200);
  EXPECT_EQ(Json(Get(Sheet1() + "/usedRange(valuesOnly=true)?$select=address"))["address"],
            "Sheet1!B2:C3");
  EXPECT_EQ(Json(Get(Sheet1() + "/usedRange"))["address"], "Sheet1!B2:E9");
}

TEST_F(FakeGraphRangeTest, SelectReturnsOnlyTheNamedProperties) {
  ASSERT_EQ(Patch("A1", {{"values", Grid({{1}})}}).status, 200);
  const auto range = Json(Get(Range("A1") + "?$select=address,values"));
  EXPECT_EQ(
      range,
      nlohmann::json::parse(
          R"({"@odata.type":"#microsoft.graph.workbookRange","address":"Sheet1!A1","values":[[1]]})"));
  EXPECT_EQ(Get(Range("A1") + "?$select=colour").status, 400);
}

TEST_F(FakeGraphRangeTest, ClearContentsKeepsFormatsAndClearAllRemovesThem) {
  ASSERT_EQ(Patch("A1:B1", {{"values", Grid({{1, 2}})}, {"numberFormat", Grid({{"0.00", "0.00"}})}})
                .status,
            200);
  EXPECT_EQ(Graph(http::Method::kPost, Range("A1") + "/clear", R"({"applyTo":"Contents"})").status,
            204);
  EXPECT_EQ(Graph(http::Method::kPost, Range("B:B") + "/clear").status, 204);
  const auto snapshot = Snapshot();
  EXPECT_EQ(snapshot.At("A1").value, core::Cell::Empty());
  EXPECT_EQ(snapshot.At("A1").number_format, "0.00");
  EXPECT_EQ(snapshot.At("B1").value, core::Cell::Empty());
  EXPECT_EQ(snapshot.At("B1").number_format, "General");
  EXPECT_EQ(
      Graph(http::Method::kPost, Range("A1") + "/clear", R"({"applyTo":"Everything"})").status,
      400);
}

TEST_F(FakeGraphRangeTest, DeleteShiftsCellsUpOrLeft) {
  ASSERT_EQ(Patch("A1:B3", {{"values", Grid({{1, 2}, {3, 4}, {5, 6}})}}).status, 200);
  ASSERT_EQ(Graph(http::Method::kPost, Range("A1:B1") + "/delete", R"({"shift":"Up"})").status,
            204);
  EXPECT_EQ(Json(Get(Range("A1:B3")))["values"], nlohmann::json::parse(R"([[3,4],[5,6],["",""]])"));
  ASSERT_EQ(Graph(http::Method::kPost, Range("A1:A2") + "/delete", R"({"shift":"Left"})").status,
            204);
  EXPECT_EQ(Json(Get(Range("A1:B2")))["values"], nlohmann::json::parse(R"([[4,""],[6,""]])"));
  EXPECT_EQ(Graph(http::Method::kPost, Range("A1") + "/delete", "{}").status, 400);
}

TEST_F(FakeGraphRangeTest, TextOverTheCellLimitIs400) {
  EXPECT_EQ(Patch("A1", {{"values", Grid({{std::string(32'767, 'x')}})}}).status, 200);
  const auto reply = Patch("A2", {{"values", Grid({{std::string(32'768, 'x')}})}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(Codes(reply), ElementsAre("badRequest", "invalidArgument"));
}

TEST_F(FakeGraphRangeTest, NumbersBeyondExcelsRangeAre400) {
  EXPECT_EQ(Patch("A1", {{"values", Grid({{9.99999999999999e307}})}}).status, 200);
  EXPECT_EQ(Patch("A1", {{"values", Grid({{1e308}})}}).status, 400);
}

TEST_F(FakeGraphRangeTest, AddressesBeyondTheGridAre400) {
  EXPECT_EQ(Get(Range("XFD1048576")).status, 200);
  for (const char* address : {"A1048577", "XFE1", "A0", "1A", "A1:B"}) {
    const auto reply = Get(Range(address));
    EXPECT_EQ(reply.status, 400) << address;
    EXPECT_THAT(Codes(reply), ElementsAre("badRequest", "invalidArgument")) << address;
  }
}

TEST_F(FakeGraphRangeTest, UnboundedRangesReadAsNullsAndCannotBeWritten) {
  const auto read = Json(Get(Range("A:B")));
  EXPECT_EQ(read["address"], "Sheet1!A:B");
  EXPECT_TRUE(read["values"].is_null());
  EXPECT_EQ(Patch("A:B", {{"values", 1}}).status, 400);
}

TEST_F(FakeGraphRangeTest, ASheetQualifiedAddressMustNameThisSheet) {
  EXPECT_EQ(Get(Range("Sheet1!A1:B2")).status, 200);
  EXPECT_EQ(Get(Range("Other!A1")).status, 400);
}

TEST_F(FakeGraphRangeTest, AddressesOfSheetsWithSpecialNamesComeBackQuoted) {
  const auto added =
      Graph(http::Method::kPost, Workbook() + "/worksheets/add", R"({"name":"Q1 'Sales' 2024"})");
  const std::string id = Json(added)["id"];
  const auto read =
      Get(Workbook() + "/worksheets/" + http::PercentEncode(id) + "/range(address='A1:B2')");
  EXPECT_EQ(Json(read)["address"], "'Q1 ''Sales'' 2024'!A1:B2");
}

TEST_F(FakeGraphRangeTest, ABodyOverFiveMillionBytesIs413RequestPayloadSizeLimitExceeded) {
  const std::string body = R"({"values":[[")" + std::string(5'000'000, 'x') + R"("]]})";
  const auto reply = Graph(http::Method::kPatch, Range("A1"), body);
  EXPECT_EQ(reply.status, 413);
  EXPECT_THAT(Codes(reply), ElementsAre("payloadTooLarge", "payloadTooLargeUncategorized",
                                        "RequestPayloadSizeLimitExceeded"));
  EXPECT_TRUE(Snapshot().rows.empty());
}

TEST_F(FakeGraphRangeTest, AnAnswerOverTheLimitIs413ResponsePayloadSizeLimitExceededAfterThePatchApplied) {
  fake_->SetMaxResponseBytes(300);
  const auto patched = Patch("A1:B3", {{"values", Grid({{"aaaaaaaaaa", 1}, {"bbbbbbbbbb", 2}, {"cccccccccc", 3}})}});
  EXPECT_EQ(patched.status, 413);
  EXPECT_THAT(Codes(patched), ElementsAre("ResponsePayloadSizeLimitExceeded", "responsePayloadSizeLimitExceeded"));
  EXPECT_EQ(Json(Get(Range("A3") + "?$select=values"))["values"][0][0], "cccccccccc");  // applied all the same
  EXPECT_EQ(Get(Range("A1:B3") + "?$select=values").status, 200);  // a short answer passes
  EXPECT_EQ(Get(Range("A1:B3")).status, 413);
}

TEST_F(FakeGraphRangeTest, ReadsOfMoreThanFiveMillionCellsAre400UnlessTheyLoadNoCells) {
  const auto read = Get(Range("A1:E1000001") + "?$select=values");
  EXPECT_EQ(read.status, 400);
  EXPECT_THAT(Codes(read), ElementsAre("badRequest", "rangeExceedsLimit"));
  const auto extent = Get(Range("A1:E1000001") + "?$select=address,rowCount");
  ASSERT_EQ(extent.status, 200);
  EXPECT_EQ(Json(extent)["rowCount"], 1'000'001);
}

TEST_F(FakeGraphRangeTest, TheOptionalCellCapAnswers413RangeExceedsLimit) {
  fake_->SetMaxCellsPerRequest(4);
  EXPECT_EQ(Patch("A1:B2", {{"values", Grid({{1, 2}, {3, 4}})}}).status, 200);
  const auto reply = Patch("A1:C2", {{"values", Grid({{1, 2, 3}, {4, 5, 6}})}});
  EXPECT_EQ(reply.status, 413);
  EXPECT_THAT(Codes(reply), ElementsAre("payloadTooLarge", "rangeExceedsLimit"));
}

TEST_F(FakeGraphRangeTest, AnUnknownPropertyIs400) {
  EXPECT_EQ(Patch("A1", {{"colour", "red"}}).status, 400);
  EXPECT_EQ(Patch("A1", {{"values", Grid({{nlohmann::json::object()}})}}).status, 400);
}

}  // namespace
}  // namespace xlsync::fakes
