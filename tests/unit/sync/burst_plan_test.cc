#include "sync/burst_plan.h"

#include <gtest/gtest.h>

namespace xlsync::sync {
namespace {

using nlohmann::json;

odoo::Field MakeField(std::string name, odoo::FieldType type) {
  odoo::Field field;
  field.name = std::move(name);
  field.type = type;
  return field;
}

odoo::Group MakeGroup(json key, int64_t count,
                      std::optional<std::pair<std::string, std::string>> range = std::nullopt) {
  odoo::Group group;
  group.keys.push_back(std::move(key));
  group.count = count;
  group.ranges.push_back(std::move(range));
  return group;
}

TEST(BurstPlanTest, TurnsEachGroupIntoTheTermsAndTextOfItsValue) {
  odoo::Field state = MakeField("state", odoo::FieldType::kSelection);
  state.selection = {{"draft", "Quotation"}, {"sale", "Sales Order"}};
  struct Case {
    odoo::Field field;
    odoo::Group group;
    json terms;
    std::string display;
  };
  const Case cases[] = {
      {MakeField("company_id", odoo::FieldType::kMany2one), MakeGroup(json::array({1, "Acme Corp"}), 12),
       json::parse(R"([["company_id", "=", 1]])"), "Acme Corp"},
      {MakeField("user_id", odoo::FieldType::kMany2one), MakeGroup(false, 3),
       json::parse(R"([["user_id", "=", false]])"), "None"},
      {state, MakeGroup("sale", 5), json::parse(R"([["state", "=", "sale"]])"), "Sales Order"},
      {MakeField("city", odoo::FieldType::kChar), MakeGroup("Brussels", 2),
       json::parse(R"([["city", "=", "Brussels"]])"), "Brussels"},
      {MakeField("is_company", odoo::FieldType::kBoolean), MakeGroup(true, 4),
       json::parse(R"([["is_company", "=", true]])"), "TRUE"},
      {MakeField("is_company", odoo::FieldType::kBoolean), MakeGroup(false, 6),
       json::parse(R"([["is_company", "=", false]])"), "FALSE"},
      {MakeField("priority", odoo::FieldType::kInteger), MakeGroup(3, 1), json::parse(R"([["priority", "=", 3]])"),
       "3"},
      {MakeField("validity_date", odoo::FieldType::kDate),
       MakeGroup("15 Mar 2024", 9, std::make_pair("2024-03-15", "2024-03-16")),
       json::parse(R"([["validity_date", ">=", "2024-03-15"], ["validity_date", "<", "2024-03-16"]])"), "2024-03-15"},
      {MakeField("date_order", odoo::FieldType::kDatetime),
       MakeGroup("15 Mar 2024", 9, std::make_pair("2024-03-14 23:00:00", "2024-03-15 23:00:00")),
       json::parse(R"([["date_order", ">=", "2024-03-14 23:00:00"], ["date_order", "<", "2024-03-15 23:00:00"]])"),
       "15 Mar 2024"},
      {MakeField("date_order", odoo::FieldType::kDatetime), MakeGroup(false, 2),
       json::parse(R"([["date_order", "=", false]])"), "None"},
  };
  for (const auto& c : cases) {
    const BurstValue value = BurstValueOf(c.field, c.group);
    EXPECT_EQ(value.terms, c.terms) << c.field.name << " " << c.group.keys[0];
    EXPECT_EQ(value.display, c.display) << c.field.name;
    EXPECT_EQ(value.count, c.group.count) << c.field.name;
  }
}

std::vector<BurstValue> Values(const std::vector<std::string>& displays) {
  std::vector<BurstValue> values;
  for (const auto& display : displays) values.push_back({json::array({json::array({"x", "=", display})}), display, 1});
  return values;
}

TEST(BurstPlanTest, NamesSheetsAfterTheValuesUnderExcelsRules) {
  ExportTask task;
  task.workbook = "/Reports/Sales.xlsx";
  task.sheet = "Orders";
  const auto targets = BurstTargets(task, Values({"Acme", "ACME", "R&D / Lab: 2024?", "None", "",
                                                  "A company name far too long for a sheet"}));
  std::vector<std::string> sheets;
  for (const auto& target : targets) {
    EXPECT_EQ(target.workbook, "/Reports/Sales.xlsx");
    sheets.push_back(target.sheet);
  }
  EXPECT_EQ(sheets, (std::vector<std::string>{"Acme", "ACME (2)", "R&D _ Lab_ 2024_", "None", "(empty)",
                                              "A company name far too long for"}));
  EXPECT_EQ(targets[1].value.display, "ACME");
}

TEST(BurstPlanTest, PutsEachValueInAWorkbookOfItsOwnWithAPathSafeName) {
  ExportTask task;
  task.workbook = "/Reports/Sales.xlsx";
  task.sheet = "Orders";
  task.burst_workbook = "/Reports/{value}/Sales {value}.xlsx";
  const auto targets = BurstTargets(task, Values({"Acme", "acme", "R&D / Lab: \"2024\"?", " .Dots. "}));
  ASSERT_EQ(targets.size(), 4u);
  EXPECT_EQ(targets[0].workbook, "/Reports/Acme/Sales Acme.xlsx");
  EXPECT_EQ(targets[1].workbook, "/Reports/acme (2)/Sales acme (2).xlsx");
  EXPECT_EQ(targets[2].workbook, "/Reports/R&D _ Lab_ _2024__/Sales R&D _ Lab_ _2024__.xlsx");
  EXPECT_EQ(targets[3].workbook, "/Reports/Dots/Sales Dots.xlsx");
  for (const auto& target : targets) EXPECT_EQ(target.sheet, "Orders");
}

TEST(BurstPlanTest, CleansTextsForPaths) {
  EXPECT_EQ(PathSafe("a/b\\c:d*e?f\"g<h>i|j#k%l"), "a_b_c_d_e_f_g_h_i_j_k_l");
  EXPECT_EQ(PathSafe("  ..  "), "_");
  EXPECT_EQ(PathSafe("line\nbreak"), "line_break");
  EXPECT_EQ(PathSafe(std::string(150, 'x')), std::string(100, 'x'));
}

TEST(BurstPlanTest, NarrowsTheTasksFilterToTheValue) {
  ExportTask task;
  task.domain = json::parse(R"(["|", ["state", "=", "sale"], ["state", "=", "done"]])");
  BurstValue value;
  value.terms = json::parse(R"([["company_id", "=", 1]])");
  const ExportTask slice = BurstSlice(task, value);
  EXPECT_EQ(slice.domain,
            json::parse(R"(["|", ["state", "=", "sale"], ["state", "=", "done"], ["company_id", "=", 1]])"));
  EXPECT_EQ(task.domain.size(), 3u);
}

}  // namespace
}  // namespace xlsync::sync
