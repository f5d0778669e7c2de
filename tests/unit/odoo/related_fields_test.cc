#include "odoo/related_fields.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "odoo/cell_converter.h"
#include "odoo/client.h"
#include "odoo/name_cache.h"
#include "odoo_replies.h"
#include "testing/support/recording_sleeper.h"
#include "testing/support/scripted_http_client.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

// fields_get answers in the shapes of odoo-api.md §8, our own (small) data.
const std::map<std::string, json>& Descriptions() {
  static const std::map<std::string, json> kDescriptions = {
      {"sale.order.line", json::parse(R"js({
        "name": {"type": "text", "string": "Description"},
        "order_id": {"type": "many2one", "string": "Order Reference", "relation": "sale.order"},
        "discount": {"type": "float", "string": "Discount (%)", "digits": [16, 2]}})js")},
      {"sale.order", json::parse(R"js({
        "name": {"type": "char", "string": "Order Reference"},
        "partner_id": {"type": "many2one", "string": "Customer", "relation": "res.partner"},
        "user_id": {"type": "many2one", "string": "Salesperson", "relation": "res.users"},
        "tag_ids": {"type": "many2many", "string": "Tags", "relation": "crm.tag"},
        "amount_total": {"type": "monetary", "string": "Total", "currency_field": "currency_id"},
        "currency_id": {"type": "many2one", "string": "Currency", "relation": "res.currency"}})js")},
      {"res.partner", json::parse(R"js({
        "name": {"type": "char", "string": "Name"},
        "country_id": {"type": "many2one", "string": "Country", "relation": "res.country"},
        "credit": {"type": "monetary", "string": "Total Receivable", "currency_field": "currency_id"},
        "image_1920": {"type": "binary", "string": "Image"}})js")},
      {"res.country", json::parse(R"js({
        "name": {"type": "char", "string": "Country Name"},
        "code": {"type": "char", "string": "Country Code"}})js")},
      {"res.users", json::parse(R"js({
        "login": {"type": "char", "string": "Login"}})js")},
  };
  return kDescriptions;
}

Schema SchemaOf(const std::string& model) {
  return *Schema::FromFieldsGet(model, Descriptions().at(model));
}

struct Lookups {
  SchemaLookup Lookup() {
    return [this](const std::string& model) -> core::Result<Schema> {
      ++asked[model];
      if (!Descriptions().contains(model)) return core::PermissionDenied("no " + model);
      return SchemaOf(model);
    };
  }
  std::map<std::string, int> asked;
};

const std::vector<std::string> kLineFields = {"name", "order_id.partner_id.country_id.name",
                                              "order_id.user_id.login", "order_id.partner_id.name"};

TEST(RelatedPlanTest, PlansOneNodePerRelationAndDescribesEachComodelOnce) {
  Lookups lookups;
  auto plan = RelatedPlan::Build(SchemaOf("sale.order.line"), kLineFields, lookups.Lookup());
  ASSERT_TRUE(plan) << plan.error().message;

  EXPECT_EQ(lookups.asked, (std::map<std::string, int>{
                               {"res.country", 1}, {"res.partner", 1}, {"res.users", 1}, {"sale.order", 1}}));
  EXPECT_EQ(plan->base_fields(), std::vector<std::string>{"order_id"});
  ASSERT_EQ(plan->nodes().size(), 4u);
  const std::vector<std::vector<std::string>> expected = {
      {"order_id", "sale.order", "partner_id", "user_id"},
      {"order_id.partner_id", "res.partner", "country_id", "name"},
      {"order_id.partner_id.country_id", "res.country", "name"},
      {"order_id.user_id", "res.users", "login"}};
  for (size_t i = 0; i < expected.size(); ++i) {
    const RelatedNode& node = plan->nodes()[i];
    std::vector<std::string> actual = {node.prefix, node.model};
    actual.insert(actual.end(), node.fields.begin(), node.fields.end());
    EXPECT_EQ(actual, expected[i]) << "node " << i;
  }
}

TEST(RelatedPlanTest, TheLeafIsNamedByItsPathAndLabelledByEveryLabelOnTheWay) {
  Lookups lookups;
  auto plan = RelatedPlan::Build(SchemaOf("sale.order.line"), kLineFields, lookups.Lookup());
  ASSERT_TRUE(plan);
  const Field* leaf = plan->Find("order_id.partner_id.country_id.name");
  ASSERT_NE(leaf, nullptr);
  EXPECT_EQ(leaf->name, "order_id.partner_id.country_id.name");
  EXPECT_EQ(leaf->label, "Order Reference / Customer / Country / Country Name");
  EXPECT_EQ(leaf->type, FieldType::kChar);
  EXPECT_EQ(plan->Find("name"), nullptr) << "plain names stay with the converter";
}

