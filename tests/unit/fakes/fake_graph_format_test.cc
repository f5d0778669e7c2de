// Formatting and autofit (msgraph.md §6.8), HYPERLINK read-back, range insert/delete on plain
// cells (§6.4) and the control route's view of them, on the fake Graph.
#include <filesystem>
#include <fstream>

#include "tests/unit/fakes/fake_graph_table_fixture.h"

namespace xlsync::fakes {
namespace {

using ::testing::ElementsAre;

class FakeGraphFormatTest : public FakeGraphTableTest {
 protected:
  std::string Format(const std::string& address, const std::string& part = "") const {
    return Range(address) + "/format" + (part.empty() ? "" : "/" + part);
  }
  nlohmann::json ControlSheet() {
    const auto reply =
        Send(http::Method::kGet, "/__fake__/sheet?drive=" + http::PercentEncode(ids_.drive_id) +
                                     "&item=" + ids_.item_id + "&name=Sheet1");
    EXPECT_EQ(reply.status, 200) << reply.body;
    return Json(reply);
  }
};

TEST_F(FakeGraphFormatTest, FontPatchAnswersTheFontAndReadsNullWhenMixed) {
  Fill("A1:C1", Grid({{"id", "name", "total"}}));
  const auto reply =
      PatchAt(Format("A1:C1", "font"), {{"bold", true}, {"color", "#1f4e79"}, {"size", 12}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(Json(reply),
            nlohmann::json::parse(R"({"@odata.type":"#microsoft.graph.workbookRangeFont",
      "bold":true,"color":"#1F4E79","italic":false,"name":"Calibri","size":12,
      "underline":"None"})"));
  const auto mixed = Json(Get(Format("B1:D1", "font")));
  EXPECT_EQ(mixed["bold"], nullptr);
  EXPECT_EQ(mixed["italic"], false);
  const SheetSnapshot sheet = Snapshot();
  EXPECT_TRUE(sheet.At("A1").bold);
  EXPECT_FALSE(sheet.At("D1").bold);
  EXPECT_EQ(sheet.At("A1").value, core::Cell::Text("id"));  // formatting keeps the values
}

TEST_F(FakeGraphFormatTest, FormatPatchSetsWidthsHeightsWrapAndAlignment) {
  const auto reply = PatchAt(Format("A1:B2"), {{"columnWidth", 120},
                                               {"rowHeight", 18},
                                               {"wrapText", true},
                                               {"horizontalAlignment", "left"},
                                               {"verticalAlignment", "Center"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(Json(reply),
            nlohmann::json::parse(R"({"@odata.type":"#microsoft.graph.workbookRangeFormat",
      "columnWidth":120,"rowHeight":18,"horizontalAlignment":"Left","verticalAlignment":"Center",
      "wrapText":true})"));
  const auto wider = Json(Get(Format("B1:C1")));
  EXPECT_EQ(wider["columnWidth"], nullptr);
  EXPECT_EQ(wider["wrapText"], nullptr);
  EXPECT_EQ(Json(Get(Format("C3")))["columnWidth"], 48);
  EXPECT_EQ(Json(Get(Format("C3")))["rowHeight"], 15);
  const SheetSnapshot sheet = Snapshot();
  EXPECT_EQ(sheet.column_widths, (std::map<std::string, double>{{"A", 120}, {"B", 120}}));
  EXPECT_EQ(sheet.row_heights, (std::map<int, double>{{1, 18}, {2, 18}}));
  // Widths take whole columns.
  ASSERT_EQ(PatchAt(Format("D:E"), {{"columnWidth", 60}}).status, 200);
  EXPECT_EQ(Json(Get(Format("D1:E1")))["columnWidth"], 60);
}

TEST_F(FakeGraphFormatTest, BadFormatPropertiesAreRefused) {
  struct Case {
    std::string part;
    nlohmann::json body;
    int status;
    std::string message;
  };
  for (const Case& bad : {
           Case{"",
                {{"columnWidth", -1}},
                400,
                "The property 'columnWidth' must be a number of points from 0 to 1342.5."},
           Case{"",
                {{"horizontalAlignment", "Middle"}},
                400,
                "The property 'horizontalAlignment' must be General, Left, Center, Right, Fill, "
                "Justify, CenterAcrossSelection or Distributed."},
           Case{"font",
                {{"color", "blue"}},
                400,
                "The property 'color' must be a colour such as #1F4E79."},
           Case{"font", {{"bold", "yes"}}, 400, "The property 'bold' must be true or false."},
           Case{
               "fill",
               {{"pattern", "Solid"}},
               400,
               "The property 'pattern' does not exist on type 'microsoft.graph.workbookRangeFill'. "
               "Make sure to only use property names that are defined by the type."},
           Case{"font",
                {{"underline", "Single"}},
                501,
                "The fake Graph does not implement setting 'underline'."},
       }) {
    const auto reply = PatchAt(Format("A1:B1", bad.part), bad.body);
    EXPECT_EQ(reply.status, bad.status) << bad.body;
    EXPECT_EQ(Json(reply)["error"]["message"], bad.message);
  }
  const auto unbounded = PatchAt(Format("A:B", "font"), {{"bold", true}});
  EXPECT_EQ(unbounded.status, 501);
  EXPECT_TRUE(Snapshot().rows.empty());
}

TEST_F(FakeGraphFormatTest, FillReadsWhiteUntilColouredAndClears) {
  EXPECT_EQ(Json(Get(Format("A1", "fill")))["color"], "#FFFFFF");
  const auto reply = PatchAt(Format("A1:B1", "fill"), {{"color", "#DDEBF7"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(Json(reply)["color"], "#DDEBF7");
  EXPECT_EQ(Json(Get(Format("A1:C1", "fill")))["color"], nullptr);
  EXPECT_EQ(Post(Format("A1:B1", "fill") + "/clear").status, 204);
  EXPECT_EQ(Json(Get(Format("A1:C1", "fill")))["color"], "#FFFFFF");
}

TEST_F(FakeGraphFormatTest, AutofitColumnsSizesEachColumnFromItsLongestShownText) {
  Fill("A1:B3", Grid({{"id", "Customer / Country"}, {7, "Acme"}, {12345, "Belgium"}}));
  ASSERT_EQ(PatchAt(Format("B1", "font"), {{"bold", true}}).status, 200);
  const auto reply = Post(Format("A:C", "autofitColumns"));
  EXPECT_EQ(reply.status, 200);
  EXPECT_TRUE(reply.body.empty());
  // 7 px per character (+10% bold) + 5 px, at 0.75 pt per px; an empty column keeps 48 pt.
  EXPECT_EQ(Snapshot().column_widths,
            (std::map<std::string, double>{{"A", (5 * 7 + 5) * 0.75}, {"B", (139 + 5) * 0.75}}));
  EXPECT_EQ(Json(Get(Format("A:A")))["columnWidth"], 30);
  EXPECT_EQ(Json(Get(Format("C:C")))["columnWidth"], 48);
}

TEST_F(FakeGraphFormatTest, AutofitRowsFollowsFontSizeAndWrappedLines) {
  Fill("A1:B2", Grid({{"big", "two\nlines"}, {"plain", ""}}));
  ASSERT_EQ(PatchAt(Format("A1", "font"), {{"size", 22}}).status, 200);
  ASSERT_EQ(PatchAt(Format("B1"), {{"wrapText", true}}).status, 200);
  EXPECT_EQ(Post(Format("1:2", "autofitRows")).status, 200);
  EXPECT_EQ(Snapshot().row_heights, (std::map<int, double>{{1, 30}}));
}

TEST_F(FakeGraphFormatTest, AHyperlinkReadsBackAsItsResult) {
  const std::string link = R"(=HYPERLINK("https://odoo.example/odoo/sale.order/7",7))";
  const std::string text = R"(=hyperlink("https://odoo.example/?a=""b""","Open"))";
  Fill("A1:C1", Grid({{link, text, "=SUM(A1)"}}));
  const auto range = Json(Get(Range("A1:C1")));
  EXPECT_EQ(range["values"], nlohmann::json::parse(R"j([[7,"Open","=SUM(A1)"]])j"));
  EXPECT_EQ(range["text"], nlohmann::json::parse(R"j([["7","Open","=SUM(A1)"]])j"));
  EXPECT_EQ(range["formulas"], Grid({{link, text, "=SUM(A1)"}}));
  EXPECT_EQ(range["valueTypes"], nlohmann::json::parse(R"([["Double","String","Unknown"]])"));
  const SheetSnapshot sheet = Snapshot();
  EXPECT_EQ(sheet.At("A1").value, core::Cell::Link("https://odoo.example/odoo/sale.order/7", 7));
  EXPECT_TRUE(sheet.At("A1").formula);
  EXPECT_EQ(sheet.At("A1").formula_text, link);
  EXPECT_EQ(sheet.At("B1").value, core::Cell::Text("Open"));
  EXPECT_EQ(sheet.At("C1").value, core::Cell::Text("=SUM(A1)"));
  // Through a table's rows too.
  Fill("A3", Grid({{"id"}}));
  const std::string id = AddTable("Sheet1!A3", true);
  const auto row = Post(Table(id) + "/rows/add", {{"values", Grid({{link}})}});
  EXPECT_EQ(Json(row)["values"], nlohmann::json::parse("[[7]]"));
}

TEST_F(FakeGraphFormatTest, InsertAndDeleteMoveValuesFormatsAndFormulas) {
  Fill("A1:B3", Grid({{1, 2}, {3, "=A2*2"}, {5, 6}}));
  ASSERT_EQ(PatchAt(Format("A2", "font"), {{"bold", true}}).status, 200);
  const auto inserted = Post(Range("A2:B2") + "/insert", {{"shift", "Down"}});
  ASSERT_EQ(inserted.status, 200) << inserted.body;
  EXPECT_EQ(Json(inserted)["address"], "Sheet1!A2:B2");
  EXPECT_EQ(Values("A1:B4"), nlohmann::json::parse(R"([[1,2],["",""],[3,"=A2*2"],[5,6]])"));
  EXPECT_TRUE(Snapshot().At("A3").bold);
  ASSERT_EQ(Post(Range("A1") + "/insert", {{"shift", "Right"}}).status, 200);
  EXPECT_EQ(Values("A1:C1"), nlohmann::json::parse(R"([["",1,2]])"));
  EXPECT_EQ(Post(Range("A1") + "/delete", {{"shift", "Left"}}).status, 204);
  EXPECT_EQ(Post(Range("A2:B2") + "/delete", {{"shift", "Up"}}).status, 204);
  EXPECT_EQ(Values("A1:B3"), nlohmann::json::parse(R"([[1,2],[3,"=A2*2"],[5,6]])"));
  EXPECT_TRUE(Snapshot().At("A2").bold);
  const auto bad = Post(Range("A1") + "/insert", {{"shift", "Up"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(Json(bad)["error"]["message"], "shift must be Down or Right.");
}

TEST_F(FakeGraphFormatTest, WholeColumnsMoveWithTheirWidths) {
  Fill("A1:C1", Grid({{"a", "b", "c"}}));
  ASSERT_EQ(PatchAt(Format("B:B"), {{"columnWidth", 90}}).status, 200);
  ASSERT_EQ(Post(Range("A:A") + "/insert", {{"shift", "Right"}}).status, 200);
  EXPECT_EQ(Values("A1:D1"), nlohmann::json::parse(R"([["","a","b","c"]])"));
  EXPECT_EQ(Snapshot().column_widths, (std::map<std::string, double>{{"C", 90}}));
  ASSERT_EQ(Post(Range("A:B") + "/delete", {{"shift", "Left"}}).status, 204);
  EXPECT_EQ(Snapshot().column_widths, (std::map<std::string, double>{{"A", 90}}));
  EXPECT_EQ(Values("A1:B1"), nlohmann::json::parse(R"([["b","c"]])"));
}

TEST_F(FakeGraphFormatTest, ContentPushedOffTheGridIsRefused) {
  Fill("XFD1", Grid({{"edge"}}));
  Fill("A1048576", Grid({{"bottom"}}));
  for (const auto& [address, shift] : {std::pair{"A1", "Right"}, std::pair{"A5:A6", "Down"}}) {
    const auto reply = Post(Range(address) + "/insert", {{"shift", shift}});
    EXPECT_EQ(reply.status, 400) << address;
    EXPECT_THAT(Codes(reply), ElementsAre("badRequest", "nonBlankCellOffSheet"));
    EXPECT_EQ(Json(reply)["error"]["message"],
              "The cells cannot be inserted because non-blank cells would be pushed off the end "
              "of the worksheet.");
  }
  EXPECT_EQ(Post(Range("B2") + "/insert", {{"shift", "Right"}}).status, 200);
  EXPECT_EQ(Values("XFD1"), nlohmann::json::parse(R"([["edge"]])"));
}

TEST_F(FakeGraphFormatTest, TheControlRouteShowsBoldWidthsAndFormulas) {
  Fill("A1:B2", Grid({{"id", "link"}, {7, R"(=HYPERLINK("https://x/7",7))"}}));
  ASSERT_EQ(PatchAt(Format("A1:B1", "font"), {{"bold", true}}).status, 200);
  ASSERT_EQ(PatchAt(Format("B:B"), {{"columnWidth", 75}}).status, 200);
  const auto sheet = ControlSheet();
  EXPECT_EQ(sheet["bold"], nlohmann::json::parse(R"(["A1","B1"])"));
  EXPECT_EQ(sheet["column_widths"], nlohmann::json::parse(R"({"B":75.0})"));
  EXPECT_EQ(sheet["values"], nlohmann::json::parse(R"([["id","link"],[7,7]])"));
  EXPECT_EQ(sheet["formulas"],
            nlohmann::json::parse(R"j([["id","link"],[7,"=HYPERLINK(\"https://x/7\",7)"]])j"));
  EXPECT_EQ(sheet["tables"], nlohmann::json::array());
}

TEST_F(FakeGraphFormatTest, TheXlsxDumpTakesTablesStylesWidthsAndLinks) {
  Fill("A1:B3", Grid({{"id", "link"},
                      {7, R"(=HYPERLINK("https://x/7",7))"},
                      {8, R"(=HYPERLINK("https://x/8","eight"))"}}));
  const std::string id = AddTable("Sheet1!A1:B3", true);
  ASSERT_EQ(PatchAt(Table(id), {{"name", "OdooOrders"}, {"style", "TableStyleDark3"}}).status, 200);
  ASSERT_EQ(PatchAt(Format("A1:B1", "font"), {{"bold", true}, {"italic", true}}).status, 200);
  ASSERT_EQ(PatchAt(Format("A1:B1", "fill"), {{"color", "#000000"}}).status, 200);
  ASSERT_EQ(PatchAt(Format("A1:B3"),
                    {{"columnWidth", 75}, {"rowHeight", 20}, {"horizontalAlignment", "Center"}})
                .status,
            200);
  ASSERT_EQ(PatchAt(Table(id), {{"showTotals", true}}).status, 200);
  const auto path = std::filesystem::temp_directory_path() /
                    ("xlsync_fake_graph_format_" + std::to_string(fake_->port()) + ".xlsx");
  auto saved = fake_->SaveXlsx(ids_.drive_id, ids_.item_id, path.string());
  ASSERT_TRUE(saved) << saved.error().message;
  std::ifstream file(path, std::ios::binary);
  std::string head(2, '\0');
  file.read(head.data(), 2);
  EXPECT_EQ(head, "PK");
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace xlsync::fakes
