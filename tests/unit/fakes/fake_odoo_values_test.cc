// search_read value shapes per field type (odoo-api.md §9.2), fields_get shapes (§8), and the
// direct C++ access the other tests use.
#include <regex>

#include "tests/unit/fakes/fake_odoo_fixture.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

bool IsDatetime(const json& value) {
  static const std::regex kShape(R"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})");
  return value.is_string() && std::regex_match(value.get<std::string>(), kShape);
}

bool IsDate(const json& value) {
  static const std::regex kShape(R"(\d{4}-\d{2}-\d{2})");
  return value.is_string() && std::regex_match(value.get<std::string>(), kShape);
}

class FakeOdooValuesTest : public FakeOdooTest {
 protected:
  json Record(const std::string& model, int64_t id, const json& fields, const json& context = json::object()) {
    const json rows = Result(model, "search_read", json::array({json::array({json::array({"id", "=", id})})}),
                             {{"fields", fields}, {"context", context}});
    EXPECT_EQ(rows.size(), 1u) << model << " " << id;
    return rows.empty() ? json() : rows[0];
  }
};

TEST_F(FakeOdooValuesTest, PartnerValuesHaveTheCapturedShapes) {
  Start();
  const json company = Record("res.partner", 1, {"name", "is_company", "parent_id", "child_ids", "ref", "vat", "comment",
                                                 "image_1920", "credit_limit", "color", "create_date", "write_date"});
  EXPECT_EQ(company["id"], 1);
  EXPECT_TRUE(company["name"].is_string());
  EXPECT_EQ(company["is_company"], true);
  EXPECT_EQ(company["parent_id"], false);
  EXPECT_EQ(company["child_ids"], json::array({2, 3, 4}));
  EXPECT_EQ(company["ref"], "00001");
  EXPECT_EQ(company["vat"].get<std::string>().rfind("BE0", 0), 0u);
  EXPECT_EQ(company["comment"], "<p>Preferred customer since 2019.<br>Pays on time &amp; in full.</p>");
  EXPECT_EQ(company["image_1920"], false);
  EXPECT_TRUE(company["credit_limit"].is_number_float());
  EXPECT_EQ(company["credit_limit"], 0.0);
  EXPECT_TRUE(company["color"].is_number_integer());
  EXPECT_TRUE(IsDatetime(company["create_date"]));
  EXPECT_GE(company["write_date"].get<std::string>(), company["create_date"].get<std::string>());

  const json contact = Record("res.partner", 2, {"name", "display_name", "parent_id", "child_ids", "ref", "vat",
                                                 "comment", "is_company", "category_id"});
  EXPECT_EQ(contact["name"], "=1+2");
  EXPECT_EQ(contact["parent_id"], json::array({1, company["name"]}));
  EXPECT_EQ(contact["display_name"], company["name"].get<std::string>() + ", =1+2");
  EXPECT_EQ(contact["child_ids"], json::array());
  EXPECT_EQ(contact["category_id"], json::array());
  EXPECT_EQ(contact["ref"], false);
  EXPECT_EQ(contact["vat"], false);
  EXPECT_EQ(contact["comment"], "<p><br></p>");
  EXPECT_EQ(contact["is_company"], false);
}

TEST_F(FakeOdooValuesTest, SpreadsheetHostileTextsAndEmptyStringsAreServed) {
  Start();
  EXPECT_EQ(Record("res.partner", 7, {"name"})["name"], "00123");
  EXPECT_EQ(Record("res.partner", 12, {"name"})["name"], "+Plus Consulting");
  EXPECT_EQ(Record("res.partner", 17, {"name"}, {{"active_test", false}})["name"], "-Minus Trading");
  EXPECT_EQ(Record("res.partner", 27, {"name"})["name"], "O'Brien \"The Quote\" & Sons");
  EXPECT_EQ(Record("res.partner", 32, {"name"})["name"], "Zoë Ünïcødé 日本 🚀");
  EXPECT_EQ(Record("res.partner", 37, {"name"})["name"], "Multi\nLine\tTabbed Co");
  EXPECT_EQ(Record("res.partner", 13, {"ref"})["ref"], "");  // a stored empty string, not false
  EXPECT_EQ(Record("res.partner", 7, {"phone"})["phone"], false);
}