TEST(RelatedPlanTest, AnAmountBehindAPathIsReadWithTheCurrencyOfItsOwnRecord) {
  Lookups lookups;
  auto plan = RelatedPlan::Build(SchemaOf("sale.order.line"), {"order_id.amount_total"},
                                 lookups.Lookup());
  ASSERT_TRUE(plan) << plan.error().message;
  const Field* amount = plan->Find("order_id.amount_total");
  ASSERT_NE(amount, nullptr);
  EXPECT_EQ(amount->currency_field, "order_id.currency_id");
  ASSERT_EQ(plan->nodes().size(), 1u);
  EXPECT_EQ(plan->nodes()[0].fields, (std::vector<std::string>{"amount_total", "currency_id"}));
  ASSERT_NE(plan->Find("order_id.currency_id"), nullptr);
}

TEST(RelatedPlanTest, AnAmountWhoseModelNamesNoCurrencyKeepsNone) {
  Lookups lookups;
  auto plan = RelatedPlan::Build(SchemaOf("sale.order.line"), {"order_id.partner_id.credit"},
                                 lookups.Lookup());
  ASSERT_TRUE(plan) << plan.error().message;
  ASSERT_NE(plan->Find("order_id.partner_id.credit"), nullptr);
  EXPECT_EQ(plan->Find("order_id.partner_id.credit")->currency_field, "")
      << "res.partner here has no currency_id field";
  EXPECT_EQ(plan->nodes()[1].fields, std::vector<std::string>{"credit"});
}

TEST(RelatedPlanTest, FilesBehindAPathAreReadOnlyAsSizes) {
  Lookups lookups;
  auto plan = RelatedPlan::Build(SchemaOf("sale.order.line"), {"order_id.partner_id.image_1920"},
                                 lookups.Lookup());
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->nodes()[1].fields.empty());
  EXPECT_EQ(plan->nodes()[1].files, std::vector<std::string>{"image_1920"});
}

TEST(RelatedPlanTest, AnUnknownSegmentIsNamedWithTheModelItWasLookedFor) {
  Lookups lookups;
  auto plan = RelatedPlan::Build(SchemaOf("sale.order.line"), {"order_id.partner_id.countri_id.name"},
                                 lookups.Lookup());
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_EQ(plan.error().message,
            "The field \"countri_id\" in \"order_id.partner_id.countri_id.name\" does not exist on "
            "Odoo model res.partner: did you mean \"country_id\"?");
}

TEST(RelatedPlanTest, AnX2manyInTheMiddleIsRefused) {
  Lookups lookups;
  auto plan = RelatedPlan::Build(SchemaOf("sale.order.line"), {"order_id.tag_ids.name"},
                                 lookups.Lookup());
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().message,
            "The field \"tag_ids\" in \"order_id.tag_ids.name\" is a many2many field of sale.order, "
            "and only many2one fields can be followed by a dot: export \"order_id.tag_ids\" alone "
            "to list the names of its records.");
}

TEST(RelatedPlanTest, AComodelThatCannotBeDescribedFailsTheBuild) {
  Lookups lookups;
  const Schema lines = *Schema::FromFieldsGet("sale.order.line", json::parse(R"js({
      "product_id": {"type": "many2one", "string": "Product", "relation": "product.product"}})js"));
  auto plan = RelatedPlan::Build(lines, {"product_id.name"}, lookups.Lookup());
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().code, core::ErrorCode::kPermissionDenied);
  EXPECT_EQ(plan.error().message, "no product.product");
}

TEST(RelatedPlanTest, APlanWithoutDottedNamesIsEmptyAndAsksNothing) {
  Lookups lookups;
  auto plan = RelatedPlan::Build(SchemaOf("sale.order.line"), {"name", "discount"}, lookups.Lookup());
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->empty());
  EXPECT_TRUE(lookups.asked.empty());
}

json Read(const std::vector<json>& records) {
  json array = json::array();
  for (const json& record : records) array.push_back(record);
  return array;
}

struct ExpandFixture {
  ExpandFixture() { fakes::QueueJsonRpcConnect(http); }
  json Args(size_t call) const { return fakes::RpcArgs(http.requests()[2 + call]); }

  fakes::ScriptedHttpClient http;
  fakes::RecordingSleeper sleeper;
  Client client{http, sleeper, fakes::JsonRpcSettings()};
  Lookups lookups;
};

