// CellConverter with the task options of issue 3: percentages, technical header names, related
// (dotted) columns and amounts whose model names no currency.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "odoo/cell_converter.h"
#include "odoo/name_cache.h"
#include "odoo/related_fields.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

const std::map<std::string, json>& Descriptions() {
  static const std::map<std::string, json> kDescriptions = {
      {"sale.order.line", json::parse(R"js({
        "name": {"type": "text", "string": "Description"},
        "discount": {"type": "float", "string": "Discount (%)", "digits": [16, 2]},
        "margin_rate": {"type": "float", "string": "Margin Rate", "digits": [16, 3]},
        "free_rate": {"type": "float", "string": "Free Rate"},
        "sequence": {"type": "integer", "string": "Sequence"},
        "state": {"type": "selection", "string": "Order Status",
                  "selection": [["draft", "Quotation"], ["sale", "Sales Order"]]},
        "price_total": {"type": "monetary", "string": "Total", "currency_field": "currency_id"},
        "price_reduce": {"type": "monetary", "string": "Reduced Price"},
        "currency_id": {"type": "many2one", "string": "Currency", "relation": "res.currency"},
        "order_id": {"type": "many2one", "string": "Order Reference", "relation": "sale.order"}})js")},
      {"sale.order", json::parse(R"js({
        "validity_date": {"type": "date", "string": "Expiration"},
        "state": {"type": "selection", "string": "Status",
                  "selection": [["draft", "Quotation"], ["sale", "Sales Order"]]},
        "tag_ids": {"type": "many2many", "string": "Tags", "relation": "crm.tag"},
        "amount_total": {"type": "monetary", "string": "Total", "currency_field": "currency_id"},
        "currency_id": {"type": "many2one", "string": "Currency", "relation": "res.currency"},
        "partner_id": {"type": "many2one", "string": "Customer", "relation": "res.partner"}})js")},
      {"res.partner", json::parse(R"js({
        "name": {"type": "char", "string": "Name"}})js")},
  };
  return kDescriptions;
}

Schema SchemaOf(const std::string& model) {
  return *Schema::FromFieldsGet(model, Descriptions().at(model));
}

RelatedPlan PlanFor(const std::vector<std::string>& fields) {
  auto plan = RelatedPlan::Build(SchemaOf("sale.order.line"), fields,
                                 [](const std::string& model) -> core::Result<Schema> { return SchemaOf(model); });
  EXPECT_TRUE(plan) << plan.error().message;
  return plan ? *plan : RelatedPlan();
}

TEST(CellConverterFormatsTest, PercentFieldsHoldFractionsWithAPercentFormat) {
  struct Case {
    std::string field;
    json value;
    double number;
    std::string format;
  };
  const std::vector<Case> cases = {
      {"discount", 12.5, 0.125, "0.00%"},      // digits [16, 2]
      {"discount", 0.0, 0.0, "0.00%"},
      {"discount", 100, 1.0, "0.00%"},
      {"margin_rate", 33.333, 0.33333, "0.000%"},  // digits [16, 3]
      {"free_rate", 7.25, 0.0725, "0.00%"},        // no digits: two decimals
      {"sequence", 40, 0.4, "0.00%"},
  };
  for (const Case& c : cases) {
    ConvertOptions options;
    options.percent_fields = {c.field};
    auto converter = CellConverter::Create(SchemaOf("sale.order.line"), {c.field}, options);
    ASSERT_TRUE(converter) << c.field << ": " << converter.error().message;
    EXPECT_EQ(converter->columns()[0].number_format, c.format) << c.field;
    const core::Cell cell = converter->Convert({{"id", 1}, {c.field, c.value}}, NameCache())[0];
    ASSERT_EQ(cell.kind, core::CellKind::kNumber) << c.field;
    EXPECT_DOUBLE_EQ(cell.number, c.number) << c.field << " = " << c.value.dump();
    EXPECT_EQ(cell.number_format, "") << "the column's format";
  }
}

