// Issue 3 items 1, 2 and 7 end to end: a sale.order.line export with related (dotted) fields,
// money in two currencies, a percentage and either header, through the real xlsync binary, the
// fake Odoo and the fake Graph.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "tests/integration/export_world.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

constexpr int kLines = 120;
constexpr int kPageSize = 50;  // pages of 50, 50 and 20
constexpr int kPages = 3;

class RelatedFieldsTest : public ExportWorld {
 protected:
  ProcessResult Export(const std::string& fields, const std::string& extra = "") {
    std::ofstream(dir_ / "lines.toml")
        << "model = \"sale.order.line\"\nfields = [" << fields << "]\npage_size = " << kPageSize
        << "\npercent_fields = [\"discount\"]\n" << extra << "[target]\nworkbook = \"" << ids_.workbook_path
        << "\"\nsheet = \"Lines\"\n";
    return Xlsync("export", {"--task", "lines.toml"});
  }

  // Calls of `method` on each model the fake Odoo served.
  std::map<std::string, int> CallsOf(const std::string& method) const {
    std::map<std::string, int> calls;
    for (const auto& call : odoo_->Calls()) {
      if (call.method == method) ++calls[call.model];
    }
    return calls;
  }

  // One value of a record, as the fake Odoo holds it.
  json Value(const std::string& model, const json& id, const std::string& field) const {
    if (!id.is_number_integer()) return false;
    return odoo_->SearchRead(model, {{"id", "=", id}}, {field}, "id", {{"active_test", false}})[0][field];
  }
};

json IdOf(const json& many2one) { return many2one.is_array() ? many2one[0] : json(false); }

const char* kFields =
    R"("name", "order_id.partner_id.country_id.name", "order_id.user_id.login", "price_total", "discount")";

TEST_F(RelatedFieldsTest, DottedFieldsAndMoneyInTwoCurrenciesReachTheSheetWithOneReadPerNodeAndPage) {
  Start({{"sale.order.line", kLines}, {"sale.order", kLines / 4}});
  odoo_->ClearCalls();
  const auto result = Export(kFields);
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;

  // sale.order.line pages by search_read; every relation node is one read per page, and each
  // currency is read once for the whole run.
  EXPECT_EQ(CallsOf("search_read")["sale.order.line"], kPages);
  EXPECT_EQ(CallsOf("read"), (std::map<std::string, int>{{"res.country", kPages},
                                                        {"res.currency", 1},
                                                        {"res.partner", kPages},
                                                        {"res.users", kPages},
                                                        {"sale.order", kPages}}));
  EXPECT_EQ(CallsOf("fields_get"), (std::map<std::string, int>{{"res.country", 1},
                                                              {"res.partner", 1},
                                                              {"res.users", 1},
                                                              {"sale.order", 1},
                                                              {"sale.order.line", 1}}));

  const auto sheet = Sheet("Lines");
  ASSERT_TRUE(sheet);
  ASSERT_EQ(sheet->stored_rows, kLines + 1);
  const std::vector<std::string> header = {"Description", "Order Reference / Customer / Country / Country Name",
                                           "Order Reference / Salesperson / Login", "Total", "Discount (%)"};
  for (size_t c = 0; c < header.size(); ++c) EXPECT_EQ(sheet->rows[0][c].value.text, header[c]) << "column " << c;

  const json lines = odoo_->SearchRead("sale.order.line", json::array(),
                                       {"name", "order_id", "price_total", "currency_id", "discount"}, "id");
  ASSERT_EQ(lines.size(), static_cast<size_t>(kLines));
  const std::map<int64_t, std::string> formats = {{1, "[$$]#,##0.00"}, {125, "#,##0.00 [$€]"}};
  std::map<std::string, int> currencies_seen;
  int countries = 0;
  for (size_t r = 0; r < lines.size(); ++r) {
    const json& line = lines[r];
    const auto& row = sheet->rows[r + 1];
    const std::string at = "row " + std::to_string(r + 2);
    const json order = IdOf(line["order_id"]);
    const json country = Value("res.country", IdOf(Value("res.partner", IdOf(Value("sale.order", order, "partner_id")),
                                                         "country_id")),
                               "name");
    const json login = Value("res.users", IdOf(Value("sale.order", order, "user_id")), "login");
    EXPECT_EQ(row[1].value, country.is_string() ? core::Cell::Text(country.get<std::string>()) : core::Cell::Empty()) << at;
    EXPECT_EQ(row[2].value, login.is_string() ? core::Cell::Text(login.get<std::string>()) : core::Cell::Empty()) << at;
    countries += country.is_string() ? 1 : 0;

    const int64_t currency = IdOf(line["currency_id"]).get<int64_t>();
    ASSERT_TRUE(formats.contains(currency)) << at;
    EXPECT_EQ(row[3].value.kind, core::CellKind::kNumber) << at;
    EXPECT_DOUBLE_EQ(row[3].value.number, line["price_total"].get<double>()) << at;
    EXPECT_EQ(row[3].number_format, formats.at(currency)) << at;
    ++currencies_seen[formats.at(currency)];

    EXPECT_DOUBLE_EQ(row[4].value.number, line["discount"].get<double>() / 100) << at;
    EXPECT_EQ(row[4].number_format, "0.00%") << at;
  }
  EXPECT_EQ(currencies_seen.size(), 2u) << "lines in dollars and in euros";
  EXPECT_GT(countries, 0);
}

TEST_F(RelatedFieldsTest, HeaderNamesPutTheTechnicalNamesAndPathsOnTheFirstRow) {
  Start({{"sale.order.line", 10}});
  const auto result = Export(kFields, "header = \"names\"\n");
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  const auto sheet = Sheet("Lines");
  ASSERT_TRUE(sheet);
  const std::vector<std::string> header = {"name", "order_id.partner_id.country_id.name", "order_id.user_id.login",
                                           "price_total", "discount"};
  for (size_t c = 0; c < header.size(); ++c) EXPECT_EQ(sheet->rows[0][c].value.text, header[c]) << "column " << c;
}

TEST_F(RelatedFieldsTest, APathThroughAnX2manyStopsTheExportWithOneSentence) {
  Start({{"sale.order.line", 10}});
  const auto result = Export(R"("name", "discount", "order_id.order_line.name")");
  EXPECT_NE(result.exit_code, 0);
  EXPECT_THAT(result.err,
              HasSubstr("The field \"order_line\" in \"order_id.order_line.name\" is a one2many field of "
                        "sale.order, and only many2one fields can be followed by a dot: export "
                        "\"order_id.order_line\" alone to list the names of its records."));
  EXPECT_FALSE(Sheet("Lines")) << "nothing was written";
}

}  // namespace
}  // namespace xlsync::fakes
