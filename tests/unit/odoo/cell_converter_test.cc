#include "odoo/cell_converter.h"

#include <gtest/gtest.h>

#include "odoo/name_cache.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

// Every field type in the shape fields_get describes it (odoo-api.md §8).
const Schema& AllTypes() {
  static const Schema kSchema = *Schema::FromFieldsGet("sale.order", json::parse(R"({
    "name": {"type": "char", "string": "Order Reference"},
    "note": {"type": "text", "string": "Notes"},
    "description": {"type": "html", "string": "Description"},
    "color": {"type": "integer", "string": "Color Index"},
    "price_unit": {"type": "float", "string": "Unit Price", "digits": [16, 2]},
    "latitude": {"type": "float", "string": "Geo Latitude", "digits": [10, 7]},
    "rate": {"type": "float", "string": "Currency Rate", "digits": 0},
    "amount_total": {"type": "monetary", "string": "Total", "currency_field": "currency_id"},
    "currency_id": {"type": "many2one", "string": "Currency", "relation": "res.currency"},
    "active": {"type": "boolean", "string": "Active"},
    "validity_date": {"type": "date", "string": "Expiration"},
    "date_order": {"type": "datetime", "string": "Order Date"},
    "state": {"type": "selection", "string": "Status",
              "selection": [["draft", "Quotation"], ["sale", "Sales Order"]]},
    "priority": {"type": "selection", "string": "Priority",
                 "selection": [[0, "Normal"], [1, "Urgent"]]},
    "partner_id": {"type": "many2one", "string": "Customer", "relation": "res.partner"},
    "order_line": {"type": "one2many", "string": "Order Lines", "relation": "sale.order.line"},
    "tag_ids": {"type": "many2many", "string": "Tags", "relation": "crm.tag"},
    "image_1920": {"type": "binary", "string": "Image"},
    "ref_doc": {"type": "reference", "string": "Document"},
    "res_id": {"type": "many2one_reference", "string": "Related Document ID"},
    "properties": {"type": "properties", "string": "Properties"},
    "analytic_distribution": {"type": "json", "string": "Analytic Distribution"},
    "x_rating": {"type": "x_stars", "string": "Rating"}
  })"));
  return kSchema;
}

const date::time_zone* Brussels() { return date::locate_zone("Europe/Brussels"); }

// Excel serials written out by hand: 2024-03-15 = 45366, so 2024-03-31 = 45382,
// 2024-06-15 = 45458, 2024-10-27 = 45592, 2024-12-31 = 45657.
double At(double day_serial, double hours) { return day_serial + hours / 24.0; }

void ExpectCell(const core::Cell& actual, const core::Cell& expected, const std::string& what) {
  ASSERT_EQ(actual.kind, expected.kind) << what;
  EXPECT_EQ(actual.text, expected.text) << what;
  EXPECT_EQ(actual.boolean, expected.boolean) << what;
  EXPECT_NEAR(actual.number, expected.number, 1e-9) << what;
}

struct ValueCase {
  const char* field;
  json value;
  core::Cell utc;
  std::optional<core::Cell> brussels = std::nullopt;  // when it differs from UTC
};