TEST(CellConverterFormatsTest, APercentFieldThatIsNotANumberIsRefused) {
  ConvertOptions options;
  options.percent_fields = {"discount", "state"};
  auto converter = CellConverter::Create(SchemaOf("sale.order.line"), {"discount", "state"}, options);
  ASSERT_FALSE(converter);
  EXPECT_EQ(converter.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_EQ(converter.error().message,
            "The field \"state\" (Order Status) is not a number, so it cannot be shown as a "
            "percentage: remove it from percent_fields.");
}

TEST(CellConverterFormatsTest, HeaderNamesAreTheTechnicalNamesAndPathsOfTheColumns) {
  const std::vector<std::string> fields = {"name", "discount", "order_id.partner_id.name"};
  const RelatedPlan plan = PlanFor(fields);
  for (const bool names : {false, true}) {
    ConvertOptions options;
    options.header_names = names;
    auto converter = CellConverter::Create(SchemaOf("sale.order.line"), fields, options, &plan);
    ASSERT_TRUE(converter) << converter.error().message;
    std::vector<std::string> labels;
    for (const auto& column : converter->columns()) labels.push_back(column.label);
    const std::vector<std::string> expected =
        names ? fields
              : std::vector<std::string>{"Description", "Discount (%)", "Order Reference / Customer / Name"};
    EXPECT_EQ(labels, expected) << (names ? "names" : "labels");
  }
}

TEST(CellConverterFormatsTest, RelatedColumnsReadOnlyBaseFieldsAndConvertWithTheLeafType) {
  const std::vector<std::string> fields = {"name", "order_id.validity_date", "order_id.state",
                                           "order_id.tag_ids", "order_id.partner_id.name"};
  const RelatedPlan plan = PlanFor(fields);
  auto converter = CellConverter::Create(SchemaOf("sale.order.line"), fields, {}, &plan);
  ASSERT_TRUE(converter) << converter.error().message;
  EXPECT_EQ(converter->read_fields(), (std::vector<std::string>{"name", "order_id"}));
  EXPECT_EQ(converter->columns()[1], (core::Column{"order_id.validity_date", "Order Reference / Expiration",
                                                   "yyyy-mm-dd"}));
  EXPECT_EQ(converter->x2many_relations(),
            (std::vector<std::pair<std::string, std::string>>{{"order_id.tag_ids", "crm.tag"}}));
  // A record as RelatedPlan::Expand leaves it.
  const json record = {{"id", 1},
                       {"name", "Desk"},
                       {"order_id", {10, "S00010"}},
                       {"order_id.validity_date", "2024-03-15"},
                       {"order_id.state", "sale"},
                       {"order_id.tag_ids", json::array({9, 4})},
                       {"order_id.partner_id.name", false}};
  const core::Row row = converter->Convert(record, NameCache());
  EXPECT_EQ(row, (core::Row{core::Cell::Text("Desk"), core::Cell::Number(45366), core::Cell::Text("Sales Order"),
                            core::Cell::Text("4, 9"), core::Cell::Empty()}));
}

TEST(CellConverterFormatsTest, AnAmountBehindAPathTakesTheCurrencyOfItsOwnRecord) {
  const std::vector<std::string> fields = {"price_total", "order_id.amount_total"};
  const RelatedPlan plan = PlanFor(fields);
  auto converter = CellConverter::Create(SchemaOf("sale.order.line"), fields, {}, &plan);
  ASSERT_TRUE(converter) << converter.error().message;
  EXPECT_EQ(converter->currency_fields(), (std::vector<std::string>{"currency_id", "order_id.currency_id"}));
  EXPECT_EQ(converter->read_fields(), (std::vector<std::string>{"price_total", "currency_id", "order_id"}));
  EXPECT_TRUE(converter->warnings().empty());
}

TEST(CellConverterFormatsTest, AnAmountWithoutACurrencyFieldWarnsOnceAndKeepsTheColumnFormat) {
  auto converter = CellConverter::Create(SchemaOf("sale.order.line"), {"name", "price_reduce"}, {});
  ASSERT_TRUE(converter);
  EXPECT_EQ(converter->columns()[1].number_format, "#,##0.00");
  EXPECT_TRUE(converter->currency_fields().empty());
  ASSERT_EQ(converter->warnings().size(), 1u);
  EXPECT_EQ(converter->warnings()[0],
            "The amounts of \"price_reduce\" (Reduced Price) do not name their currency in Odoo, so "
            "they show without a currency symbol.");
  const core::Row row = converter->Convert({{"price_reduce", 5.5}}, NameCache());
  EXPECT_EQ(row[1], core::Cell::Number(5.5));
}

}  // namespace
}  // namespace xlsync::odoo
