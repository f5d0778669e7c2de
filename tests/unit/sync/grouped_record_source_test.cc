#include "sync/grouped_record_source.h"

#include <gtest/gtest.h>

#include "excel/serial_date.h"
#include "tests/unit/odoo/odoo_replies.h"
#include "testing/support/recording_sleeper.h"
#include "testing/support/scripted_http_client.h"

namespace xlsync::sync {
namespace {

using nlohmann::json;

// fields_get of sale.order in the shape of odoo-api.md §8, our own small data.
odoo::Schema SaleOrder() {
  static const json kFields = json::parse(R"js({
    "name": {"type": "char", "string": "Order Reference", "store": true},
    "partner_id": {"type": "many2one", "string": "Customer", "relation": "res.partner", "store": true},
    "state": {"type": "selection", "string": "Status", "store": true,
              "selection": [["draft", "Quotation"], ["sale", "Sales Order"], ["cancel", "Cancelled"]]},
    "date_order": {"type": "datetime", "string": "Order Date", "store": true},
    "validity_date": {"type": "date", "string": "Expiration", "store": true},
    "locked": {"type": "boolean", "string": "Locked", "store": true},
    "amount_total": {"type": "monetary", "string": "Total", "currency_field": "currency_id", "store": true},
    "amount_to_invoice": {"type": "monetary", "string": "Un-invoiced Balance", "store": false},
    "line_count": {"type": "integer", "string": "Lines", "store": true},
    "margin": {"type": "float", "string": "Margin", "digits": [16, 3], "store": true},
    "tag_ids": {"type": "many2many", "string": "Tags", "relation": "crm.tag", "store": true},
    "signature": {"type": "binary", "string": "Signature", "store": true}})js");
  return *odoo::Schema::FromFieldsGet("sale.order", kFields);
}

ExportTask GroupedTask(std::vector<std::string> group_by, std::vector<std::string> aggregates) {
  ExportTask task;
  task.model = "sale.order";
  task.fields = {"name"};
  task.group_by = std::move(group_by);
  task.aggregates = std::move(aggregates);
  task.time_zone = "Europe/Brussels";
  return task;
}

TEST(GroupedPlanTest, ColumnsAreTheGroupBysThenTheAggregatesWithLabelsAndFormats) {
  auto plan = PlanGroupedExport(GroupedTask({"partner_id", "date_order:month"}, {"amount_total:sum", "__count"}),
                                SaleOrder());
  ASSERT_TRUE(plan) << plan.error().message;
  const std::vector<core::Column> expected = {{"partner_id", "Customer", ""},
                                              {"date_order", "Order Date (month)", "mmm yyyy"},
                                              {"amount_total", "Total (sum)", "#,##0.00"},
                                              {"__count", "Count", "0"}};
  EXPECT_EQ(plan->columns, expected);
  EXPECT_EQ(plan->query.group_by, (std::vector<std::string>{"partner_id", "date_order:month"}));
  EXPECT_EQ(plan->query.aggregates, (std::vector<std::string>{"amount_total:sum", "__count"}));
  EXPECT_EQ(plan->query.model, "sale.order");
  EXPECT_EQ(plan->query.context.tz, "Europe/Brussels");  // datetime buckets cut at the task's midnights
}

TEST(GroupedPlanTest, DefaultsAndTechnicalHeaders) {
  ExportTask task = GroupedTask({"date_order", "line_count"}, {});
  task.header = "names";
  auto plan = PlanGroupedExport(task, SaleOrder());
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_EQ(plan->query.group_by, (std::vector<std::string>{"date_order:month", "line_count"}));
  EXPECT_EQ(plan->query.aggregates, std::vector<std::string>{"__count"});
  const std::vector<core::Column> expected = {
      {"date_order", "date_order:month", "mmm yyyy"}, {"line_count", "line_count", "0"}, {"__count", "__count", "0"}};
  EXPECT_EQ(plan->columns, expected);
}

TEST(GroupedPlanTest, GranularitiesAndAggregatesPickTheirFormats) {
  auto plan = PlanGroupedExport(GroupedTask({"validity_date:week", "date_order:quarter"},
                                            {"line_count:avg", "margin:max", "name:count"}),
                                SaleOrder());
  ASSERT_TRUE(plan) << plan.error().message;
  const std::vector<std::string> formats = {"yyyy-mm-dd", "", "#,##0.00", "#,##0.000", "0"};
  ASSERT_EQ(plan->columns.size(), formats.size());
  for (size_t i = 0; i < formats.size(); ++i) EXPECT_EQ(plan->columns[i].number_format, formats[i]) << i;
  EXPECT_EQ(plan->columns[4].label, "Order Reference (count)");
  auto years = PlanGroupedExport(GroupedTask({"date_order:year", "validity_date:day"}, {}), SaleOrder());
  ASSERT_TRUE(years);
  EXPECT_EQ(years->columns[0].number_format, "0");
  EXPECT_EQ(years->columns[1].number_format, "yyyy-mm-dd");
}

TEST(GroupedPlanTest, EachProblemIsOneSentence) {
  struct Case {
    std::vector<std::string> group_by;
    std::vector<std::string> aggregates;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"partnr_id"}, {}, "The field \"partnr_id\" does not exist on Odoo model sale.order: did you mean \"partner_id\"?"},
      {{"state"}, {"amount_totl:sum"},
       "The field \"amount_totl\" does not exist on Odoo model sale.order: did you mean \"amount_total\"?"},
      {{"tag_ids"}, {},
       "A grouped export cannot group by Tags (tag_ids), which holds several records per row: group by a many2one, "
       "selection, text, number, boolean or date field instead."},
      {{"signature"}, {},
       "A grouped export cannot group by Signature (signature), a field of type binary: group by a many2one, "
       "selection, text, number, boolean or date field instead."},
      {{"amount_to_invoice"}, {},
       "Odoo cannot group by Un-invoiced Balance (amount_to_invoice) because it is computed and not stored: pick a "
       "stored field."},
      {{"state:month"}, {},
       "The group_by entry \"state:month\" groups by month, but Status (state) is not a date: write \"state\" alone."},
      {{"state"}, {"name:sum"},
       "The aggregate \"name:sum\" needs a number, but Order Reference (name) is a char field: aggregate a numeric "
       "field, or count it with \"name:count\"."},
      {{"state"}, {"amount_to_invoice:sum"},
       "Odoo cannot aggregate Un-invoiced Balance (amount_to_invoice) because it is computed and not stored: pick a "
       "stored field."},
      {{"state"}, {"tag_ids:count"},
       "Odoo cannot aggregate Tags (tag_ids), which holds several records per row: count a many2one or a stored field "
       "instead."},
  };
  for (const Case& c : cases) {
    auto plan = PlanGroupedExport(GroupedTask(c.group_by, c.aggregates), SaleOrder());
    ASSERT_FALSE(plan) << c.message;
    EXPECT_EQ(plan.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(plan.error().message, c.message);
  }
}

