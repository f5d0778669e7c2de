// Worksheets (msgraph.md §6.3) on the fake Graph.
#include <gmock/gmock.h>

#include "tests/unit/fakes/fake_graph_fixture.h"

namespace xlsync::fakes {
namespace {

using ::testing::ElementsAre;

constexpr char kSheet1Id[] = "{00000000-0001-0000-0000-000000000000}";

class FakeGraphWorksheetTest : public FakeGraphTest {
 protected:
  http::Response AddSheet(const std::string& name) {
    return Graph(http::Method::kPost, Workbook() + "/worksheets/add",
                 nlohmann::json({{"name", name}}).dump());
  }
};

TEST_F(FakeGraphWorksheetTest, ListsWorksheetsWithBracedIds) {
  const auto reply = Get(Workbook() + "/worksheets");
  ASSERT_EQ(reply.status, 200);
  const auto sheets = Json(reply)["value"];
  ASSERT_EQ(sheets.size(), 1u);
  EXPECT_EQ(sheets[0]["id"], kSheet1Id);
  EXPECT_EQ(sheets[0]["name"], "Sheet1");
  EXPECT_EQ(sheets[0]["position"], 0);
  EXPECT_EQ(sheets[0]["visibility"], "Visible");
}

TEST_F(FakeGraphWorksheetTest, GetsAWorksheetByEncodedIdQuotedIdOrName) {
  EXPECT_EQ(Json(Get(Sheet1()))["name"], "Sheet1");
  EXPECT_EQ(Json(Get(Workbook() + "/worksheets('" + http::PercentEncode(kSheet1Id) + "')"))["name"],
            "Sheet1");
  EXPECT_EQ(Json(Get(Workbook() + "/worksheets/sheet1"))["id"], kSheet1Id);
}

TEST_F(FakeGraphWorksheetTest, AnIdWithoutItsBracesIs404) {
  const auto reply = Get(Workbook() + "/worksheets/00000000-0001-0000-0000-000000000000");
  EXPECT_EQ(reply.status, 404);
  EXPECT_THAT(Codes(reply), ElementsAre("notFound", "itemNotFound"));
  EXPECT_EQ(Json(reply)["error"]["message"], "The requested resource doesn't exist.");
}

TEST_F(FakeGraphWorksheetTest, ANameWithSpacesInAPathSegmentIsAQuerySyntaxError) {
  ASSERT_EQ(AddSheet("Sales Orders").status, 200);
  EXPECT_EQ(Get(Workbook() + "/worksheets/Sales%20Orders").status, 400);
}

TEST_F(FakeGraphWorksheetTest, AddAppendsASheetWithANewBracedId) {
  const auto reply = AddSheet("Orders");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto sheet = Json(reply);
  EXPECT_EQ(sheet["name"], "Orders");
  EXPECT_EQ(sheet["position"], 1);
  EXPECT_TRUE(sheet["id"].get<std::string>().starts_with("{"));
  const auto second = Graph(http::Method::kPost, Workbook() + "/worksheets", R"({"name":"Lines"})");
  EXPECT_EQ(second.status, 200);
  EXPECT_THAT(fake_->SheetNames(ids_.drive_id, ids_.item_id),
              ElementsAre("Sheet1", "Orders", "Lines"));
}

TEST_F(FakeGraphWorksheetTest, AddWithoutANamePicksTheNextFreeSheetName) {
  const auto reply = Graph(http::Method::kPost, Workbook() + "/worksheets/add", "{}");
  EXPECT_EQ(Json(reply)["name"], "Sheet2");
}

TEST_F(FakeGraphWorksheetTest, ADuplicateNameIs409ItemAlreadyExistsIgnoringCase) {
  const auto reply = AddSheet("SHEET1");
  EXPECT_EQ(reply.status, 409);
  EXPECT_THAT(Codes(reply), ElementsAre("conflict", "itemAlreadyExists"));
  EXPECT_EQ(Json(reply)["error"]["message"],
            "A resource with the same name or identifier already exists.");
}

class InvalidSheetNameTest : public FakeGraphWorksheetTest,
                             public ::testing::WithParamInterface<std::string> {};

TEST_P(InvalidSheetNameTest, IsRefusedWith400InvalidArgument) {
  const auto reply = AddSheet(GetParam());
  EXPECT_EQ(reply.status, 400) << GetParam();
  EXPECT_THAT(Codes(reply), ElementsAre("badRequest", "invalidArgument"));
  EXPECT_THAT(fake_->SheetNames(ids_.drive_id, ids_.item_id), ElementsAre("Sheet1"));
}

INSTANTIATE_TEST_SUITE_P(ExcelRules, InvalidSheetNameTest,
                         ::testing::Values("", std::string(32, 'x'), "a/b", "a\\b", "a?b", "a*b",
                                           "[x]", "a:b", "'quoted", "quoted'", "History",
                                           "history"));

TEST_F(FakeGraphWorksheetTest, AThirtyOneCharacterNameIsAccepted) {
  EXPECT_EQ(AddSheet(std::string(31, 'x')).status, 200);
  EXPECT_EQ(AddSheet("Q1 'Sales' (draft) & more").status, 200);
}

TEST_F(FakeGraphWorksheetTest, PatchRenamesMovesAndHides) {
  ASSERT_EQ(AddSheet("Orders").status, 200);
  const auto renamed = Graph(http::Method::kPatch, Sheet1(), R"({"name":"Data","position":1})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(Json(renamed)["name"], "Data");
  EXPECT_EQ(Json(renamed)["position"], 1);
  EXPECT_THAT(fake_->SheetNames(ids_.drive_id, ids_.item_id), ElementsAre("Orders", "Data"));
  EXPECT_EQ(Graph(http::Method::kPatch, Sheet1(), R"({"name":"Orders"})").status, 409);
  EXPECT_EQ(Graph(http::Method::kPatch, Sheet1(), R"({"colour":"red"})").status, 400);
}

TEST_F(FakeGraphWorksheetTest, TheLastVisibleSheetCannotBeDeleted) {
  const auto refused = Graph(http::Method::kDelete, Sheet1());
  EXPECT_EQ(refused.status, 400);
  EXPECT_THAT(Codes(refused), ElementsAre("badRequest", "unsupportedOperation"));
  ASSERT_EQ(AddSheet("Orders").status, 200);
  EXPECT_EQ(Graph(http::Method::kDelete, Sheet1()).status, 204);
  EXPECT_THAT(fake_->SheetNames(ids_.drive_id, ids_.item_id), ElementsAre("Orders"));
}

}  // namespace
}  // namespace xlsync::fakes
