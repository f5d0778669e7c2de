// Row links, preview, the forecast's limits, rollover onto further sheets, burst exports and cut
// texts, against the fake Odoo and the fake Graph: each sheet read back equals its slice of the
// source.
#include <gmock/gmock.h>

#include <fstream>
#include <map>
#include <sstream>

#include "core/clock.h"
#include "core/sleeper.h"
#include "excel/a1.h"
#include "excel/cell_text.h"
#include "http/client.h"
#include "odoo/cell_converter.h"
#include "odoo/name_cache.h"
#include "odoo/schema.h"
#include "sync/exporter.h"
#include "testing/support/xlsx_part.h"
#include "tests/integration/export_world.h"

namespace xlsync::fakes {
namespace {

using ::testing::HasSubstr;
using nlohmann::json;

const std::vector<std::string> kOrderFields = {"name", "date_order", "amount_total", "state"};

class OutputOptionsTest : public ExportWorld {
 protected:
  /// An export run in this process (limits can be lowered), into the demo workbook.
  sync::ExportRequest Request(const std::string& model, const std::vector<std::string>& fields,
                              const std::string& sheet) const {
    sync::ExportRequest request = InProcessRequest(model, fields, sheet);
    request.task.workbook = ids_.workbook_path;
    return request;
  }

  core::Result<sync::ExportReport> Run(const sync::ExportRequest& request) {
    core::InterruptibleSleeper sleeper;
    return sync::Exporter(*http_, sleeper, core::SystemClock()).Run(request, nullptr);
  }

  /// Asserts that `sheet` holds the header and exactly `records[first, first + count)`, cell by
  /// cell, as xlsync converts them (fields without x2many; text as sanitized).
  void ExpectRows(const std::optional<SheetSnapshot>& sheet, const std::string& model,
                  const std::vector<std::string>& fields, const json& records, size_t first, size_t count) {
    ASSERT_TRUE(sheet);
    auto schema = odoo::Schema::FromFieldsGet(model, odoo_->FieldsGet(model));
    ASSERT_TRUE(schema);
    auto converter = odoo::CellConverter::Create(*schema, fields, odoo::ConvertOptions{});
    ASSERT_TRUE(converter);
    for (size_t c = 0; c < converter->columns().size(); ++c) {
      EXPECT_EQ(sheet->At(excel::CellAddress(1, static_cast<int>(c))).value.text, converter->columns()[c].label);
    }
    ASSERT_EQ(sheet->stored_rows, static_cast<int>(count) + 1) << sheet->name;
    const odoo::NameCache no_names;
    for (size_t r = 0; r < count; ++r) {
      const core::Row expected = converter->Convert(records[first + r], no_names);
      for (size_t c = 0; c < expected.size(); ++c) {
        core::Cell want = expected[c];
        if (want.kind == core::CellKind::kText) want.text = excel::SanitizeText(want.text).text;
        if (want.kind == core::CellKind::kText && want.text.empty()) want = core::Cell::Empty();
        const auto& got = sheet->At(excel::CellAddress(static_cast<int>(r) + 2, static_cast<int>(c))).value;
        EXPECT_EQ(got.kind, want.kind) << sheet->name << " row " << r + 2 << " column " << c;
        EXPECT_EQ(got.text, want.text) << sheet->name << " row " << r + 2 << " column " << c;
        EXPECT_EQ(got.number, want.number) << sheet->name << " row " << r + 2 << " column " << c;
      }
      if (::testing::Test::HasFailure()) return;
    }
  }