std::vector<ValueCase> ValueCases() {
  using core::Cell;
  return {
      {"name", "S00001", Cell::Text("S00001")},
      {"name", "", Cell::Empty()},
      {"name", false, Cell::Empty()},
      {"note", "line 1\nline 2", Cell::Text("line 1\nline 2")},
      {"description", "<p>Net 30<br>days &amp; more</p>", Cell::Text("Net 30\ndays & more")},
      {"description", "<p><br></p>", Cell::Empty()},
      {"description", false, Cell::Empty()},
      {"color", 0, Cell::Number(0)},
      {"color", 42, Cell::Number(42)},
      {"color", false, Cell::Empty()},
      {"price_unit", 0.0, Cell::Number(0)},
      {"price_unit", 1740.25, Cell::Number(1740.25)},
      {"rate", 1.0, Cell::Number(1)},
      {"amount_total", 2947.5, Cell::Number(2947.5)},
      {"active", true, Cell::Boolean(true)},
      {"active", false, Cell::Boolean(false)},
      {"validity_date", "2024-03-15", Cell::Number(45366)},
      {"validity_date", "1899-12-31", Cell::Text("1899-12-31")},
      {"validity_date", false, Cell::Empty()},
      {"date_order", "2024-06-15 12:00:00", Cell::Number(At(45458, 12)),
       Cell::Number(At(45458, 14))},
      // Spring forward: 01:00 UTC on 2024-03-31 becomes 03:00 CEST.
      {"date_order", "2024-03-31 00:30:00", Cell::Number(At(45382, 0.5)),
       Cell::Number(At(45382, 1.5))},
      {"date_order", "2024-03-31 01:30:00", Cell::Number(At(45382, 1.5)),
       Cell::Number(At(45382, 3.5))},
      // Fall back: 02:30 happens twice on 2024-10-27.
      {"date_order", "2024-10-27 00:30:00", Cell::Number(At(45592, 0.5)),
       Cell::Number(At(45592, 2.5))},
      {"date_order", "2024-10-27 01:30:00", Cell::Number(At(45592, 1.5)),
       Cell::Number(At(45592, 2.5))},
      {"date_order", "2024-12-31 23:30:00", Cell::Number(At(45657, 23.5)),
       Cell::Number(At(45658, 0.5))},
      {"date_order", false, Cell::Empty()},
      {"state", "sale", Cell::Text("Sales Order")},
      {"state", "archived", Cell::Text("archived")},
      {"state", false, Cell::Empty()},
      {"priority", 1, Cell::Text("Urgent")},
      {"partner_id", json::array({10, "Deco Addict"}), Cell::Text("Deco Addict")},
      {"partner_id", 10, Cell::Number(10)},
      {"partner_id", false, Cell::Empty()},
      {"order_line", json::array(), Cell::Empty()},
      {"ref_doc", "res.partner,42", Cell::Text("res.partner,42")},
      {"ref_doc", false, Cell::Empty()},
      {"res_id", 42, Cell::Number(42)},
      {"res_id", 0, Cell::Empty()},
      {"properties", json::array(), Cell::Empty()},
      {"properties", json::parse(R"([{"name":"a1","type":"char","string":"Size","value":"XL"}])"),
       Cell::Text(R"([{"name":"a1","string":"Size","type":"char","value":"XL"}])")},
      {"analytic_distribution", json::parse(R"({"12": 100.0})"), Cell::Text(R"({"12":100.0})")},
      {"analytic_distribution", false, Cell::Empty()},
      {"x_rating", "3 stars", Cell::Text("3 stars")},
  };
}

TEST(CellConverterTest, ConvertsEveryFieldTypeInUtcAndInBrussels) {
  const NameCache no_names;
  for (const auto* zone : {static_cast<const date::time_zone*>(nullptr), Brussels()}) {
    for (const auto& c : ValueCases()) {
      ConvertOptions options;
      options.time_zone = zone;
      auto converter = CellConverter::Create(AllTypes(), {c.field}, options);
      ASSERT_TRUE(converter) << c.field;
      const core::Row row = converter->Convert({{"id", 1}, {c.field, c.value}}, no_names);
      ASSERT_EQ(row.size(), 1u);
      const core::Cell& expected = zone && c.brussels ? *c.brussels : c.utc;
      ExpectCell(row[0], expected,
                 std::string(c.field) + " = " + c.value.dump() + (zone ? " (Brussels)" : " (UTC)"));
    }
  }
}

TEST(CellConverterTest, ColumnsFollowTheRequestedOrderWithLabelsAndFormats) {
  auto converter =
      CellConverter::Create(AllTypes(),
                            {"date_order", "name", "color", "price_unit", "latitude", "rate",
                             "amount_total", "validity_date", "res_id", "active"},
                            {});
  ASSERT_TRUE(converter);
  const std::vector<core::Column> expected = {
      {"date_order", "Order Date", "yyyy-mm-dd hh:mm:ss"},
      {"name", "Order Reference", ""},
      {"color", "Color Index", "0"},
      {"price_unit", "Unit Price", "#,##0.00"},
      {"latitude", "Geo Latitude", "#,##0.0000000"},
      {"rate", "Currency Rate", ""},
      {"amount_total", "Total", "#,##0.00"},
      {"validity_date", "Expiration", "yyyy-mm-dd"},
      {"res_id", "Related Document ID", "0"},
      {"active", "Active", ""},
  };
  EXPECT_EQ(converter->columns(), expected);
  EXPECT_TRUE(converter->warnings().empty());
}

