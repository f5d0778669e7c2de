// The yardstick for Excel-native output: a sale.order.line export opened by a real
// spreadsheet engine (LibreOffice Calc) shows each column typed and formatted, and the same task
// through the Graph double yields the same values and number formats.
#include <date/tz.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/text.h"
#include "odoo/value_cells.h"
#include "tests/integration/export_world.h"
#include "tests/integration/libreoffice.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

class LibreOfficeTest : public ExportWorld {
 protected:
  void SetUp() override {
    if (!HaveLibreOffice()) GTEST_SKIP() << "LibreOffice (soffice) is not installed: scripts/bootstrap.sh installs it";
  }
};

constexpr int kLines = 40;
const std::vector<std::string> kFields = {
    "name",        "product_id", "order_id.date_order", "order_id.validity_date", "product_uom_qty",
    "price_unit",  "price_total", "discount",           "state",                  "order_id.partner_id.country_id.name"};

std::string Task(const std::string& workbook) {
  std::string fields;
  for (const auto& field : kFields) fields += (fields.empty() ? "\"" : ", \"") + field + "\"";
  return "model = \"sale.order.line\"\nfields = [" + fields + "]\n" +
         "domain = '[[\"id\", \"<=\", " + std::to_string(kLines) + "]]'\n" +
         "time_zone = \"Europe/Brussels\"\npercent_fields = [\"discount\"]\nrow_links = true\n"
         "[target]\nworkbook = \"" + workbook + "\"\nsheet = \"Lines\"\ntable = \"OdooLines\"\n";
}

// 1234.5 with 2 decimals -> "1,234.50", as en-US Excel and Calc show #,##0.00.
std::string Grouped(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
  const std::string digits(buffer);
  const size_t point = std::min(digits.find('.'), digits.size());
  const std::string whole = core::GroupThousands(std::strtoll(digits.substr(0, point).c_str(), nullptr, 10));
  return (value < 0 ? "-" : "") + whole + digits.substr(point);
}

// What Odoo's UTC "2024-12-31 16:51:04" is on a Brussels wall clock, as Calc writes date values.
std::string BrusselsIso(const std::string& utc) {
  const auto local = date::locate_zone("Europe/Brussels")->to_local(*odoo::ParseOdooDatetime(utc));
  return date::format("%Y-%m-%dT%H:%M:%S", local);
}

struct Currency {
  std::string symbol;
  bool before = false;
  int decimals = 2;
};

std::map<int64_t, Currency> Currencies(const FakeOdoo& odoo) {
  std::map<int64_t, Currency> currencies;
  const json rows = odoo.SearchRead("res.currency", json::array(), {"symbol", "position", "decimal_places"}, "id",
                                    {{"active_test", false}});
  for (const auto& row : rows) {
    currencies[row["id"].get<int64_t>()] = {row["symbol"].get<std::string>(), row["position"] == "before",
                                            row["decimal_places"].get<int>()};
  }
  return currencies;
}

std::string NameOf(const json& many2one) { return many2one.is_array() ? many2one[1].get<std::string>() : ""; }
int64_t IdOf(const json& many2one) { return many2one.is_array() ? many2one[0].get<int64_t>() : 0; }

