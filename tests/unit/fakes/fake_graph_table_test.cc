// Tables (msgraph.md §6.7) on the fake Graph: add, list, get, PATCH, delete, convertToRange,
// their ranges, name and style rules, faults and read-back.
#include "tests/unit/fakes/fake_graph_table_fixture.h"

namespace xlsync::fakes {
namespace {

using ::testing::ElementsAre;
using ::testing::StartsWith;

constexpr char kNotFound[] = "The requested resource doesn't exist.";

TEST_F(FakeGraphTableTest, AddWithHeadersAnswers201WithTheTableObject) {
  Fill("A1:C3", Grid({{"id", "name", "total"}, {1, "Acme", 10.5}, {2, "Globex", 7}}));
  const auto reply = Post(Tables() + "/add", {{"address", "Sheet1!A1:C3"}, {"hasHeaders", true}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto table = Json(reply);
  EXPECT_THAT(table["id"].get<std::string>(), StartsWith("{"));
  table.erase("id");
  table.erase("@odata.id");
  EXPECT_EQ(table, nlohmann::json::parse(R"({"name":"Table1","showHeaders":true,
      "showTotals":false,"style":"TableStyleMedium2","highlightFirstColumn":false,
      "highlightLastColumn":false,"showBandedRows":true,"showBandedColumns":false,
      "showFilterButton":true,"legacyId":"1"})"));
  const TableSnapshot snapshot = OnlyTable();
  EXPECT_EQ(snapshot.address, "Sheet1!A1:C3");
  EXPECT_EQ(snapshot.body_rows, 2);
  EXPECT_THAT(snapshot.columns, ElementsAre("id", "name", "total"));
  EXPECT_EQ(Snapshot().At("B2").value, core::Cell::Text("Acme"));
}

TEST_F(FakeGraphTableTest, NamesAreNumberedPerWorkbookAndListsFollowTheUrl) {
  ASSERT_EQ(Post(Workbook() + "/worksheets/add", {{"name", "Orders"}}).status, 200);
  AddTable("Sheet1!A1:B2", true);
  const auto second = Post(Workbook() + "/worksheets/Orders/tables/add",
                           {{"address", "C3:D4"}, {"hasHeaders", true}});
  ASSERT_EQ(second.status, 201) << second.body;
  EXPECT_EQ(Json(second)["name"], "Table2");
  EXPECT_EQ(Json(second)["legacyId"], "2");
  const auto all = Json(Get(Tables()));
  ASSERT_EQ(all["value"].size(), 2u);
  EXPECT_EQ(all["value"][0]["name"], "Table1");
  const auto on_sheet1 = Json(Get(SheetTables()));
  ASSERT_EQ(on_sheet1["value"].size(), 1u);
  EXPECT_EQ(on_sheet1["value"][0]["name"], "Table1");
  const auto expanded = Json(Get(Tables() + "?$expand=worksheet&$select=name,worksheet"));
  EXPECT_EQ(expanded["value"][1]["worksheet"]["name"], "Orders");
  EXPECT_FALSE(expanded["value"][1].contains("style"));
  ASSERT_EQ(fake_->Sheet(ids_.drive_id, ids_.item_id, "Orders")->tables.size(), 1u);
  EXPECT_EQ(fake_->Sheet(ids_.drive_id, ids_.item_id, "Orders")->tables[0].address, "Orders!C3:D4");
}

TEST_F(FakeGraphTableTest, AnUnqualifiedAddressUsesTheFirstSheet) {
  AddTable("B2:C3", true);
  EXPECT_EQ(OnlyTable().address, "Sheet1!B2:C3");
}

TEST_F(FakeGraphTableTest, AHeaderOnlyTableKeepsOneBlankBodyRow) {
  Fill("A1:C1", Grid({{"id", "name", "total"}}));
  const std::string id = AddTable("Sheet1!A1:C1", true);
  EXPECT_EQ(OnlyTable().address, "Sheet1!A1:C2");
  const auto body = Json(Get(Table(id) + "/dataBodyRange"));
  EXPECT_EQ(body["address"], "Sheet1!A2:C2");
  EXPECT_EQ(body["values"], nlohmann::json::parse(R"([["","",""]])"));
  const auto count = Get(Table(id) + "/rows/$count");
  EXPECT_EQ(count.status, 200);
  EXPECT_EQ(count.body, "1");
}

TEST_F(FakeGraphTableTest, WithoutHeadersAHeaderRowIsInsertedAboveTheData) {
  Fill("A1:C1", Grid({{1, 2, "beside"}}));
  Fill("A2:B2", Grid({{3, 4}}));
  Fill("A4", Grid({{"below"}}));
  AddTable("Sheet1!A1:B2", false);
  const TableSnapshot table = OnlyTable();
  EXPECT_EQ(table.address, "Sheet1!A1:B3");
  EXPECT_THAT(table.columns, ElementsAre("Column1", "Column2"));
  EXPECT_EQ(Values("A1:C5"), nlohmann::json::parse(R"([["Column1","Column2","beside"],
      [1,2,""],[3,4,""],["","",""],["below","",""]])"));
}

TEST_F(FakeGraphTableTest, HeaderCellsBecomeUniqueText) {
  Fill("A1:D2", Grid({{"Name", "name", 2024, ""}, {1, 2, 3, 4}}));
  AddTable("Sheet1!A1:D2", true);
  EXPECT_THAT(OnlyTable().columns, ElementsAre("Name", "name2", "2024", "Column4"));
  const auto header = Json(Get(Range("A1:D1")));
  EXPECT_EQ(header["values"], nlohmann::json::parse(R"([["Name","name2","2024","Column4"]])"));
  EXPECT_EQ(header["valueTypes"],
            nlohmann::json::parse(R"([["String","String","String","String"]])"));
  // A later write into the header is made unique too.
  const auto patched = Patch("B1", {{"values", Grid({{"Name"}})}});
  EXPECT_EQ(Json(patched)["values"], nlohmann::json::parse(R"([["Name2"]])"));
}

TEST_F(FakeGraphTableTest, OverlapsAndBadAddressesAre400InvalidArgument) {
  AddTable("Sheet1!A1:C3", true);
  struct Case {
    std::string address;
    std::string message;
  };
  for (const Case& bad :
       {Case{"Sheet1!B2:D4",
             "The range overlaps the table 'Table1': a table can't overlap another table."},
        Case{"Sheet1!E1:ZZZZ2",
             "The address 'Sheet1!E1:ZZZZ2' is not valid: the column is beyond XFD."},
        Case{"Sheet1!E:F", "A table needs a bounded address, such as A1:D10."},
        Case{"Nope!E1:F2",
             "The address names the sheet 'Nope', which this workbook does not have."}}) {
    const auto reply = Post(Tables() + "/add", {{"address", bad.address}, {"hasHeaders", true}});
    EXPECT_EQ(reply.status, 400) << bad.address;
    EXPECT_THAT(Codes(reply), ElementsAre("badRequest", "invalidArgument")) << bad.address;
    EXPECT_EQ(Json(reply)["error"]["message"], bad.message);
  }
  const auto missing = Post(Tables() + "/add", {{"address", "E1:F2"}});
  EXPECT_EQ(Json(missing)["error"]["message"], "The property 'hasHeaders' must be true or false.");
  EXPECT_EQ(Snapshot().tables.size(), 1u);
}

TEST_F(FakeGraphTableTest, ATableIsFoundByIdNameOrKeyAndOtherwiseIs404) {
  const std::string id = AddTable("Sheet1!A1:B2", true);
  EXPECT_EQ(Json(Get(Table(id)))["name"], "Table1");
  EXPECT_EQ(Json(Get(Table("table1")))["id"], id);
  EXPECT_EQ(Json(Get(Workbook() + "/tables('" + http::PercentEncode(id) + "')"))["id"], id);
  EXPECT_EQ(Json(Get(SheetTables() + "/Table1"))["id"], id);
  for (const std::string& path : {Table("Table9"), Table(id) + "/columns/nope"}) {
    const auto reply = Get(path);
    EXPECT_EQ(reply.status, 404) << path;
    EXPECT_THAT(Codes(reply), ElementsAre("notFound", "itemNotFound"));
    EXPECT_EQ(Json(reply)["error"]["message"], kNotFound);
  }
  ASSERT_EQ(Post(Workbook() + "/worksheets/add", {{"name", "Other"}}).status, 200);
  EXPECT_EQ(Get(Workbook() + "/worksheets/Other/tables/Table1").status, 404);
}

TEST_F(FakeGraphTableTest, PatchRenamesRestylesAndSwitchesOptions) {
  const std::string id = AddTable("Sheet1!A1:B2", true);
  const auto reply = PatchAt(Table(id), {{"name", "OdooOrders"},
                                         {"style", "tablestylemedium4"},
                                         {"showBandedRows", false},
                                         {"showFilterButton", false}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(Json(reply)["name"], "OdooOrders");
  EXPECT_EQ(Json(reply)["style"], "TableStyleMedium4");
  EXPECT_EQ(Json(reply)["showBandedRows"], false);
  EXPECT_EQ(Json(Get(Table("OdooOrders")))["id"], id);
  EXPECT_EQ(OnlyTable().style, "TableStyleMedium4");
}

struct BadTableName {
  std::string name;
  std::string why;
};

class TableNameRuleTest : public FakeGraphTableTest,
                          public ::testing::WithParamInterface<BadTableName> {};

TEST_P(TableNameRuleTest, IsRefusedWith400InvalidArgument) {
  AddTable("Sheet1!A1:B2", true);
  const std::string id = AddTable("Sheet1!D1:E2", true);
  const auto reply = PatchAt(Table(id), {{"name", GetParam().name}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(Codes(reply), ElementsAre("badRequest", "invalidArgument"));
  EXPECT_EQ(Json(reply)["error"]["message"],
            "The table name '" + GetParam().name + "' is not valid: " + GetParam().why + ".");
  EXPECT_EQ(Json(Get(Table(id)))["name"], "Table2");
}

INSTANTIATE_TEST_SUITE_P(
    ExcelRules, TableNameRuleTest,
    ::testing::Values(
        BadTableName{"", "it is empty"},
        BadTableName{"1Orders", "it must start with a letter, an underscore or a backslash"},
        BadTableName{"Odoo Orders", "use only letters, digits, periods and underscores"},
        BadTableName{"Odoo-Orders", "use only letters, digits, periods and underscores"},
        BadTableName{"A1", "it looks like a cell reference"},
        BadTableName{"xfd1048576", "it looks like a cell reference"},
        BadTableName{"R1C1", "it looks like a cell reference"},
        BadTableName{"c", "it looks like a cell reference"},
        BadTableName{"R", "it looks like a cell reference"},
        BadTableName{std::string(256, 'x'), "it is longer than 255 characters"},
        BadTableName{"table1", "another table of this workbook already has that name"}));

TEST_F(FakeGraphTableTest, NamesExcelAcceptsAreKept) {
  const std::string id = AddTable("Sheet1!A1:B2", true);
  for (const std::string name : {"_Orders", "\\Orders", "Orders.2024", "ABCD1", "Ventes_été"}) {
    const auto reply = PatchAt(Table(id), {{"name", name}});
    EXPECT_EQ(reply.status, 200) << name << " " << reply.body;
    EXPECT_EQ(Json(reply)["name"], name);
  }
}

TEST_F(FakeGraphTableTest, StylesAndPropertiesAreChecked) {
  const std::string id = AddTable("Sheet1!A1:B2", true);
  for (const std::string style : {"TableStyleMedium29", "TableStyleLight0", "Fancy"}) {
    const auto reply = PatchAt(Table(id), {{"style", style}});
    EXPECT_EQ(reply.status, 400) << style;
    EXPECT_EQ(Json(reply)["error"]["message"],
              "The table style '" + style +
                  "' does not exist: use TableStyleLight1 to 21, TableStyleMedium1 to 28 or "
                  "TableStyleDark1 to 11.");
  }
  const auto unknown = PatchAt(Table(id), {{"color", "red"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_THAT(Codes(unknown), ElementsAre("BadRequest"));
  const auto typed = PatchAt(Table(id), {{"showTotals", "yes"}});
  EXPECT_EQ(Json(typed)["error"]["message"], "The property 'showTotals' must be true or false.");
  EXPECT_EQ(OnlyTable().style, "TableStyleMedium2");
}

TEST_F(FakeGraphTableTest, TheTableRangesReadLikeRanges) {
  Fill("B2:C4", Grid({{"id", "name"}, {1, "Acme"}, {2, "Globex"}}));
  const std::string id = AddTable("Sheet1!B2:C4", true);
  const auto range = Json(Get(Table(id) + "/range"));
  EXPECT_EQ(range["address"], "Sheet1!B2:C4");
  EXPECT_EQ(range["rowCount"], 3);
  EXPECT_EQ(Json(Get(Table(id) + "/headerRowRange"))["values"],
            nlohmann::json::parse(R"([["id","name"]])"));
  const auto body = Json(Get(Table(id) + "/dataBodyRange"));
  EXPECT_EQ(body["address"], "Sheet1!B3:C4");
  EXPECT_EQ(body["values"], nlohmann::json::parse(R"([[1,"Acme"],[2,"Globex"]])"));
  const auto totals = Get(Table(id) + "/totalRowRange");
  EXPECT_EQ(totals.status, 400);
  EXPECT_EQ(Json(totals)["error"]["message"], "The table 'Table1' shows no totals row.");
  EXPECT_EQ(Json(Get(Table(id) + "/worksheet"))["name"], "Sheet1");
}

TEST_F(FakeGraphTableTest, TotalsAndHeaderRowsCanBeSwitched) {
  Fill("A1:B3", Grid({{"id", "amount"}, {1, 5}, {2, 7}}));
  const std::string id = AddTable("Sheet1!A1:B3", true);
  ASSERT_EQ(PatchAt(Table(id), {{"showTotals", true}}).status, 200);
  EXPECT_EQ(OnlyTable().address, "Sheet1!A1:B4");
  const auto totals = Json(Get(Table(id) + "/totalRowRange"));
  EXPECT_EQ(totals["formulas"],
            nlohmann::json::parse(R"j([["Total","=SUBTOTAL(109,[amount])"]])j"));
  ASSERT_EQ(PatchAt(Table(id), {{"showHeaders", false}, {"showTotals", false}}).status, 200);
  EXPECT_EQ(OnlyTable().address, "Sheet1!A2:B3");
  EXPECT_EQ(Values("A1:B4"), nlohmann::json::parse(R"([["",""],[1,5],[2,7],["",""]])"));
  ASSERT_EQ(PatchAt(Table(id), {{"showHeaders", true}}).status, 200);
  EXPECT_EQ(OnlyTable().address, "Sheet1!A1:B3");
  EXPECT_EQ(Values("A1:B1"), nlohmann::json::parse(R"([["id","amount"]])"));
}

TEST_F(FakeGraphTableTest, ConvertToRangeKeepsTheDataAndDropsTheTable) {
  Fill("A1:B2", Grid({{"id", "name"}, {1, "Acme"}}));
  const std::string id = AddTable("Sheet1!A1:B2", true);
  const auto reply = Post(Table(id) + "/convertToRange");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(Json(reply)["address"], "Sheet1!A1:B2");
  EXPECT_EQ(Json(reply)["values"], nlohmann::json::parse(R"([["id","name"],[1,"Acme"]])"));
  EXPECT_TRUE(Snapshot().tables.empty());
  EXPECT_EQ(Get(Table(id)).status, 404);
  EXPECT_EQ(Values("A2:B2"), nlohmann::json::parse(R"([[1,"Acme"]])"));
}

TEST_F(FakeGraphTableTest, DeletingATableDeletesItsCells) {
  Fill("A1:C2", Grid({{"id", "name", "beside"}, {1, "Acme", "kept"}}));
  const std::string id = AddTable("Sheet1!A1:B2", true);
  const auto reply = Delete(Table(id));
  EXPECT_EQ(reply.status, 204);
  EXPECT_TRUE(reply.body.empty());
  EXPECT_TRUE(Snapshot().tables.empty());
  EXPECT_EQ(Values("A1:C2"), nlohmann::json::parse(R"([["","","beside"],["","","kept"]])"));
}

TEST_F(FakeGraphTableTest, DeletingASheetDeletesItsTables) {
  ASSERT_EQ(Post(Workbook() + "/worksheets/add", {{"name", "Orders"}}).status, 200);
  AddTable("Orders!A1:B2", true);
  ASSERT_EQ(Delete(Workbook() + "/worksheets/Orders").status, 204);
  EXPECT_TRUE(Json(Get(Tables()))["value"].empty());
}

TEST_F(FakeGraphTableTest, AWorksheetUrlRefusesAnAddressOnAnotherSheet) {
  ASSERT_EQ(Post(Workbook() + "/worksheets/add", {{"name", "Orders"}}).status, 200);
  const auto reply =
      Post(SheetTables() + "/add", {{"address", "Orders!A1:B2"}, {"hasHeaders", true}});
  EXPECT_EQ(reply.status, 400);
  EXPECT_EQ(Json(reply)["error"]["message"],
            "The address names the sheet 'Orders', not 'Sheet1' of the URL.");
}

TEST_F(FakeGraphTableTest, FaultsApplyToTableRoutesAndTheLogNamesThem) {
  const std::string id = AddTable("Sheet1!A1:B2", true);
  FaultSpec fault;
  fault.path_contains = "/rows/add";
  fault.status = 429;
  fault.retry_after_seconds = 3;
  ASSERT_TRUE(fake_->InjectFault(fault));
  const auto refused = Post(Table(id) + "/rows/add", {{"values", Grid({{1, 2}})}});
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.headers.Get("Retry-After").value_or(""), "3");
  EXPECT_THAT(Codes(refused), ElementsAre("tooManyRequests", "tooManyRequestsUncategorized"));
  EXPECT_EQ(OnlyTable().body_rows, 1);  // a status fault applies nothing
  EXPECT_EQ(Post(Table(id) + "/rows/add", {{"values", Grid({{1, 2}})}}).status, 201);
  const auto counters = fake_->Counters();
  EXPECT_EQ(counters.by_route_kind.at("table_add"), 1u);
  EXPECT_EQ(counters.by_route_kind.at("table_rows_add"), 2u);
  const auto log = fake_->RequestLog();
  EXPECT_EQ(log.back().route_kind, "table_rows_add");
  EXPECT_EQ(log[log.size() - 2].fault, "status");
}

TEST_F(FakeGraphTableTest, AScratchSessionKeepsItsTablesToItself) {
  const auto session = Post(Workbook() + "/createSession", {{"persistChanges", false}});
  ASSERT_EQ(session.status, 201);
  const auto reply = Graph(http::Method::kPost, Tables() + "/add",
                           nlohmann::json({{"address", "A1:B2"}, {"hasHeaders", true}}).dump(),
                           {{"workbook-session-id", Json(session)["id"].get<std::string>()}});
  ASSERT_EQ(reply.status, 201);
  EXPECT_TRUE(Json(Get(Tables()))["value"].empty());
  EXPECT_TRUE(Snapshot().tables.empty());
}

TEST_F(FakeGraphTableTest, TheControlRouteShowsTheTables) {
  Fill("A1:B2", Grid({{"id", "name"}, {1, "Acme"}}));
  const std::string id = AddTable("Sheet1!A1:B2", true);
  const auto reply =
      Send(http::Method::kGet, "/__fake__/sheet?drive=" + http::PercentEncode(ids_.drive_id) +
                                   "&item=" + ids_.item_id + "&name=Sheet1");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(Json(reply)["tables"], nlohmann::json::parse(R"([{"name":"Table1","id":")" + id +
                                                         R"(","style":"TableStyleMedium2",
      "address":"Sheet1!A1:B2","showHeaders":true,"showTotals":false,"rows":1,
      "columns":["id","name"]}])"));
}

}  // namespace
}  // namespace xlsync::fakes