TEST_F(FakeOdooValuesTest, BinaryIsBase64OrFalseAndBinSizeGivesAHumanSize) {
  Start();
  EXPECT_EQ(Record("res.partner", 4, {"image_1920"})["image_1920"].get<std::string>().rfind("iVBORw0KGgo", 0), 0u);
  EXPECT_EQ(Record("res.partner", 5, {"image_1920"})["image_1920"], false);
  EXPECT_EQ(Record("res.partner", 4, {"image_1920"}, {{"bin_size", true}})["image_1920"], "70.00 bytes");
}

TEST_F(FakeOdooValuesTest, ArchivedPartnersAreHiddenUnlessActiveTestIsFalse) {
  Start();
  const json hidden = Result("res.partner", "search_read", json::array({json::array({json::array({"id", "=", 17})})}),
                             {{"fields", {"active"}}});
  EXPECT_EQ(hidden, json::array());
  EXPECT_EQ(Record("res.partner", 17, {"active"}, {{"active_test", false}})["active"], false);
  EXPECT_EQ(Result("res.partner", "read", {json::array({17}), json::array({"active"})}),
            json::array({{{"id", 17}, {"active", false}}}));
  const json both = Result("res.partner", "search_count", json::array({json::array({json::array({"active", "in", {true, false}})})}));
  EXPECT_EQ(both, 40);
  EXPECT_EQ(Result("res.partner", "search_count", json::array({json::array()})), 38);
}

TEST_F(FakeOdooValuesTest, SaleOrderValuesAddUpAndPointAtExistingRecords) {
  Start();
  const json order = Record("sale.order", 1, {"name", "partner_id", "date_order", "validity_date", "commitment_date",
                                              "state", "order_line", "amount_untaxed", "amount_tax", "amount_total",
                                              "currency_id", "company_id", "tag_ids", "note", "signature"});
  EXPECT_EQ(order["name"], "S00001");
  EXPECT_EQ(order["order_line"], json::array({1, 2, 3}));
  EXPECT_TRUE(IsDatetime(order["date_order"]));
  EXPECT_TRUE(IsDate(order["validity_date"]));
  EXPECT_TRUE(order["commitment_date"] == false || IsDatetime(order["commitment_date"]));
  EXPECT_EQ(order["currency_id"], json::array({1, "USD"}));
  EXPECT_EQ(order["company_id"], json::array({1, "YourCompany"}));
  EXPECT_EQ(order["note"], false);
  EXPECT_EQ(order["signature"], false);
  const json partner = Record("res.partner", order["partner_id"][0].get<int64_t>(), {"display_name"},
                              {{"active_test", false}});
  EXPECT_EQ(order["partner_id"][1], partner["display_name"]);
  const json lines = Result("sale.order.line", "read", {json::array({1, 2, 3}), json::array({"price_total", "price_subtotal", "order_id"})});
  double total = 0.0, untaxed = 0.0;
  for (const json& line : lines) {
    total += line["price_total"].get<double>();
    untaxed += line["price_subtotal"].get<double>();
    EXPECT_EQ(line["order_id"], json::array({1, "S00001"}));
  }
  EXPECT_NEAR(order["amount_total"].get<double>(), total, 0.005);
  EXPECT_NEAR(order["amount_untaxed"].get<double>(), untaxed, 0.005);
  EXPECT_EQ(Record("sale.order", 10, {"currency_id"})["currency_id"], json::array({125, "EUR"}));
}

TEST_F(FakeOdooValuesTest, SectionLinesHaveEmptyManyToOneAndZeroQuantities) {
  Start();
  const json line = Record("sale.order.line", 25, {"display_type", "product_id", "product_uom_qty", "sequence", "name"});
  EXPECT_EQ(line["display_type"], "line_section");
  EXPECT_EQ(line["product_id"], false);
  EXPECT_EQ(line["product_uom_qty"], 0.0);
  EXPECT_TRUE(line["product_uom_qty"].is_number_float());
  EXPECT_EQ(line["sequence"], 10);
  EXPECT_EQ(line["name"], "Section: Furniture");
}

