// Grouped exports through the real xlsync binary: fake Odoo 18 (read_group) and 19
// (formatted_read_group) into the fake Graph; the sheet read back equals the groups computed
// here from the fake's records.
#include <date/date.h>
#include <date/tz.h>
#include <gmock/gmock.h>

#include <fstream>
#include <map>
#include <tuple>

#include "excel/cell_text.h"
#include "excel/serial_date.h"
#include "odoo/value_cells.h"
#include "tests/integration/export_world.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

class GroupedExportTest : public ExportWorld, public ::testing::WithParamInterface<int> {
 protected:
  std::string WriteTask(const std::string& aggregates) {
    const std::string path = (dir_ / "grouped.toml").string();
    std::ofstream(path) << "model = \"sale.order\"\n"
                           "fields = [\"name\"]\n"
                           "group_by = [\"partner_id\", \"date_order:month\"]\n"
                           "aggregates = " << aggregates << "\n"
                           "time_zone = \"Europe/Brussels\"\n"
                           "workbook = \"" << ids_.workbook_path << "\"\n"
                           "sheet = \"By customer\"\n";
    return path;
  }

  std::vector<std::string> OdooMethods() const {
    std::vector<std::string> methods;
    for (const CallRecord& call : odoo_->Calls()) methods.push_back(call.method);
    return methods;
  }
};

INSTANTIATE_TEST_SUITE_P(Versions, GroupedExportTest, ::testing::Values(18, 19));

struct Expected {
  double total = 0;
  int64_t count = 0;
};

// (customer name, customer id, first day of the Brussels month as a serial) -> sum and count,
// in the order Odoo groups them: customers by name, then months.
std::map<std::tuple<std::string, int64_t, double>, Expected> GroupsOf(const json& orders) {
  const date::time_zone* brussels = date::locate_zone("Europe/Brussels");
  std::map<std::tuple<std::string, int64_t, double>, Expected> groups;
  for (const json& order : orders) {
    const date::sys_seconds instant = *odoo::ParseOdooDatetime(order["date_order"].get<std::string>());
    const date::year_month_day local{date::floor<date::days>(brussels->to_local(instant))};
    const double month = *excel::DateSerial(static_cast<int>(local.year()), static_cast<unsigned>(local.month()), 1);
    Expected& group = groups[{order["partner_id"][1].get<std::string>(), order["partner_id"][0].get<int64_t>(), month}];
    group.total += order["amount_total"].get<double>();
    ++group.count;
  }
  return groups;
}

TEST_P(GroupedExportTest, SalesByCustomerAndMonthEqualTheRecordsGroupedHere) {
  Start({{"sale.order", 400}}, GetParam());
  const auto result = Xlsync("export", {"--task", WriteTask("[\"amount_total:sum\", \"__count\"]")});
  ASSERT_EQ(result.exit_code, 0) << result.err << result.out;

  const auto expected = GroupsOf(odoo_->SearchRead("sale.order", json::array(), {"partner_id", "date_order", "amount_total"}));
  auto sheet = Sheet("By customer");
  ASSERT_TRUE(sheet);
  const std::vector<std::string> header = {"Customer", "Order Date (month)", "Total (sum)", "Count"};
  for (size_t c = 0; c < header.size(); ++c) EXPECT_EQ(sheet->rows[0][c].value.text, header[c]);
  ASSERT_EQ(sheet->stored_rows, static_cast<int>(expected.size()) + 1);
  size_t r = 1;
  for (const auto& [key, group] : expected) {
    const auto& row = sheet->rows[r];
    const std::string where = "row " + std::to_string(r + 1);
    EXPECT_EQ(row[0].value.text, excel::SanitizeText(std::get<0>(key)).text) << where;
    EXPECT_EQ(row[1].value, core::Cell::Number(std::get<2>(key))) << where;
    EXPECT_EQ(row[1].number_format, "mmm yyyy") << where;
    EXPECT_NEAR(row[2].value.number, group.total, 1e-6) << where;
    EXPECT_EQ(row[2].number_format, "#,##0.00") << where;
    EXPECT_EQ(row[3].value, core::Cell::Number(static_cast<double>(group.count))) << where;
    if (::testing::Test::HasFailure()) return;
    ++r;
  }
  // One grouped read, no record pages: 19 answers formatted_read_group, 18 read_group (§9.1).
  const auto methods = OdooMethods();
  EXPECT_THAT(methods, ::testing::Contains(GetParam() >= 19 ? "formatted_read_group" : "read_group"));
  EXPECT_THAT(methods, ::testing::Not(::testing::Contains("search_read")));
}

TEST_P(GroupedExportTest, AnAggregateOfTextIsRefusedBeforeTheSheetIsTouched) {
  Start({{"sale.order", 20}}, GetParam());
  const auto result = Xlsync("export", {"--task", WriteTask("[\"name:sum\"]")});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_THAT(result.err, HasSubstr("The aggregate \"name:sum\" needs a number, but Order Reference (name) is a char "
                                    "field: aggregate a numeric field, or count it with \"name:count\"."));
  EXPECT_FALSE(Sheet("By customer"));
}

}  // namespace
}  // namespace xlsync::fakes