TEST(CellConverterTest, LeavesBinaryFieldsOutWithAWarning) {
  auto converter = CellConverter::Create(AllTypes(), {"name", "image_1920"}, {});
  ASSERT_TRUE(converter);
  ASSERT_EQ(converter->columns().size(), 1u);
  EXPECT_EQ(converter->read_fields(), std::vector<std::string>{"name"});
  EXPECT_FALSE(converter->needs_bin_size());
  ASSERT_EQ(converter->warnings().size(), 1u);
  EXPECT_EQ(converter->warnings()[0],
            "The field \"image_1920\" (Image) holds files and was left out; turn on file "
            "placeholders to keep a column with each file's size.");
}

TEST(CellConverterTest, OnlyBinaryFieldsIsAnError) {
  auto converter = CellConverter::Create(AllTypes(), {"image_1920"}, {});
  ASSERT_FALSE(converter);
  EXPECT_EQ(converter.error().message,
            "Every field chosen for Odoo model sale.order holds files, which cells cannot hold: "
            "choose other fields or turn on file placeholders.");
}

TEST(CellConverterTest, BinaryPlaceholdersShowTheFileSize) {
  ConvertOptions options;
  options.binary_placeholder = true;
  auto converter = CellConverter::Create(AllTypes(), {"image_1920"}, options);
  ASSERT_TRUE(converter);
  EXPECT_TRUE(converter->needs_bin_size());
  EXPECT_EQ(converter->columns()[0], (core::Column{"image_1920", "Image", ""}));
  const NameCache no_names;
  const std::pair<json, core::Cell> cases[] = {
      {"12.34 Kb", core::Cell::Text("[file: 12.34 Kb]")},    // context bin_size
      {"aGVsbG8=", core::Cell::Text("[file: 5.00 bytes]")},  // base64 of "hello"
      {false, core::Cell::Empty()},
      {json::object({{"a", 1}}), core::Cell::Text("[file]")},
  };
  for (const auto& [value, expected] : cases) {
    ExpectCell(converter->Convert({{"image_1920", value}}, no_names)[0], expected, value.dump());
  }
}

TEST(CellConverterTest, UnknownFieldsAreRejectedWithASuggestion) {
  auto converter = CellConverter::Create(AllTypes(), {"name", "stat"}, {});
  ASSERT_FALSE(converter);
  EXPECT_EQ(converter.error().message,
            "The field \"stat\" does not exist on Odoo model sale.order: did you mean \"state\"?");
}

TEST(CellConverterTest, MissingFieldsInARecordGiveEmptyCells) {
  auto converter = CellConverter::Create(AllTypes(), {"name", "color"}, {});
  ASSERT_TRUE(converter);
  const core::Row row = converter->Convert({{"id", 1}, {"name", "x"}}, NameCache());
  EXPECT_EQ(row, (core::Row{core::Cell::Text("x"), core::Cell::Empty()}));
}

TEST(CellConverterTest, X2manyAsIdsJoinsSortedIdsWithTheSeparator) {
  ConvertOptions options;
  options.x2many_as_ids = true;
  options.x2many_separator = "; ";
  auto converter = CellConverter::Create(AllTypes(), {"tag_ids"}, options);
  ASSERT_TRUE(converter);
  EXPECT_TRUE(converter->x2many_relations().empty());
  EXPECT_EQ(converter->Convert({{"tag_ids", {9, 2, 5}}}, NameCache())[0],
            core::Cell::Text("2; 5; 9"));
}

TEST(CellConverterTest, ListsTheX2manyRelationsThatNeedNames) {
  auto converter = CellConverter::Create(AllTypes(), {"name", "tag_ids", "order_line"}, {});
  ASSERT_TRUE(converter);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"tag_ids", "crm.tag"}, {"order_line", "sale.order.line"}};
  EXPECT_EQ(converter->x2many_relations(), expected);
}

}  // namespace
}  // namespace xlsync::odoo
