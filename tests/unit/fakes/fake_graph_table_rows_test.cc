// Table rows and columns (msgraph.md §6.7), and range insert/delete around tables (§6.4), on the
// fake Graph: growth, shrinking, the one-body-row rule and the cells that move around a table.
#include "tests/unit/fakes/fake_graph_table_fixture.h"

namespace xlsync::fakes {
namespace {

using ::testing::ElementsAre;

/// A table "Table1" over A1:B3 (header id/name and two rows), with a note below it in A5 and
/// another beside it in D2, outside its columns.
class FakeGraphTableRowsTest : public FakeGraphTableTest {
 protected:
  void SetUp() override {
    FakeGraphTableTest::SetUp();
    Fill("A1:B3", Grid({{"id", "name"}, {1, "Acme"}, {2, "Globex"}}));
    Fill("A5", Grid({{"note below"}}));
    Fill("D2", Grid({{"note beside"}}));
    id_ = AddTable("Sheet1!A1:B3", true);
  }
  std::string Rows() const { return Table(id_) + "/rows"; }
  std::string Columns() const { return Table(id_) + "/columns"; }
  std::string Shift(const std::string& address, const std::string& action, const std::string& shift,
                    int expected_status) {
    const auto reply = Post(Range(address) + "/" + action, {{"shift", shift}});
    EXPECT_EQ(reply.status, expected_status) << address << " " << reply.body;
    return reply.body;
  }

