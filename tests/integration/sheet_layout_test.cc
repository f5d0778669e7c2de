// The user's columns, formulas and tables survive later runs (msgraph.md §6.4, §6.7, §6.8): an
// export into the fake Graph, then the user's changes, then more runs with other rows and fields.
#include <gmock/gmock.h>

#include "core/clock.h"
#include "core/sleeper.h"
#include "http/client.h"
#include "msgraph/graph_client.h"
#include "msgraph/token_provider.h"
#include "msgraph/workbook.h"
#include "sync/exporter.h"
#include "tests/integration/export_world.h"

namespace xlsync::fakes {
namespace {

using ::testing::SizeIs;

class SheetLayoutTest : public ExportWorld {
 protected:
  /// Exports res.partner records with id <= max_id into `sheet`.
  core::Result<sync::ExportReport> Export(const std::string& sheet,
                                          const std::vector<std::string>& fields, int max_id,
                                          const std::string& table = "") {
    sync::ExportRequest request = InProcessRequest("res.partner", fields, sheet);
    request.task.domain = Domain(max_id);
    request.task.table = table;
    request.task.table_style = "TableStyleMedium4";
    core::InterruptibleSleeper sleeper;
    sync::Exporter exporter(*http_, sleeper, core::SystemClock());
    return exporter.Run(request, nullptr);
  }

  static nlohmann::json Domain(int max_id) {
    return nlohmann::json::array({nlohmann::json::array({"id", "<=", max_id})});
  }

  /// The records an export of ids <= max_id writes, in sheet order.
  nlohmann::json Records(int max_id) const {
    return odoo_->SearchRead("res.partner", Domain(max_id),
                             nlohmann::json::array({"name", "credit_limit"}));
  }

  /// Writes `values` into `address` of `sheet` as the user would (text starting with "=" is a
  /// formula).
  void UserWrites(const std::string& sheet, const std::string& address,
                  const nlohmann::json& values) {
    core::InterruptibleSleeper sleeper;
    const msgraph::Settings settings = InProcessRequest("res.partner", {}, sheet).graph;
    msgraph::TokenProvider tokens(*http_, core::SystemClock(), sleeper, settings);
    msgraph::GraphClient graph(*http_, tokens, sleeper, settings);
    msgraph::Workbook workbook(
        graph, core::SystemClock(), sleeper,
        msgraph::DriveItem{ids_.drive_id, ids_.item_id, "Odoo Export.xlsx", "", false});
    auto found = workbook.FindWorksheet(sheet);
    ASSERT_TRUE(found && found->has_value());
    auto written = workbook.PatchRange(**found, address, nlohmann::json{{"values", values}}.dump());
    ASSERT_TRUE(written) << written.error().message;
    (void)workbook.Close();
  }

  /// The user's column: "Double" over =B2*2 ... =B<rows+1>*2, in column `column`.
  void AddUserColumn(const std::string& sheet, const std::string& column, int rows) {
    nlohmann::json values = nlohmann::json::array({nlohmann::json::array({"Double"})});
    for (int r = 2; r <= rows + 1; ++r) values.push_back({"=B" + std::to_string(r) + "*2"});
    UserWrites(sheet, column + "1:" + column + std::to_string(rows + 1), values);
  }

  /// Name and credit limit of each record in A and B from row 2, and nothing below them.
  void ExpectOwnColumns(const SheetSnapshot& snapshot, const nlohmann::json& records) {
    EXPECT_EQ(snapshot.At("A1").value.text, "Name");
    for (size_t r = 0; r < records.size(); ++r) {
      const std::string row = std::to_string(r + 2);
      EXPECT_EQ(snapshot.At("A" + row).value.text, records[r]["name"].get<std::string>())
          << "row " << row;
      EXPECT_EQ(snapshot.At("B" + row).value.number, records[r]["credit_limit"].get<double>())
          << "row " << row;
    }
    const std::string below = std::to_string(records.size() + 2);
    EXPECT_EQ(snapshot.At("A" + below).value.kind, core::CellKind::kEmpty) << "row " << below;
    EXPECT_EQ(snapshot.At("B" + below).value.kind, core::CellKind::kEmpty) << "row " << below;
  }