double Serial(int year, unsigned month, unsigned day) { return *excel::DateSerial(year, month, day); }

TEST(GroupedRecordSourceTest, GroupsBecomeCellsOfTheirTypes) {
  auto plan = PlanGroupedExport(
      GroupedTask({"partner_id", "state", "locked", "date_order:month", "validity_date:week", "date_order:quarter",
                   "validity_date:year", "date_order:day"},
                  {"amount_total:sum", "__count"}),
      SaleOrder());
  ASSERT_TRUE(plan) << plan.error().message;
  odoo::Group group;
  group.keys = {json::array({7, "Acme, Ann"}), "sale", false, "January 2024", "W2 2024", "Q1 2024", "2024",
                "01 Jan 2024"};
  group.ranges = {std::nullopt,
                  std::nullopt,
                  std::nullopt,
                  std::make_pair("2023-12-31 23:00:00", "2024-01-31 23:00:00"),  // Brussels' January
                  std::make_pair("2024-01-07", "2024-01-14"),
                  std::make_pair("2023-12-31 23:00:00", "2024-03-31 22:00:00"),
                  std::make_pair("2024-01-01", "2025-01-01"),
                  std::make_pair("2023-12-31 23:00:00", "2024-01-01 23:00:00")};
  group.count = 3;
  group.aggregates = {1234.5, 3};
  const core::Row expected = {core::Cell::Text("Acme, Ann"),        core::Cell::Text("Sales Order"),
                              core::Cell::Boolean(false),           core::Cell::Number(Serial(2024, 1, 1)),
                              core::Cell::Number(Serial(2024, 1, 7)), core::Cell::Text("Q1 2024"),
                              core::Cell::Number(2024),             core::Cell::Number(Serial(2024, 1, 1)),
                              core::Cell::Number(1234.5),           core::Cell::Number(3)};
  EXPECT_EQ(GroupedRecordSource::RowOf(*plan, group), expected);

  // Records without a value form their own group: empty cells (a boolean is false to Odoo).
  group.keys = {false, false, false, false, false, false, false, false};
  group.ranges.assign(8, std::nullopt);
  group.aggregates = {nullptr, 0};
  const core::Row empty = GroupedRecordSource::RowOf(*plan, group);
  EXPECT_EQ(empty[0], core::Cell::Empty());
  EXPECT_EQ(empty[1], core::Cell::Empty());
  EXPECT_EQ(empty[2], core::Cell::Boolean(false));
  EXPECT_EQ(empty[3], core::Cell::Empty());
  EXPECT_EQ(empty[8], core::Cell::Empty());
  EXPECT_EQ(empty[9], core::Cell::Number(0));
}