  std::string id_;
};

TEST_F(FakeGraphTableRowsTest, RowsAddAppendsAndPushesTheCellsBelowDown) {
  const auto reply = Post(
      Rows() + "/add", {{"values", Grid({{3, "Initech"}, {4, "Umbrella"}})}, {"index", nullptr}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(Json(reply),
            nlohmann::json::parse(R"({"index":2,"values":[[3,"Initech"],[4,"Umbrella"]]})"));
  EXPECT_EQ(OnlyTable().address, "Sheet1!A1:B5");
  EXPECT_EQ(Values("A7"), nlohmann::json::parse(R"([["note below"]])"));
  EXPECT_EQ(Values("D2"), nlohmann::json::parse(R"([["note beside"]])"));
  EXPECT_EQ(Get(Rows() + "/$count").body, "4");
  EXPECT_EQ(fake_->Counters().cells_written, 8u + 4u);  // the set-up's 8 cells, then 4 added
}

TEST_F(FakeGraphTableRowsTest, RowsAddIsNotIdempotentAReplayAddsAgain) {
  const nlohmann::json body = {{"values", Grid({{3, "Initech"}})}};
  ASSERT_EQ(Post(Rows() + "/add", body).status, 201);
  ASSERT_EQ(Post(Rows() + "/add", body).status, 201);
  EXPECT_EQ(OnlyTable().body_rows, 4);
  EXPECT_EQ(Values("A4:A5"), nlohmann::json::parse("[[3],[3]]"));
}

TEST_F(FakeGraphTableRowsTest, RowsAddAtAnIndexInsertsThere) {
  const auto reply = Post(Rows() + "/add", {{"values", Grid({{0, "First"}})}, {"index", 0}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(Json(reply)["index"], 0);
  EXPECT_EQ(Values("A2:B4"), nlohmann::json::parse(R"([[0,"First"],[1,"Acme"],[2,"Globex"]])"));
  const auto beyond = Post(Rows() + "/add", {{"values", Grid({{9, "x"}})}, {"index", 9}});
  EXPECT_EQ(beyond.status, 400);
  EXPECT_EQ(Json(beyond)["error"]["message"], "The row index 9 is outside the table's 3 rows.");
}

TEST_F(FakeGraphTableRowsTest, RowsAddOfTheWrongWidthIs400AndChangesNothing) {
  for (const nlohmann::json& values : {Grid({{3, "Initech", "extra"}}), Grid({{3}})}) {
    const auto reply = Post(Rows() + "/add", {{"values", values}});
    EXPECT_EQ(reply.status, 400) << values;
    EXPECT_THAT(Codes(reply), ElementsAre("badRequest", "invalidArgument"));
    EXPECT_EQ(Json(reply)["error"]["message"], kShapeMismatch);
  }
  const auto empty = Post(Rows() + "/add", {{"values", nlohmann::json::array()}});
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(OnlyTable().address, "Sheet1!A1:B3");
  EXPECT_EQ(Values("A5"), nlohmann::json::parse(R"([["note below"]])"));
}

TEST_F(FakeGraphTableRowsTest, TheBlankRowOfAnEmptyTableTakesTheFirstAddedRow) {
  Fill("F1:G1", Grid({{"a", "b"}}));
  const std::string empty = AddTable("Sheet1!F1:G1", true);
  const auto reply = Post(Table(empty) + "/rows/add", {{"values", Grid({{1, 2}, {3, 4}})}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(Json(reply)["index"], 0);
  EXPECT_EQ(Values("F1:G3"), nlohmann::json::parse(R"([["a","b"],[1,2],[3,4]])"));
  EXPECT_EQ(Get(Table(empty) + "/rows/$count").body, "2");
}

TEST_F(FakeGraphTableRowsTest, RowsReadWithTopAndSkip) {
  ASSERT_EQ(Post(Rows() + "/add", {{"values", Grid({{3, "Initech"}, {4, "Umbrella"}})}}).status,
            201);
  const auto page = Json(Get(Rows() + "?$top=2&$skip=1"));
  EXPECT_EQ(page["value"], nlohmann::json::parse(
                               R"([{"index":1,"values":[[2,"Globex"]]},
                                   {"index":2,"values":[[3,"Initech"]]}])"));
  EXPECT_EQ(Json(Get(Rows() + "/itemAt(index=3)"))["values"],
            nlohmann::json::parse(R"([[4,"Umbrella"]])"));
  EXPECT_EQ(Get(Rows() + "?$top=two").status, 400);
}

TEST_F(FakeGraphTableRowsTest, DeletingARowShiftsUpAndTheLastRowIsKeptBlank) {
  EXPECT_EQ(Delete(Rows() + "/itemAt(index=0)").status, 204);
  EXPECT_EQ(OnlyTable().address, "Sheet1!A1:B2");
  EXPECT_EQ(Values("A2:B2"), nlohmann::json::parse(R"([[2,"Globex"]])"));
  EXPECT_EQ(Values("A4"), nlohmann::json::parse(R"([["note below"]])"));
  EXPECT_EQ(Delete(Rows() + "/itemAt(index=0)").status, 204);
  EXPECT_EQ(OnlyTable().address, "Sheet1!A1:B2");
  EXPECT_EQ(Values("A2:B2"), nlohmann::json::parse(R"([["",""]])"));
  const auto beyond = Delete(Rows() + "/itemAt(index=1)");
  EXPECT_EQ(beyond.status, 400);
  EXPECT_EQ(Json(beyond)["error"]["message"], "The row index 1 is outside the table's 1 rows.");
}

TEST_F(FakeGraphTableRowsTest, ColumnsListTheirIdsNamesAndValues) {
  const auto columns = Json(Get(Columns()));
  EXPECT_EQ(columns["value"], nlohmann::json::parse(R"([
      {"id":"1","index":0,"name":"id","values":[["id"],[1],[2]]},
      {"id":"2","index":1,"name":"name","values":[["name"],["Acme"],["Globex"]]}])"));
  EXPECT_EQ(Json(Get(Columns() + "/name"))["id"], "2");
  EXPECT_EQ(Json(Get(Columns() + "/itemAt(index=0)"))["name"], "id");
  EXPECT_EQ(Get(Columns() + "/$count").body, "2");
  EXPECT_EQ(Json(Get(Columns() + "?$select=id,name"))["value"],
            nlohmann::json::parse(R"([{"id":"1","name":"id"},{"id":"2","name":"name"}])"));
}

TEST_F(FakeGraphTableRowsTest, ColumnsAddGrowsTheTableAndMovesTheUserColumnRight) {
  Fill("C1:C3", Grid({{"Notes"}, {"n1"}, {"n2"}}));
  const auto reply =
      Post(Columns() + "/add", {{"index", nullptr}, {"values", Grid({{"total"}, {10}, {20}})}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(Json(reply),
            nlohmann::json::parse(
                R"({"id":"3","index":2,"name":"total","values":[["total"],[10],[20]]})"));
  EXPECT_EQ(OnlyTable().address, "Sheet1!A1:C3");
  EXPECT_EQ(Values("D1:E3"),
            nlohmann::json::parse(R"([["Notes",""],["n1","note beside"],["n2",""]])"));
  EXPECT_EQ(Values("A5"), nlohmann::json::parse(R"([["note below"]])"));  // outside its rows
}

TEST_F(FakeGraphTableRowsTest, ColumnsAddAtAnIndexTakesAUniqueName) {
  const auto reply = Post(Columns() + "/add", {{"index", 0}, {"name", "name"}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(Json(reply)["name"], "name2");
  EXPECT_EQ(Json(reply)["index"], 0);
  EXPECT_THAT(OnlyTable().columns, ElementsAre("name2", "id", "name"));
  EXPECT_EQ(Values("A1:C2"), nlohmann::json::parse(R"([["name2","id","name"],["",1,"Acme"]])"));
  const auto wrong = Post(Columns() + "/add", {{"values", Grid({{"x"}, {1}})}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(Json(wrong)["error"]["message"], kShapeMismatch);
}

TEST_F(FakeGraphTableRowsTest, DeletingAColumnShiftsTheCellsToItsRightLeft) {
  Fill("C1:C3", Grid({{"Notes"}, {"n1"}, {"n2"}}));
  EXPECT_EQ(Delete(Columns() + "/id").status, 204);
  EXPECT_EQ(OnlyTable().address, "Sheet1!A1:A3");
  EXPECT_EQ(Values("A1:C3"),
            nlohmann::json::parse(
                R"([["name","Notes",""],["Acme","n1","note beside"],["Globex","n2",""]])"));
  const auto last = Delete(Columns() + "/name");
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(Json(last)["error"]["message"],
            "A table keeps at least one column: delete the table instead.");
}

TEST_F(FakeGraphTableRowsTest, RangeDeleteOfBodyRowsShrinksTheTable) {
  EXPECT_EQ(Shift("A2:B2", "delete", "Up", 204), "");
  EXPECT_EQ(OnlyTable().address, "Sheet1!A1:B2");
  EXPECT_EQ(Values("A2:B2"), nlohmann::json::parse(R"([[2,"Globex"]])"));
  EXPECT_EQ(Values("A4"), nlohmann::json::parse(R"([["note below"]])"));
}

TEST_F(FakeGraphTableRowsTest, DeletingEveryBodyRowLeavesOneBlankRow) {
  Shift("2:3", "delete", "Up", 204);
  EXPECT_EQ(OnlyTable().address, "Sheet1!A1:B2");
  EXPECT_EQ(OnlyTable().body_rows, 1);
  // Whole rows went: the note below moves up two rows, then down one under the blank row.
  EXPECT_EQ(Values("A1:B4"),
            nlohmann::json::parse(R"([["id","name"],["",""],["",""],["note below",""]])"));
  EXPECT_EQ(Values("D1:D2"), nlohmann::json::parse(R"([[""],[""]])"));  // "note beside" went
}

TEST_F(FakeGraphTableRowsTest, RangeInsertInsideTheBodyGrowsTheTable) {
  const std::string body = Shift("A3:B4", "insert", "Down", 200);
  EXPECT_EQ(nlohmann::json::parse(body)["address"], "Sheet1!A3:B4");
  EXPECT_EQ(OnlyTable().address, "Sheet1!A1:B5");
  EXPECT_EQ(Values("A5:B5"), nlohmann::json::parse(R"([[2,"Globex"]])"));
  EXPECT_EQ(Values("A7"), nlohmann::json::parse(R"([["note below"]])"));
  // Rows inserted at the header row move the table instead.
  Shift("1:1", "insert", "Down", 200);
  EXPECT_EQ(OnlyTable().address, "Sheet1!A2:B6");
}

TEST_F(FakeGraphTableRowsTest, APartialInsertOrDeleteThroughATableIsAConflict) {
  for (const auto& [address, action, shift] :
       {std::tuple{"A2", "insert", "Down"}, std::tuple{"B2:B3", "delete", "Up"},
        std::tuple{"A1:B1", "delete", "Up"}, std::tuple{"B1:B2", "insert", "Right"}}) {
    const auto reply = Post(Range(address) + "/" + action, {{"shift", shift}});
    EXPECT_EQ(reply.status, 400) << address;
    EXPECT_THAT(Codes(reply), ElementsAre("badRequest", "insertDeleteConflict")) << address;
    EXPECT_EQ(Json(reply)["error"]["message"],
              "The operation would move part of the table 'Table1': insert or delete whole rows "
              "or columns of the table.");
  }
  EXPECT_EQ(OnlyTable().address, "Sheet1!A1:B3");
}

TEST_F(FakeGraphTableRowsTest, WholeColumnsInsertedInsideTheTableGrowIt) {
  Shift("B:B", "insert", "Right", 200);
  EXPECT_EQ(OnlyTable().address, "Sheet1!A1:C3");
  EXPECT_THAT(OnlyTable().columns, ElementsAre("id", "Column2", "name"));
  EXPECT_EQ(Values("E2"), nlohmann::json::parse(R"([["note beside"]])"));
  Shift("A:A", "delete", "Left", 204);
  EXPECT_EQ(OnlyTable().address, "Sheet1!A1:B3");
  EXPECT_THAT(OnlyTable().columns, ElementsAre("Column2", "name"));
  Shift("A:B", "delete", "Left", 204);
  EXPECT_TRUE(Snapshot().tables.empty());
}

TEST_F(FakeGraphTableRowsTest, WritingBelowTheTableDoesNotExtendIt) {
  Fill("A4:B4", Grid({{3, "Initech"}}));
  EXPECT_EQ(OnlyTable().address, "Sheet1!A1:B3");
  EXPECT_EQ(Get(Rows() + "/$count").body, "2");
}

TEST_F(FakeGraphTableRowsTest, TheDataBodyRangeCanBeWrittenAndCleared) {
  const auto reply =
      PatchAt(Table(id_) + "/dataBodyRange", {{"values", Grid({{7, "Seven"}, {8, "Eight"}})}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(Json(reply)["address"], "Sheet1!A2:B3");
  ASSERT_EQ(Post(Table(id_) + "/headerRowRange/clear", {{"applyTo", "Contents"}}).status, 204);
  EXPECT_THAT(OnlyTable().columns, ElementsAre("Column1", "Column2"));
}

}  // namespace
}  // namespace xlsync::fakes