TEST_F(FakeOdooValuesTest, ProductAndInvoiceValuesCoverEmptyAndFalseCases) {
  Start();
  const json product = Record("product.product", 3, {"default_code", "name", "display_name", "type", "list_price"});
  EXPECT_EQ(product["default_code"], "00123");
  EXPECT_EQ(product["display_name"], "[00123] " + product["name"].get<std::string>());
  EXPECT_TRUE(product["list_price"].is_number_float());
  EXPECT_EQ(Record("product.product", 7, {"default_code"})["default_code"], false);
  EXPECT_EQ(Record("product.product", 8, {"sale_ok"})["sale_ok"], false);
  EXPECT_EQ(Record("product.product", 4, {"description_sale"})["description_sale"], "");
  EXPECT_EQ(Record("product.product", 1, {"description_sale"})["description_sale"], false);
  const json draft = Record("account.move", 7, {"name", "state", "invoice_date", "amount_total"});
  EXPECT_EQ(draft["name"], "/");
  EXPECT_EQ(draft["state"], "draft");
  EXPECT_EQ(draft["invoice_date"], false);
  EXPECT_TRUE(draft["amount_total"].is_number_float());
}

TEST_F(FakeOdooValuesTest, LoadNoneReadsManyToOneAsBareIds) {
  Start();
  const json rows = Result("res.partner", "read", {json::array({2}), json::array({"parent_id"})}, {{"load", nullptr}});
  EXPECT_EQ(rows, json::array({{{"id", 2}, {"parent_id", 1}}}));
}

TEST_F(FakeOdooValuesTest, ReadDropsMissingIdsSilently) {
  Start();
  EXPECT_EQ(Result("res.partner", "read", {json::array({99999999}), json::array({"name"})}), json::array());
}

TEST_F(FakeOdooValuesTest, FieldsOmittedReturnsEveryReadableField) {
  Start();
  const json row = Result("res.partner", "search_read", json::array({json::array({json::array({"id", "=", 1})})}))[0];
  EXPECT_EQ(row.size(), odoo_->FieldsGet("res.partner").size());
  EXPECT_TRUE(row.contains("image_1920"));
  EXPECT_TRUE(row.contains("child_ids"));
}

TEST_F(FakeOdooValuesTest, FieldsGetDescribesFieldsLikeTheCaptures) {
  Start();
  const json fields = Result("res.partner", "fields_get", json::array(),
                             {{"attributes", {"string", "type", "relation", "selection", "required", "readonly", "store",
                                              "help", "digits", "currency_field"}}});
  EXPECT_EQ(fields["name"], json({{"readonly", false}, {"required", false}, {"store", true}, {"string", "Name"}, {"type", "char"}}));
  EXPECT_EQ(fields["country_id"]["relation"], "res.country");
  EXPECT_EQ(fields["partner_latitude"]["digits"], json::array({10, 7}));
  EXPECT_EQ(fields["credit"]["currency_field"], "currency_id");
  EXPECT_EQ(fields["type"]["selection"][1], json::array({"invoice", "Invoice Address"}));
  EXPECT_EQ(fields["display_name"]["store"], false);
  EXPECT_FALSE(fields["name"].contains("searchable"));
  const json all = Result("res.partner", "fields_get", json::array(), {{"allfields", {"name"}}});
  EXPECT_EQ(all.size(), 1u);
  EXPECT_EQ(all["name"]["searchable"], true);
  EXPECT_EQ(all["name"]["groupable"], true);
  const json order = Result("sale.order", "fields_get", json::array(), {{"attributes", {"digits"}}});
  EXPECT_EQ(order["currency_rate"]["digits"], 0);
}

TEST_F(FakeOdooValuesTest, FieldsGetTranslatesLabelsForFrench) {
  Start();
  const json french = Result("res.partner", "fields_get", json::array(),
                             {{"attributes", {"string", "selection"}}, {"context", {{"lang", "fr_FR"}}}});
  EXPECT_EQ(french["name"]["string"], "Nom");
  EXPECT_EQ(french["type"]["selection"][1], json::array({"invoice", "Adresse de facturation"}));
  EXPECT_EQ(odoo_->FieldsGet("sale.order", "fr_FR")["state"]["selection"][0], json::array({"draft", "Devis"}));
  EXPECT_EQ(odoo_->FieldsGet("sale.order")["state"]["selection"][0], json::array({"draft", "Quotation"}));
}