struct SourceFixture {
  fakes::ScriptedHttpClient http;
  fakes::RecordingSleeper sleeper;
  odoo::Client client{http, sleeper, fakes::JsonRpcSettings()};
};

TEST(GroupedRecordSourceTest, ReadsTheGroupsOnceAndHandsThemOutInBatchesWithoutIds) {
  SourceFixture f;
  fakes::QueueJsonRpcConnect(f.http);  // Odoo 18: read_group
  json rows = json::array();
  for (const char* state : {"cancel", "draft", "sale"}) {
    rows.push_back({{"state", state}, {"__count", 2}, {"amount_total_sum", 10.5}, {"__domain", {{"state", "=", state}}}});
  }
  f.http.Enqueue(fakes::RpcResult(rows));
  auto plan = PlanGroupedExport(GroupedTask({"state"}, {"amount_total:sum"}), SaleOrder());
  ASSERT_TRUE(plan);
  GroupedRecordSource source(f.client, *plan, 2);

  auto count = source.Load();
  ASSERT_TRUE(count) << count.error().message;
  EXPECT_EQ(*count, 3);
  auto first = source.Next();
  auto second = source.Next();
  auto end = source.Next();
  ASSERT_TRUE(first && *first && second && *second && end);
  EXPECT_EQ((*first)->rows.size(), 2u);
  EXPECT_TRUE((*first)->ids.empty());
  EXPECT_EQ((*second)->rows.size(), 1u);
  EXPECT_EQ((*second)->rows[0], (core::Row{core::Cell::Text("Sales Order"), core::Cell::Number(10.5)}));
  EXPECT_FALSE(end->has_value());
  ASSERT_EQ(f.http.requests().size(), 3u);  // version, login, one read_group
  const json args = fakes::RpcArgs(f.http.requests()[2]);
  EXPECT_EQ(args[4], "read_group");
  EXPECT_EQ(args[6]["groupby"], json::array({"state"}));
  EXPECT_EQ(args[6]["fields"], json::array({"amount_total_sum:sum(amount_total)"}));
  EXPECT_EQ(args[6]["lazy"], false);
  EXPECT_EQ(args[6]["context"]["tz"], "Europe/Brussels");
}

TEST(GroupedRecordSourceTest, GroupsReadBeforeAreNotReadAgain) {
  SourceFixture f;
  auto plan = PlanGroupedExport(GroupedTask({"state"}, {}), SaleOrder());
  ASSERT_TRUE(plan);
  odoo::Group group;
  group.keys = {"draft"};
  group.ranges = {std::nullopt};
  group.count = 4;
  group.aggregates = {4};
  GroupedRecordSource source(f.client, *plan, 100, std::vector<odoo::Group>{group});
  auto batch = source.Next();
  ASSERT_TRUE(batch && *batch);
  EXPECT_EQ((*batch)->rows[0], (core::Row{core::Cell::Text("Quotation"), core::Cell::Number(4)}));
  EXPECT_TRUE(f.http.requests().empty());
}

}  // namespace
}  // namespace xlsync::sync