  /// The user's "Double" column in `column`: its header and each formula on its own row.
  void ExpectUserColumn(const SheetSnapshot& snapshot, const std::string& column, int rows) {
    EXPECT_EQ(snapshot.At(column + "1").value.text, "Double");
    for (int r = 2; r <= rows + 1; ++r) {
      const auto& cell = snapshot.At(column + std::to_string(r));
      EXPECT_TRUE(cell.formula) << column << r;
      EXPECT_EQ(cell.formula_text, "=B" + std::to_string(r) + "*2") << column << r;
    }
  }

  std::unique_ptr<http::Client> http_ = http::MakeCurlClient({});
  const std::vector<std::string> fields_{"name", "credit_limit"};
};

TEST_F(SheetLayoutTest, TheUsersFormulaColumnSurvivesRunsWithFewerAndMoreRecords) {
  Start({{"res.partner", 200}});
  ASSERT_TRUE(Export("Partners", fields_, 40));
  const int first_rows = static_cast<int>(Records(40).size());
  AddUserColumn("Partners", "C", first_rows);
  UserWrites("Partners", "E1", nlohmann::json::array({nlohmann::json::array({"=SUM(B2:B11)"})}));

  for (const int max_id : {20, 60}) {
    auto run = Export("Partners", fields_, max_id);
    ASSERT_TRUE(run) << run.error().message;
    EXPECT_TRUE(run->verified);
    auto snapshot = Sheet("Partners");
    ASSERT_TRUE(snapshot);
    ExpectOwnColumns(*snapshot, Records(max_id));
    ExpectUserColumn(*snapshot, "C", first_rows);
    EXPECT_EQ(snapshot->At("E1").formula_text, "=SUM(B2:B11)");
  }
}

TEST_F(SheetLayoutTest, AnAddedFieldInsertsAColumnAndTheUsersColumnMovesRightIntact) {
  Start({{"res.partner", 100}});
  ASSERT_TRUE(Export("Partners", fields_, 30));
  const int rows = static_cast<int>(Records(30).size());
  AddUserColumn("Partners", "C", rows);

  auto wider = Export("Partners", {"name", "email", "credit_limit"}, 30);
  ASSERT_TRUE(wider) << wider.error().message;
  auto snapshot = Sheet("Partners");
  ASSERT_TRUE(snapshot);
  EXPECT_EQ(snapshot->At("B1").value.text, "Email");
  EXPECT_EQ(snapshot->At("C1").value.text, "Credit Limit");
  // The fake moves formulas without rewriting their references (Excel would make them =C2*2).
  ExpectUserColumn(*snapshot, "D", rows);

  auto narrower = Export("Partners", fields_, 30);
  ASSERT_TRUE(narrower) << narrower.error().message;
  snapshot = Sheet("Partners");
  ASSERT_TRUE(snapshot);
  ExpectOwnColumns(*snapshot, Records(30));
  ExpectUserColumn(*snapshot, "C", rows);
}

TEST_F(SheetLayoutTest, AnInsertAppliedWithoutAnAnswerIsNotRepeatedAndOneNotAppliedIs) {
  Start({{"res.partner", 100}});
  ASSERT_TRUE(Export("Partners", fields_, 30));
  const int rows = static_cast<int>(Records(30).size());
  AddUserColumn("Partners", "C", rows);
  // The insert for "Email" is applied but its answer is lost: the header read back shows it was.
  ASSERT_TRUE(graph_->InjectFault(FaultSpec::Reset(FaultKind::kResetAfterApply, "POST", "/insert")));
  ASSERT_TRUE(Export("Partners", {"name", "email", "credit_limit"}, 30));
  // The insert for "Phone" is lost before it is applied: the header shows it was not, so again.
  ASSERT_TRUE(graph_->InjectFault(FaultSpec::Status(504, "POST", "/insert")));
  auto run = Export("Partners", {"name", "email", "phone", "credit_limit"}, 30);
  ASSERT_TRUE(run) << run.error().message;

  auto snapshot = Sheet("Partners");
  ASSERT_TRUE(snapshot);
  EXPECT_EQ(snapshot->At("B1").value.text, "Email");
  EXPECT_EQ(snapshot->At("C1").value.text, "Phone");
  EXPECT_EQ(snapshot->At("D1").value.text, "Credit Limit");
  ExpectUserColumn(*snapshot, "E", rows);
  EXPECT_EQ(snapshot->At("F1").value.kind, core::CellKind::kEmpty) << "no column inserted twice";
}

TEST_F(SheetLayoutTest, TheHeaderIsBoldAndTheOwnColumnsAreFitted) {
  Start({{"res.partner", 50}});
  ASSERT_TRUE(Export("Partners", fields_, 50));
  auto snapshot = Sheet("Partners");
  ASSERT_TRUE(snapshot);
  EXPECT_TRUE(snapshot->At("A1").bold);
  EXPECT_TRUE(snapshot->At("B1").bold);
  EXPECT_FALSE(snapshot->At("A2").bold);
  EXPECT_TRUE(snapshot->column_widths.contains("A"));
  EXPECT_TRUE(snapshot->column_widths.contains("B"));
  EXPECT_FALSE(snapshot->column_widths.contains("C"));
}

TEST_F(SheetLayoutTest, TheNamedTableIsKeptAndResizedAcrossRuns) {
  Start({{"res.partner", 200}});
  std::string table_id;
  for (const int max_id : {20, 60, 10, 0}) {
    auto run = Export("Orders", fields_, max_id, "OdooOrders");
    ASSERT_TRUE(run) << "ids <= " << max_id << ": " << run.error().message;
    EXPECT_TRUE(run->verified);
    auto snapshot = Sheet("Orders");
    ASSERT_TRUE(snapshot);
    ASSERT_THAT(snapshot->tables, SizeIs(1));
    const TableSnapshot& table = snapshot->tables[0];
    if (table_id.empty()) table_id = table.id;
    EXPECT_EQ(table.id, table_id) << "the table is kept, not re-created";
    EXPECT_EQ(table.name, "OdooOrders");
    EXPECT_EQ(table.style, "TableStyleMedium4");
    const int64_t rows = static_cast<int64_t>(Records(max_id).size());
    EXPECT_EQ(table.address, "Orders!A1:B" + std::to_string(1 + std::max<int64_t>(1, rows)))
        << "ids <= " << max_id;
    ExpectOwnColumns(*snapshot, Records(max_id));
  }
}

TEST_F(SheetLayoutTest, AFieldAddedToATableTaskAddsATableColumnAndARemovedOneDeletesIt) {
  Start({{"res.partner", 100}});
  ASSERT_TRUE(Export("Orders", fields_, 20, "OdooOrders"));
  const std::string table_id = Sheet("Orders")->tables.at(0).id;

  auto wider = Export("Orders", {"name", "email", "credit_limit"}, 20, "OdooOrders");
  ASSERT_TRUE(wider) << wider.error().message;
  auto snapshot = Sheet("Orders");
  ASSERT_TRUE(snapshot);
  ASSERT_THAT(snapshot->tables, SizeIs(1));
  EXPECT_EQ(snapshot->tables[0].id, table_id);
  EXPECT_THAT(snapshot->tables[0].columns, ::testing::ElementsAre("Name", "Email", "Credit Limit"));

  auto narrower = Export("Orders", fields_, 20, "OdooOrders");
  ASSERT_TRUE(narrower) << narrower.error().message;
  snapshot = Sheet("Orders");
  ASSERT_TRUE(snapshot);
  EXPECT_EQ(snapshot->tables.at(0).id, table_id);
  EXPECT_THAT(snapshot->tables[0].columns, ::testing::ElementsAre("Name", "Credit Limit"));
  ExpectOwnColumns(*snapshot, Records(20));
}

TEST_F(SheetLayoutTest, ATableOfThatNameOnAnotherSheetStopsTheRunBeforeWriting) {
  Start({{"res.partner", 50}});
  ASSERT_TRUE(Export("Orders", fields_, 10, "OdooOrders"));

  auto elsewhere = Export("Partners", fields_, 10, "OdooOrders");

  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error().code, core::ErrorCode::kConflict);
  const std::string address = "Orders!A1:B" + std::to_string(1 + Records(10).size());
  EXPECT_EQ(elsewhere.error().message,
            "The table \"OdooOrders\" is on the sheet \"Orders\" (" + address +
                "), not on \"Partners\": set "
                "the task's sheet to \"Orders\" or choose another table name.");
}

}  // namespace
}  // namespace xlsync::fakes
