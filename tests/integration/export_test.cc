// The real xlsync binary exports into the fake Graph from the fake Odoo; each test reads the
// sheet back and compares it with the source cell by cell.
#include <gmock/gmock.h>

#include <fstream>

#include "tests/integration/export_world.h"

namespace xlsync::fakes {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::vector<std::string> kPartnerFields = {"name",  "email",         "phone",            "is_company",
                                                 "type",  "country_id",    "customer_rank",    "partner_latitude",
                                                 "comment", "write_date"};

class ExportTest : public ExportWorld {};

std::string WithCommas(int64_t value) {
  const std::string digits = std::to_string(value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

TEST_F(ExportTest, ExportsOneHundredThousandRowsByTenColumnsEqualToTheSource) {
  Start({{"res.partner", 100'000}});
  const auto result = Xlsync("export", TaskArgs("res.partner", kPartnerFields, "Partners"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // Archived partners are left out by default (active_test), as in Odoo.
  const int64_t expected = odoo_->Count("res.partner", nlohmann::json::array());
  EXPECT_THAT(result.out, HasSubstr("sheet = source (" + WithCommas(expected) + " rows)"));
  ExpectSheetEqualsSource("res.partner", kPartnerFields, "Partners");
  // Chunks stay inside the budget of msgraph.md §6.6 and Excel's 5 MB answers (none refused),
  // and grow past the first chunk's 20,000 cells: fewer PATCHes than that size would need.
  EXPECT_LE(graph_->Counters().max_request_bytes, 2'000'000u);
  EXPECT_GE(GraphRequests("range", "PATCH"), static_cast<size_t>(expected * 10 / 100'000));
  EXPECT_LT(GraphRequests("range", "PATCH"), static_cast<size_t>(expected * 10 / 20'000));
  EXPECT_EQ(result.err.find("too large"), std::string::npos) << result.err;
}

TEST_F(ExportTest, ReplacesWhatTheSheetHeldBeforeAndCreatesAMissingSheet) {
  Start({{"res.partner", 300}});
  ASSERT_EQ(Xlsync("export", TaskArgs("res.partner", kPartnerFields, "Contacts")).exit_code, 0);
  // A narrower, filtered second run leaves no trace of the first one: the columns of the fields
  // it dropped are deleted (a dropped last field would read as a column of the user's, so the
  // last one stays).
  const std::vector<std::string> fields = {"name", "write_date"};
  const auto result = Xlsync("export", TaskArgs("res.partner", fields, "Contacts", R"([["is_company", "=", true]])"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  ExpectSheetEqualsSource("res.partner", fields, "Contacts", nlohmann::json::parse(R"([["is_company", "=", true]])"));
  auto sheet = Sheet("Contacts");
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->used_range_values.substr(0, 3), "A1:");
  EXPECT_EQ(sheet->used_range_values.substr(3, 1), "B");
  EXPECT_THAT(graph_->SheetNames(ids_.drive_id, ids_.item_id), ::testing::Contains("Contacts"));
}

TEST_F(ExportTest, WritesEveryFieldTypeOfSalesOrdersAsTypedCells) {
  Start({{"sale.order", 500}});
  const std::vector<std::string> fields = {"name", "partner_id", "date_order", "state", "amount_total",
                                           "validity_date", "client_order_ref", "user_id"};
  const auto result = Xlsync("export", TaskArgs("sale.order", fields, "Orders"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  ExpectSheetEqualsSource("sale.order", fields, "Orders");
  auto sheet = Sheet("Orders");
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->At("C2").number_format, "yyyy-mm-dd hh:mm:ss");
  EXPECT_EQ(sheet->At("E2").number_format, "[$$]#,##0.00");  // order 1 is in dollars, symbol first
  EXPECT_EQ(sheet->At("F2").number_format, "yyyy-mm-dd");
}

TEST_F(ExportTest, ShowsOne2ManyAsDisplayNamesFetchedOncePerPage) {
  Start({{"sale.order", 40}});
  const auto result = Xlsync("export", TaskArgs("sale.order", {"name", "order_line"}, "Lines", "") );
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto records = odoo_->SearchRead("sale.order", nlohmann::json::array(), {"order_line"}, "id");
  const auto first_lines = records[0]["order_line"];
  ASSERT_FALSE(first_lines.empty());
  const auto names = odoo_->SearchRead("sale.order.line", nlohmann::json::array({{"id", "in", first_lines}}),
                                       {"display_name"}, "id");
  std::string joined;
  for (const auto& line : names) joined += (joined.empty() ? "" : ", ") + line["display_name"].get<std::string>();
  auto sheet = Sheet("Lines");
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->At("B2").value.text, joined);
  size_t line_reads = 0;
  for (const auto& call : odoo_->Calls()) {
    if (call.model == "sale.order.line") ++line_reads;
  }
  EXPECT_EQ(line_reads, 1u) << "one batched read per relation and page";
}

TEST_F(ExportTest, WritesALocalXlsxCopyWhenAsked) {
  Start({{"res.partner", 50}});
  auto args = TaskArgs("res.partner", {"name", "customer_rank"}, "Partners");
  args.insert(args.end(), {"--xlsx", "copy.xlsx"});
  const auto result = Xlsync("export", args);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("local copy: copy.xlsx"));
  std::ifstream copy(dir_ / "copy.xlsx", std::ios::binary);
  char magic[2] = {};
  copy.read(magic, 2);
  EXPECT_EQ(std::string(magic, 2), "PK");
}

TEST_F(ExportTest, ReadsTheTaskFromATomlFileAndJson2OnOdoo19) {
  Start({{"res.partner", 120}}, 19);
  std::ofstream(dir_ / "partners.toml") << "model = \"res.partner\"\nfields = [\"name\", \"email\", \"is_company\"]\n"
                                           "domain = '[[\"is_company\", \"=\", false]]'\npage_size = 25\n"
                                           "[target]\nworkbook = \"" << ids_.workbook_path << "\"\nsheet = \"People\"\n";
  const auto result = Xlsync("export", {"--task", "partners.toml"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  ExpectSheetEqualsSource("res.partner", {"name", "email", "is_company"}, "People",
                          nlohmann::json::parse(R"([["is_company", "=", false]])"));
  size_t json2_calls = 0;
  for (const auto& call : odoo_->Calls()) json2_calls += call.transport == "json2" ? 1 : 0;
  EXPECT_GT(json2_calls, 3u) << "Odoo 19 with an API key is read over JSON-2, page by page";
}

TEST_F(ExportTest, WithFormulasAllowedTextStartingWithEqualsBecomesAFormula) {
  Start({{"res.partner", 30}});
  odoo_->Write("res.partner", 1, {{"name", "=1+1"}});
  auto args = TaskArgs("res.partner", {"name"}, "Formulas");
  args.push_back("--allow-formulas");
  const auto result = Xlsync("export", args);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, Not(HasSubstr("sheet = source")));
  EXPECT_THAT(result.out, HasSubstr("only the sheet's extent"));
  auto sheet = Sheet("Formulas");
  ASSERT_TRUE(sheet);
  EXPECT_TRUE(sheet->At("A2").formula);
  // Without the flag the same text is stored as text, never evaluated.
  ASSERT_EQ(Xlsync("export", TaskArgs("res.partner", {"name"}, "Formulas")).exit_code, 0);
  sheet = Sheet("Formulas");
  EXPECT_FALSE(sheet->At("A2").formula);
  EXPECT_EQ(sheet->At("A2").value.text, "=1+1");
}

TEST_F(ExportTest, CheckRehearsesEveryStepAndShowsTheDriveId) {
  Start();
  const auto result = Xlsync("check", TaskArgs("sale.order", {"name", "amount_total"}, "Orders"));
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  for (const char* step : {"ok   Microsoft settings", "ok   Token obtained", "ok   User found, drive ID discovered",
                           "ok   Workbook found", "ok   Workbook session opened", "ok   Worksheet reachable",
                           "ok   Test write and removal", "ok   Odoo reachable, version", "ok   Login",
                           "ok   Model readable", "ok   Fields readable", "all checks passed"}) {
    EXPECT_THAT(result.out, HasSubstr(step));
  }
  EXPECT_THAT(result.out, HasSubstr(ids_.drive_id));
  auto sheet = Sheet(ids_.sheet_name);
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->used_range_values, "A1") << "the test write was removed";
}

TEST_F(ExportTest, TheDemoRunsWithNothingConfigured) {
  Start();
  const auto result = RunXlsync({"--progress", "none", "demo", "--orders", "60", "--xlsx", "demo.xlsx"}, dir_.string());
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("sheet = source (60 rows)"));
  EXPECT_THAT(result.out, HasSubstr("To connect your own Odoo and Microsoft 365 tenant"));
  EXPECT_TRUE(std::filesystem::exists(dir_ / "demo.xlsx"));
}

}  // namespace
}  // namespace xlsync::fakes