TEST_F(FakeOdooValuesTest, GroupRestrictedFieldsAreAbsentForUsersWithoutTheGroup) {
  Start();
  EXPECT_TRUE(Result("res.partner", "fields_get", json::array(), {{"attributes", {"type"}}}).contains("credit"));
  const json demo = ExecuteKw("res.partner", "fields_get", json::array(), {{"attributes", {"type"}}}, "demo", 6);
  EXPECT_FALSE(demo["result"].contains("credit"));
  EXPECT_TRUE(demo["result"].contains("name"));
}

TEST_F(FakeOdooValuesTest, DirectAccessChangesAreReadBackOverRpcWithANewWriteDate) {
  Start();
  const json before = Record("res.partner", 3, {"name", "write_date"});
  odoo_->Write("res.partner", 3, {{"name", "Renamed"}});
  const json after = Record("res.partner", 3, {"name", "write_date", "write_uid"});
  EXPECT_EQ(after["name"], "Renamed");
  EXPECT_GT(after["write_date"].get<std::string>(), before["write_date"].get<std::string>());
  odoo_->Write("res.partner", 3, {{"write_date", "2020-01-01 00:00:00"}});
  EXPECT_EQ(Record("res.partner", 3, {"write_date"})["write_date"], "2020-01-01 00:00:00");
  const int64_t id = odoo_->Create("res.partner", {{"name", "New One"}, {"parent_id", 1}});
  EXPECT_EQ(id, 41);
  EXPECT_EQ(Record("res.partner", 1, {"child_ids"})["child_ids"], json::array({2, 3, 4, 41}));
  odoo_->Unlink("res.partner", {1});
  EXPECT_EQ(Record("res.partner", 2, {"parent_id"})["parent_id"], false);
  odoo_->Reset();
  EXPECT_EQ(Record("res.partner", 3, {"name"})["name"], before["name"]);
}

TEST_F(FakeOdooValuesTest, CreateAndWriteOverRpcValidateLikeOdoo) {
  Start();
  const json created = ExecuteKw("sale.order", "create", {{{"partner_id", 1}, {"order_line", {{0, 0, {{"product_id", 1}}}}}}});
  ASSERT_TRUE(created.contains("result")) << created.dump();
  const int64_t id = created["result"].get<int64_t>();
  const json order = Record("sale.order", id, {"name", "state", "order_line", "partner_id"});
  EXPECT_EQ(order["state"], "draft");
  EXPECT_EQ(order["order_line"].size(), 1u);
  EXPECT_EQ(Result("sale.order", "write", {json::array({id}), {{"client_order_ref", "PO-9"}}}), true);
  const json bad = ErrorOf(ExecuteKw("res.partner", "write", {json::array({1}), {{"type", "bogus"}}}));
  EXPECT_EQ(bad["name"], "builtins.ValueError");
  EXPECT_EQ(bad["message"], "Wrong value for res.partner.type: 'bogus'");
  EXPECT_EQ(Result("sale.order", "unlink", json::array({json::array({id})})), true);
  EXPECT_EQ(Result("sale.order.line", "search_count", json::array({json::array({json::array({"order_id", "=", id})})})), 0);
}

TEST_F(FakeOdooValuesTest, WebSearchReadTakesASpecificationFrom17) {
  Start();
  const json page = Result("res.partner", "web_search_read",
                           {json::array({json::array({"parent_id", "!=", false})}),
                            {{"name", json::object()}, {"parent_id", {{"fields", {{"display_name", json::object()}}}}}}},
                           {{"limit", 2}, {"order", "id"}});
  EXPECT_EQ(page["length"], Result("res.partner", "search_count",
                                   json::array({json::array({json::array({"parent_id", "!=", false})})})));
  ASSERT_EQ(page["records"].size(), 2u);
  EXPECT_EQ(page["records"][0]["id"], 2);
  EXPECT_EQ(page["records"][0]["name"], "=1+2");
  EXPECT_EQ(page["records"][0]["parent_id"]["id"], 1);
  EXPECT_TRUE(page["records"][0]["parent_id"]["display_name"].is_string());
}

TEST_F(FakeOdooValuesTest, SameSeedSameData) {
  Start();
  FakeOdoo other;
  EXPECT_EQ(other.SearchRead("sale.order", json::array(), {"name", "partner_id", "amount_total", "write_date"}),
            odoo_->SearchRead("sale.order", json::array(), {"name", "partner_id", "amount_total", "write_date"}));
}

}  // namespace
}  // namespace xlsync::fakes