  std::unique_ptr<http::Client> http_ = http::MakeCurlClient({});
};

TEST_F(OutputOptionsTest, RowLinksReadBackAsIdsBehindHyperlinkFormulas) {
  Start({{"res.partner", 60}}, 18);
  auto args = TaskArgs("res.partner", {"name", "email"}, "Linked");
  args.push_back("--row-links");
  const auto result = Xlsync("export", args);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json records = odoo_->SearchRead("res.partner", json::array(), {"id"}, "id");
  EXPECT_THAT(result.out, HasSubstr("sheet = source (" + std::to_string(records.size()) + " rows)"));
  auto sheet = Sheet("Linked");
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->At("C1").value.text, "Odoo ID");
  ASSERT_EQ(sheet->stored_rows, static_cast<int>(records.size()) + 1);
  for (size_t r = 0; r < records.size(); ++r) {
    const int64_t id = records[r]["id"].get<int64_t>();
    const std::string url = odoo_->url() + "/odoo/res.partner/" + std::to_string(id);
    const auto& cell = sheet->At("C" + std::to_string(r + 2));
    EXPECT_TRUE(cell.formula) << r;
    EXPECT_EQ(cell.value, core::Cell::Link(url, static_cast<double>(id))) << r;
    EXPECT_EQ(cell.formula_text, "=HYPERLINK(\"" + url + "\"," + std::to_string(id) + ")") << r;
  }
}

TEST_F(OutputOptionsTest, RowLinksUseTheHashAddressBeforeOdoo17Point2) {
  Start({{"res.partner", 10}}, 17);
  auto args = TaskArgs("res.partner", {"name"}, "Linked");
  args.push_back("--row-links");
  ASSERT_EQ(Xlsync("export", args).exit_code, 0);
  const int64_t id = odoo_->SearchRead("res.partner", json::array(), {"id"}, "id")[0]["id"].get<int64_t>();
  auto sheet = Sheet("Linked");
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->At("B2").value.text,
            odoo_->url() + "/web#id=" + std::to_string(id) + "&model=res.partner&view_type=form");
}

TEST_F(OutputOptionsTest, PreviewPrintsTheFirstRowsFromOdooAloneAsExcelShowsThem) {
  Start({{"sale.order", 40}});
  std::ofstream(dir_ / "odoo-only.toml") << "[odoo]\nurl = \"" << odoo_->url()
                                         << "\"\ndatabase = \"demo\"\nlogin = \"admin\"\napi_key_file = \""
                                         << (dir_ / "odoo-api-key").string() << "\"\n";
  std::string fields;
  for (const auto& field : kOrderFields) fields += (fields.empty() ? "" : ",") + field;
  const auto result = RunXlsync({"--config", (dir_ / "odoo-only.toml").string(), "preview", "--model", "sale.order",
                                 "--fields", fields, "--rows", "5"},
                                dir_.string(), {{"COLUMNS", "160"}});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::vector<std::string> lines;
  std::stringstream out(result.out);
  for (std::string line; std::getline(out, line);) lines.push_back(line);
  ASSERT_GE(lines.size(), 8u) << result.out;
  EXPECT_EQ(lines[0].rfind("Order Reference | Order Date          | Total", 0), 0u) << lines[0];
  EXPECT_THAT(lines[0], ::testing::EndsWith("| Status"));
  const json records = odoo_->SearchRead("sale.order", json::array(), kOrderFields, "id");
  for (size_t r = 0; r < 5; ++r) {
    const std::string& row = lines[r + 2];
    EXPECT_EQ(row.rfind(records[r]["name"].get<std::string>(), 0), 0u) << row;
    // Odoo's UTC datetime, shown as Excel shows the serial (the task's time zone is UTC).
    EXPECT_THAT(row, HasSubstr(" | " + records[r]["date_order"].get<std::string>() + " | ")) << row;
  }
  EXPECT_EQ(lines[7], "first 5 of 40 records of sale.order matching the filter");
  EXPECT_THAT(result.out, HasSubstr("forecast: 40 rows x 4 columns = 160 cells on 1 sheet"));
  EXPECT_TRUE(graph_->RequestLog().empty()) << "a preview reads Odoo only";
}

TEST_F(OutputOptionsTest, CheckEndsWithTheLimitsAndTheForecast) {
  Start({{"sale.order", 40}});
  const auto result = Xlsync("check", TaskArgs("sale.order", kOrderFields, "Orders"));
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  std::vector<std::string> lines;
  std::stringstream out(result.out);
  for (std::string line; std::getline(out, line);) lines.push_back(line);
  ASSERT_GE(lines.size(), 5u);
  const size_t n = lines.size();
  EXPECT_EQ(lines[n - 5], "ok   Excel limits: the export fits in a sheet and a workbook Excel for the web opens");
  EXPECT_EQ(lines[n - 4], "all checks passed");
  EXPECT_EQ(lines[n - 3], "forecast: 40 rows x 4 columns = 160 cells on 1 sheet");
  EXPECT_EQ(lines[n - 2].rfind("forecast: 5 Odoo requests, ", 0), 0u) << lines[n - 2];
  EXPECT_EQ(lines[n - 1].rfind("forecast: about ", 0), 0u) << lines[n - 1];
}