TEST_F(LibreOfficeTest, SaleOrderLinesOpenTypedAndFormattedInCalcAndTheGraphDoubleAgrees) {
  Start();
  odoo_->Write("sale.order.line", 3, {{"name", "=SUM(1,2)"}});
  std::ofstream(dir_ / "lines.toml") << Task(ids_.workbook_path);
  const auto result = Xlsync("export", {"--task", "lines.toml", "--xlsx", "lines.xlsx"});
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("sheet = source (" + std::to_string(kLines) + " rows)"));

  const CalcWorkbook calc = ReadWithLibreOffice((dir_ / "lines.xlsx").string(), dir_.string());
  ASSERT_EQ(calc.error, "");
  ASSERT_EQ(calc.sheets.size(), 1u);
  const CalcSheet& lines = calc.sheets[0];
  ASSERT_EQ(lines.rows.size(), static_cast<size_t>(kLines + 1));
  EXPECT_THAT(calc.tables, ::testing::Contains(HasSubstr("OdooLines")));
  const std::vector<std::string> header = {"Description", "Product", "Order Reference / Order Date",
                                           "Order Reference / Expiration", "Quantity", "Unit Price", "Total",
                                           "Discount (%)", "Order Status",
                                           "Order Reference / Customer / Country / Country Name", "Odoo ID"};
  for (size_t column = 0; column < header.size(); ++column) {
    ASSERT_LT(column, lines.rows[0].size());
    EXPECT_EQ(lines.rows[0][column].text, header[column]) << "header column " << column;
  }

  const auto sheet = Sheet("Lines");
  ASSERT_TRUE(sheet);
  const auto currencies = Currencies(*odoo_);
  std::set<std::string> symbols;
  const json records = odoo_->SearchRead(
      "sale.order.line", json::parse("[[\"id\", \"<=\", " + std::to_string(kLines) + "]]"),
      {"name", "product_id", "order_id", "product_uom_qty", "price_unit", "price_total", "discount", "state",
       "currency_id"});
  const json labels = odoo_->FieldsGet("sale.order.line")["state"]["selection"];
  for (size_t r = 0; r < records.size(); ++r) {
    const json& line = records[r];
    const json order = odoo_->SearchRead("sale.order", {{"id", "=", IdOf(line["order_id"])}},
                                         {"date_order", "validity_date", "partner_id"})[0];
    const json partner = odoo_->SearchRead("res.partner", {{"id", "=", IdOf(order["partner_id"])}},
                                           {"country_id"}, "id", {{"active_test", false}})[0];
    const auto& calc_row = lines.rows[r + 1];
    const auto& graph_row = sheet->rows[r + 1];
    ASSERT_GE(calc_row.size(), 11u) << "row " << r + 2;
    const std::string at = " (row " + std::to_string(r + 2) + ")";

    // Text, the "=" one included: a string in Calc, never a formula; quote-prefixed in Graph.
    EXPECT_EQ(calc_row[0].type, "string") << at;
    EXPECT_EQ(calc_row[0].text, line["name"].get<std::string>()) << at;
    EXPECT_EQ(calc_row[0].formula, "") << at;
    EXPECT_EQ(graph_row[0].value.text, line["name"].get<std::string>()) << at;
    EXPECT_FALSE(graph_row[0].formula) << at;
    EXPECT_EQ(calc_row[1].text, NameOf(line["product_id"])) << at;

    // Dates and datetimes (Brussels wall clock) are dates in Calc, with the formats written.
    EXPECT_EQ(calc_row[2].type, "date") << at;
    EXPECT_EQ(calc_row[2].value, BrusselsIso(order["date_order"].get<std::string>())) << at;
    EXPECT_EQ(graph_row[2].number_format, "yyyy-mm-dd hh:mm:ss") << at;
    if (order["validity_date"].is_string()) {
      EXPECT_EQ(calc_row[3].type, "date") << at;
      EXPECT_EQ(calc_row[3].value, order["validity_date"].get<std::string>()) << at;
      EXPECT_EQ(calc_row[3].text, order["validity_date"].get<std::string>()) << at;
      EXPECT_EQ(graph_row[3].number_format, "yyyy-mm-dd") << at;
    } else {
      EXPECT_EQ(calc_row[3].type, "") << at;
    }

    // Floats with their digits; money in the line's currency, symbol and decimals.
    EXPECT_EQ(calc_row[4].text, Grouped(line["product_uom_qty"].get<double>(), 2)) << at;
    EXPECT_EQ(calc_row[5].text, Grouped(line["price_unit"].get<double>(), 2)) << at;
    const Currency& currency = currencies.at(IdOf(line["currency_id"]));
    symbols.insert(currency.symbol);
    const std::string amount = Grouped(line["price_total"].get<double>(), currency.decimals);
    EXPECT_EQ(calc_row[6].text, currency.before ? currency.symbol + amount : amount + " " + currency.symbol) << at;
    EXPECT_DOUBLE_EQ(std::strtod(calc_row[6].value.c_str(), nullptr), line["price_total"].get<double>()) << at;
    const std::string pattern = currency.decimals > 0 ? "#,##0." + std::string(currency.decimals, '0') : "#,##0";
    EXPECT_EQ(graph_row[6].number_format,
              currency.before ? "[$" + currency.symbol + "]" + pattern : pattern + " [$" + currency.symbol + "]")
        << at;

    // Percentages: Odoo's 12.5 is 12.5 %.
    EXPECT_EQ(calc_row[7].type, "percentage") << at;
    EXPECT_EQ(calc_row[7].text, Grouped(line["discount"].get<double>(), 2) + "%") << at;
    EXPECT_EQ(graph_row[7].number_format, "0.00%") << at;

    // Selection label, related field through two relations, and the link to the record.
    std::string state_label;
    for (const auto& option : labels) {
      if (option[0] == line["state"]) state_label = option[1].get<std::string>();
    }
    EXPECT_EQ(calc_row[8].text, state_label) << at;
    std::string country;
    if (partner["country_id"].is_array()) {
      country = odoo_->SearchRead("res.country", {{"id", "=", IdOf(partner["country_id"])}}, {"name"})[0]["name"];
    }
    EXPECT_EQ(calc_row[9].text, country) << at;
    EXPECT_EQ(calc_row[10].value, std::to_string(line["id"].get<int64_t>())) << at;
    EXPECT_THAT(calc_row[10].formula, HasSubstr("HYPERLINK")) << at;
    EXPECT_EQ(graph_row[10].value.number, static_cast<double>(line["id"].get<int64_t>())) << at;

    // The Graph double holds the same formats as the local file, cell by cell.
    for (size_t column = 0; column < 10; ++column) {
      if (graph_row[column].value.kind == core::CellKind::kNumber) {
        EXPECT_NE(graph_row[column].number_format, "General") << at << " column " << column;
      }
    }
  }
  EXPECT_GE(symbols.size(), 2u) << "the lines carry money in at least two currencies";

  if (const char* docs = std::getenv("XLSYNC_RENDER_DOCS")) {
    EXPECT_TRUE(RenderWithLibreOffice((dir_ / "lines.xlsx").string(), std::string(docs) + "/sample-export.png",
                                      dir_.string()));
  }
}

}  // namespace
}  // namespace xlsync::fakes
