#include "odoo/schema.h"

#include <gtest/gtest.h>

namespace xlsync::odoo {
namespace {

using nlohmann::json;

// A fields_get answer in Odoo 18's shape (attributes may be missing; digits may be 0).
const json& SaleOrderFields() {
  static const json kFields = json::parse(R"({
    "name": {"type": "char", "string": "Order Reference", "required": true, "readonly": false,
             "store": true},
    "partner_id": {"type": "many2one", "string": "Customer", "relation": "res.partner",
                   "required": true, "readonly": false, "store": true},
    "state": {"type": "selection", "string": "Status", "readonly": true, "store": true,
              "selection": [["draft", "Quotation"], ["sale", "Sales Order"]]},
    "priority": {"type": "selection", "string": "Priority",
                 "selection": [[0, "Normal"], [1, "Urgent"]]},
    "amount_total": {"type": "monetary", "string": "Total", "currency_field": "currency_id",
                     "readonly": true, "store": true},
    "price_unit": {"type": "float", "string": "Unit Price", "digits": [16, 2]},
    "currency_rate": {"type": "float", "string": "Currency Rate", "digits": 0},
    "tag_ids": {"type": "many2many", "string": "Tags", "relation": "crm.tag"},
    "tax_totals": {"type": "binary", "string": "Tax Totals", "store": false},
    "x_rating": {"type": "x_stars", "string": "Rating"},
    "bare": {}
  })");
  return kFields;
}

Schema SaleOrder() { return *Schema::FromFieldsGet("sale.order", SaleOrderFields()); }

TEST(SchemaTest, ReadsEveryAttributeItUses) {
  const Schema schema = SaleOrder();
  EXPECT_EQ(schema.model(), "sale.order");
  EXPECT_EQ(schema.fields().size(), 11u);

  const Field* partner = schema.Find("partner_id");
  ASSERT_NE(partner, nullptr);
  EXPECT_EQ(partner->type, FieldType::kMany2one);
  EXPECT_EQ(partner->type_name, "many2one");
  EXPECT_EQ(partner->label, "Customer");
  EXPECT_EQ(partner->relation, "res.partner");
  EXPECT_TRUE(partner->required);

  const Field* state = schema.Find("state");
  ASSERT_NE(state, nullptr);
  ASSERT_EQ(state->selection.size(), 2u);
  EXPECT_EQ(state->selection[1], std::make_pair(std::string("sale"), std::string("Sales Order")));
  EXPECT_TRUE(state->readonly);
  EXPECT_EQ(schema.Find("priority")->selection[1].first, "1");

  EXPECT_EQ(schema.Find("amount_total")->currency_field, "currency_id");
  EXPECT_EQ(schema.Find("price_unit")->digits, std::make_pair(16, 2));
  EXPECT_FALSE(schema.Find("currency_rate")->digits.has_value());
  EXPECT_FALSE(schema.Find("tax_totals")->store);
  EXPECT_EQ(schema.Find("x_rating")->type, FieldType::kOther);
  EXPECT_EQ(schema.Find("bare")->label, "bare");
  EXPECT_TRUE(schema.Find("bare")->store);
  EXPECT_EQ(schema.Find("missing"), nullptr);
}

TEST(SchemaTest, MapsEveryOdooTypeName) {
  const std::pair<const char*, FieldType> cases[] = {
      {"char", FieldType::kChar},
      {"text", FieldType::kText},
      {"html", FieldType::kHtml},
      {"integer", FieldType::kInteger},
      {"float", FieldType::kFloat},
      {"monetary", FieldType::kMonetary},
      {"boolean", FieldType::kBoolean},
      {"date", FieldType::kDate},
      {"datetime", FieldType::kDatetime},
      {"selection", FieldType::kSelection},
      {"many2one", FieldType::kMany2one},
      {"one2many", FieldType::kOne2many},
      {"many2many", FieldType::kMany2many},
      {"binary", FieldType::kBinary},
      {"reference", FieldType::kReference},
      {"many2one_reference", FieldType::kMany2oneReference},
      {"properties", FieldType::kProperties},
      {"json", FieldType::kJson},
      {"properties_definition", FieldType::kOther},
      {"image", FieldType::kOther},
  };
  for (const auto& [name, type] : cases) EXPECT_EQ(ParseFieldType(name), type) << name;
}

TEST(SchemaTest, ResolvesFieldsInTheOrderAsked) {
  const Schema schema = SaleOrder();  // Resolve points into it
  auto fields = schema.Resolve({"state", "name", "partner_id"});
  ASSERT_TRUE(fields);
  ASSERT_EQ(fields->size(), 3u);
  EXPECT_EQ((*fields)[0]->name, "state");
  EXPECT_EQ((*fields)[2]->name, "partner_id");
}

TEST(SchemaTest, SuggestsACloseFieldForAnUnknownName) {
  struct Case {
    const char* typed;
    const char* message;
  };
  const Case cases[] = {
      {"parnter_id",
       "The field \"parnter_id\" does not exist on Odoo model sale.order: did you mean "
       "\"partner_id\"?"},
      {"Customer",
       "The field \"Customer\" does not exist on Odoo model sale.order: did you mean "
       "\"partner_id\"?"},
      {"partner",
       "The field \"partner\" does not exist on Odoo model sale.order: did you mean "
       "\"partner_id\"?"},
      {"amount_totl",
       "The field \"amount_totl\" does not exist on Odoo model sale.order: did you mean "
       "\"amount_total\"?"},
      {"website_id",
       "The field \"website_id\" does not exist on Odoo model sale.order: check its technical "
       "name (or ask the Odoo administrator whether your user may see it)."},
  };
  for (const auto& c : cases) {
    auto fields = SaleOrder().Resolve({"name", c.typed});
    ASSERT_FALSE(fields) << c.typed;
    EXPECT_EQ(fields.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(fields.error().message, c.message);
  }
}

TEST(SchemaTest, RejectsAnAnswerThatIsNotAnObject) {
  EXPECT_FALSE(Schema::FromFieldsGet("sale.order", json::array()));
}

}  // namespace
}  // namespace xlsync::odoo