TEST_F(OutputOptionsTest, AFilterLargerThanASheetIsRefusedBeforeAnythingIsWritten) {
  Start({{"sale.order", 1'200'000}});
  const auto result = Xlsync("export", TaskArgs("sale.order", {"name", "amount_total"}, "Orders"));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err,
              HasSubstr("The filter matches 1,200,000 records, more than the 1,048,575 rows an Excel sheet holds "
                        "under its header: narrow the filter, or set rollover = true to continue on further sheets."));
  EXPECT_TRUE(graph_->RequestLog().empty()) << "refused before Microsoft Graph is contacted";
  for (const auto& call : odoo_->Calls()) {
    EXPECT_NE(call.method, "search_read") << "refused before any record is read";
  }
}

TEST_F(OutputOptionsTest, RolloverContinuesOnNumberedSheetsEachEqualToItsSlice) {
  Start({{"res.partner", 2'600}});
  sync::ExportRequest request = Request("res.partner", {"name", "email", "customer_rank"}, "Partners");
  request.limits.max_rows = 1'001;  // 1,000 data rows a sheet
  auto refused = Run(request);
  ASSERT_FALSE(refused);
  EXPECT_THAT(refused.error().message, HasSubstr("more than the 1,000 rows an Excel sheet holds under its header"));
  EXPECT_FALSE(Sheet("Partners")) << "nothing written before the refusal";

  request.task.rollover = true;
  auto report = Run(request);
  ASSERT_TRUE(report) << report.error().message;
  const json records = odoo_->SearchRead("res.partner", json::array(), {"name", "email", "customer_rank"}, "id");
  const size_t total = records.size();
  ASSERT_GT(total, 2'000u);
  EXPECT_EQ(report->rows, static_cast<int64_t>(total));
  EXPECT_TRUE(report->verified);
  ASSERT_EQ(report->sheets.size(), 3u);
  const std::vector<std::string> names = {"Partners", "Partners (2)", "Partners (3)"};
  for (size_t s = 0; s < 3; ++s) {
    const size_t count = std::min<size_t>(1'000, total - s * 1'000);
    EXPECT_EQ(report->sheets[s].sheet, names[s]);
    EXPECT_EQ(report->sheets[s].rows, static_cast<int64_t>(count));
    ExpectRows(Sheet(names[s]), "res.partner", {"name", "email", "customer_rank"}, records, s * 1'000, count);
  }
}

TEST_F(OutputOptionsTest, TheLocalCopyHasTheTableOnEveryRolloverSheetUnlessItIsTooBigToHoldInMemory) {
  Start({{"res.partner", 300}});
  sync::ExportRequest request = Request("res.partner", {"name", "email"}, "Partners");
  request.limits.max_rows = 101;  // 100 data rows a sheet
  request.task.rollover = true;
  request.task.table = "Contacts";
  request.local_xlsx = (dir_ / "copy.xlsx").string();
  auto report = Run(request);
  ASSERT_TRUE(report) << report.error().message;
  const std::string tables = ReadXlsxPart(request.local_xlsx, "xl/tables/table1.xml") +
                             ReadXlsxPart(request.local_xlsx, "xl/tables/table2.xml");
  EXPECT_THAT(tables, HasSubstr("name=\"Contacts\""));
  EXPECT_THAT(tables, HasSubstr("name=\"Contacts_2\""));

  // 300 rows x 2 columns over a limit of 500 cells: a filter instead, and a warning that says so.
  request.limits.max_local_table_cells = 500;
  report = Run(request);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(ReadXlsxPart(request.local_xlsx, "xl/tables/table1.xml"), "");
  EXPECT_THAT(ReadXlsxPart(request.local_xlsx, "xl/worksheets/sheet1.xml"), HasSubstr("<autoFilter"));
  EXPECT_THAT(report->warnings,
              ::testing::Contains(HasSubstr("has a filter instead of the table \"Contacts\": its ")));
}

TEST_F(OutputOptionsTest, BurstBySalespersonFillsOneSheetPerValueEqualToItsSlice) {
  Start({{"sale.order", 300}});
  auto args = TaskArgs("sale.order", kOrderFields, "Orders");
  args.insert(args.end(), {"--burst-by", "user_id"});
  const auto result = Xlsync("export", args);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const json orders = odoo_->SearchRead("sale.order", json::array(), {"user_id"}, "id");
  std::map<std::string, json> salespeople;  // display name -> the slice's domain
  for (const auto& order : orders) {
    const json& user = order["user_id"];
    if (user.is_array()) {
      salespeople[user[1].get<std::string>()] = json::array({json::array({"user_id", "=", user[0]})});
    } else {
      salespeople["None"] = json::parse(R"([["user_id", "=", false]])");
    }
  }
  ASSERT_GE(salespeople.size(), 2u);
  for (const auto& [name, domain] : salespeople) {
    ExpectSheetEqualsSource("sale.order", kOrderFields, name, domain);
    EXPECT_THAT(result.out, HasSubstr("  " + name + ": ")) << "one report line per value";
  }
  EXPECT_THAT(result.out, HasSubstr("exported " + std::to_string(orders.size()) + " rows"));
}

TEST_F(OutputOptionsTest, BurstByCompanyWritesOneWorkbookPerValue) {
  Start({{"sale.order", 200}});
  const json orders = odoo_->SearchRead("sale.order", json::array(), {"company_id"}, "id");
  std::map<std::string, int64_t> companies;
  for (const auto& order : orders) companies[order["company_id"][1].get<std::string>()] = order["company_id"][0];
  ASSERT_GE(companies.size(), 2u);
  std::map<std::string, std::string> items;
  for (const auto& [name, id] : companies) items[name] = graph_->AddWorkbook(ids_.drive_id, "/Sales/" + name + ".xlsx");
  auto args = TaskArgs("sale.order", kOrderFields, "Orders");
  args.insert(args.end(), {"--burst-by", "company_id", "--burst-workbook", "/Sales/{value}.xlsx"});
  const auto result = Xlsync("export", args);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  for (const auto& [name, id] : companies) {
    const json domain = json::array({json::array({"company_id", "=", id})});
    const json records = odoo_->SearchRead("sale.order", domain, kOrderFields, "id");
    ExpectRows(graph_->Sheet(ids_.drive_id, items[name], "Orders"), "sale.order", kOrderFields, records, 0,
               records.size());
  }
  EXPECT_FALSE(Sheet("Orders")) << "the task's own workbook is left alone";
}

TEST_F(OutputOptionsTest, TextsLongerThanACellHoldsAreCutAndCountedInTheSummary) {
  Start({{"res.partner", 20}});
  const json ids = odoo_->SearchRead("res.partner", json::array(), {"id"}, "id");
  odoo_->Write("res.partner", ids[3]["id"], {{"street2", std::string(40'000, 'z')}});
  const auto result = Xlsync("export", TaskArgs("res.partner", {"name", "street2"}, "Long"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("1 text was longer than the 32,767 characters a cell holds and was cut "
                                    "(columns: Street2)."));
  EXPECT_THAT(result.out, HasSubstr("sheet = source"));
  auto sheet = Sheet("Long");
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->At("B5").value.text, std::string(32'767, 'z'));
}

TEST_F(OutputOptionsTest, ControlCharactersAreRemovedAndTheSheetReadsBackAsTheSanitizedText) {
  Start({{"res.partner", 20}});
  const json ids = odoo_->SearchRead("res.partner", json::array(), {"id"}, "id");
  odoo_->Write("res.partner", ids[5]["id"], {{"street", "Rue\x01 de la\x1f Loi\t16\x7f"}});
  odoo_->Write("res.partner", ids[6]["id"], {{"street2", "\x02\x03"}});
  odoo_->Write("res.partner", ids[7]["id"], {{"street2", std::string(32'766, 'y')}});
  const auto result = Xlsync("export", TaskArgs("res.partner", {"name", "street", "street2"}, "Texts"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("sheet = source"));
  EXPECT_THAT(result.out, ::testing::Not(HasSubstr("were cut")));
  ExpectSheetEqualsSource("res.partner", {"name", "street", "street2"}, "Texts");
  auto sheet = Sheet("Texts");
  ASSERT_TRUE(sheet);
  EXPECT_EQ(sheet->At("B7").value.text, "Rue de la Loi\t16\x7f");
  EXPECT_EQ(sheet->At("C8").value.kind, core::CellKind::kEmpty) << "nothing left to show: an empty cell";
  EXPECT_EQ(sheet->At("C9").value.text.size(), 32'766u);
}

}  // namespace
}  // namespace xlsync::fakes