TEST(RelatedPlanTest, ExpandReadsEachNodeOnceAndWritesFalseWhereTheWayIsEmpty) {
  ExpandFixture f;
  auto plan = RelatedPlan::Build(SchemaOf("sale.order.line"),
                                 {"order_id.partner_id.country_id.name", "order_id.user_id.login"},
                                 f.lookups.Lookup());
  ASSERT_TRUE(plan);
  json page = json::parse(R"([
    {"id": 1, "order_id": [10, "S00010"]},
    {"id": 2, "order_id": [11, "S00011"]},
    {"id": 3, "order_id": [10, "S00010"]},
    {"id": 4, "order_id": false}])");
  f.http.Enqueue(fakes::RpcResult(Read({{{"id", 10}, {"partner_id", {7, "Azure"}}, {"user_id", false}},
                                        {{"id", 11}, {"partner_id", {8, "Gone"}}, {"user_id", {2, "Mitchell"}}}})));
  // Partner 8 was deleted meanwhile: read leaves it out (odoo-api.md §9.1).
  f.http.Enqueue(fakes::RpcResult(Read({{{"id", 7}, {"country_id", {20, "Belgium"}}}})));
  f.http.Enqueue(fakes::RpcResult(Read({{{"id", 20}, {"name", "Belgium"}}})));
  f.http.Enqueue(fakes::RpcResult(Read({{{"id", 2}, {"login", "admin"}}})));

  ASSERT_TRUE(plan->Expand(f.client, page, Context()));

  ASSERT_EQ(f.http.requests().size(), 2u + 4u) << "one read per node";
  const std::vector<std::vector<json>> reads = {{"sale.order", {10, 11}, {"partner_id", "user_id"}},
                                                {"res.partner", {7, 8}, {"country_id"}},
                                                {"res.country", {20}, {"name"}},
                                                {"res.users", {2}, {"login"}}};
  for (size_t i = 0; i < reads.size(); ++i) {
    EXPECT_EQ(f.Args(i)[3], reads[i][0]) << "read " << i;
    EXPECT_EQ(f.Args(i)[4], "read");
    EXPECT_EQ(f.Args(i)[5][0], reads[i][1]) << "read " << i;
    EXPECT_EQ(f.Args(i)[6]["fields"], reads[i][2]) << "read " << i;
  }
  const std::vector<std::pair<json, json>> expected = {
      {"Belgium", false}, {false, "admin"}, {"Belgium", false}, {false, false}};
  for (size_t r = 0; r < expected.size(); ++r) {
    EXPECT_EQ(page[r]["order_id.partner_id.country_id.name"], expected[r].first) << "record " << r;
    EXPECT_EQ(page[r]["order_id.user_id.login"], expected[r].second) << "record " << r;
    EXPECT_TRUE(page[r].contains("order_id")) << "base values stay";
  }
}

TEST(RelatedPlanTest, AnX2manyLeafGetsItsNamesFromOneNameCacheReadPerPage) {
  ExpandFixture f;
  const std::vector<std::string> fields = {"order_id.tag_ids"};
  auto plan = RelatedPlan::Build(SchemaOf("sale.order.line"), fields, f.lookups.Lookup());
  ASSERT_TRUE(plan);
  auto converter = CellConverter::Create(SchemaOf("sale.order.line"), fields, {}, &*plan);
  ASSERT_TRUE(converter) << converter.error().message;
  json page = json::parse(R"js([{"id": 1, "order_id": [10, "S00010"]}, {"id": 2, "order_id": [11, "S00011"]}])js");
  f.http.Enqueue(fakes::RpcResult(Read({{{"id", 10}, {"tag_ids", {9, 4}}}, {{"id", 11}, {"tag_ids", {4}}}})));
  f.http.Enqueue(fakes::RpcResult(Read({{{"id", 4}, {"display_name", "Blue"}}, {{"id", 9}, {"display_name", "Red"}}})));

  ASSERT_TRUE(plan->Expand(f.client, page, Context()));
  NameCache names;
  ASSERT_TRUE(names.Prefetch(f.client, *converter, page, Context()));

  ASSERT_EQ(f.http.requests().size(), 2u + 2u);
  EXPECT_EQ(f.Args(1)[3], "crm.tag");
  EXPECT_EQ(f.Args(1)[5], json::parse("[[4, 9]]"));
  EXPECT_EQ(converter->Convert(page[0], names)[0], core::Cell::Text("Blue, Red"));
  EXPECT_EQ(converter->Convert(page[1], names)[0], core::Cell::Text("Blue"));
}

TEST(RelatedPlanTest, ExpandSendsNothingWhenNoRecordHasTheRelation) {
  ExpandFixture f;
  auto plan = RelatedPlan::Build(SchemaOf("sale.order.line"), {"order_id.partner_id.name"},
                                 f.lookups.Lookup());
  ASSERT_TRUE(plan);
  json page = json::parse(R"([{"id": 1, "order_id": false}, {"id": 2, "order_id": false}])");
  ASSERT_TRUE(plan->Expand(f.client, page, Context()));
  EXPECT_TRUE(f.http.requests().empty());
  EXPECT_EQ(page[1]["order_id.partner_id.name"], false);
}

TEST(RelatedPlanTest, ExpandFailsWithTheReadErrorOfANode) {
  ExpandFixture f;
  auto plan = RelatedPlan::Build(SchemaOf("sale.order.line"), {"order_id.partner_id.name"},
                                 f.lookups.Lookup());
  ASSERT_TRUE(plan);
  json page = json::parse(R"([{"id": 1, "order_id": [10, "S00010"]}])");
  f.http.Enqueue(fakes::RpcError("odoo.exceptions.AccessError",
                                 "You are not allowed to access 'Sales Order' (sale.order) records."));
  auto expanded = plan->Expand(f.client, page, Context());
  ASSERT_FALSE(expanded);
  EXPECT_EQ(expanded.error().code, core::ErrorCode::kPermissionDenied);
  EXPECT_EQ(expanded.error().upstream, "odoo.exceptions.AccessError");
}

}  // namespace
}  // namespace xlsync::odoo
