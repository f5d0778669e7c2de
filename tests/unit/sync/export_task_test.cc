#include "sync/export_task.h"

#include <gtest/gtest.h>

namespace xlsync::sync {
namespace {

ExportTask ValidTask() {
  ExportTask task;
  task.model = "sale.order";
  task.fields = {"name"};
  task.workbook = "/Reports/Sales.xlsx";
  return task;
}

TEST(ExportTaskTest, ParsesEveryKeyOfATaskFile) {
  auto task = ParseTaskToml(R"(
name = "Confirmed orders"
model = "sale.order"
fields = ["name", "partner_id"]
domain = '[["state", "=", "sale"]]'
order = "date_order desc"
page_size = 500
lang = "fr_FR"
time_zone = "Europe/Brussels"
include_archived = true
x2many_as_ids = true
binary_placeholder = true
allow_formulas = true
[target]
workbook = "/Reports/Sales.xlsx"
sheet = "Orders"
mode = "replace"
)", "orders.toml");
  ASSERT_TRUE(task) << task.error().message;
  EXPECT_EQ(task->name, "Confirmed orders");
  EXPECT_EQ(task->model, "sale.order");
  EXPECT_EQ(task->fields, (std::vector<std::string>{"name", "partner_id"}));
  EXPECT_EQ(task->domain, nlohmann::json::parse(R"([["state", "=", "sale"]])"));
  EXPECT_EQ(task->order, "date_order desc");
  EXPECT_EQ(task->page_size, 500);
  EXPECT_EQ(task->lang, "fr_FR");
  EXPECT_EQ(task->time_zone, "Europe/Brussels");
  EXPECT_TRUE(task->include_archived);
  EXPECT_TRUE(task->x2many_as_ids);
  EXPECT_TRUE(task->binary_placeholder);
  EXPECT_TRUE(task->allow_formulas);
  EXPECT_EQ(task->workbook, "/Reports/Sales.xlsx");
  EXPECT_EQ(task->sheet, "Orders");
  EXPECT_TRUE(ValidateTask(*task));
}

TEST(ExportTaskTest, ReportsTomlSyntaxErrorsWithTheLine) {
  auto task = ParseTaskToml("model = \"sale.order\"\nfields = [\"name\"\n", "bad.toml");
  ASSERT_FALSE(task);
  EXPECT_EQ(task.error().message.rfind("bad.toml is not valid TOML (line ", 0), 0u) << task.error().message;
}

TEST(ExportTaskTest, ReportsAKeyOfTheWrongType) {
  auto task = ParseTaskToml("fields = \"name\"\n", "t.toml");
  ASSERT_FALSE(task);
  EXPECT_EQ(task.error().message, "t.toml: \"fields\" must be a list of field names, such as [\"name\", \"email\"].");
}

TEST(ExportTaskTest, RefusesAFilterThatIsNotADomainList) {
  EXPECT_TRUE(ParseDomain("").has_value());
  EXPECT_EQ(*ParseDomain("  "), nlohmann::json::array());
  auto bad = ParseDomain("state = sale");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message,
            "The filter is not a valid Odoo domain: write it as a JSON list, such as "
            "[[\"state\", \"=\", \"sale\"], [\"amount_total\", \">\", 100]].");
  EXPECT_FALSE(ParseDomain(R"({"state": "sale"})"));
}

TEST(ExportTaskTest, ValidationNamesWhatIsMissingOrWrong) {
  struct Case {
    void (*change)(ExportTask&);
    std::string message;
  };
  const Case cases[] = {
      {[](ExportTask& t) { t.model.clear(); }, "The task names no Odoo model: set one, such as sale.order or res.partner."},
      {[](ExportTask& t) { t.fields.clear(); }, "The task names no fields: list the fields to export, such as name and email."},
      {[](ExportTask& t) { t.workbook.clear(); },
       "The task names no workbook: give its OneDrive/SharePoint link, its path (such as /Reports/Sales.xlsx) or its item ID."},
      {[](ExportTask& t) { t.mode = "upsert"; }, "The mode \"upsert\" is not available: use \"replace\"."},
      {[](ExportTask& t) { t.page_size = -1; },
       "The page size -1 is out of range: use 0 (automatic, the default) or a number from 1 to 20000."},
      {[](ExportTask& t) { t.page_size = 20'001; },
       "The page size 20001 is out of range: use 0 (automatic, the default) or a number from 1 to 20000."},
      {[](ExportTask& t) { t.header = "both"; },
       "The header \"both\" is not available: use \"labels\" (field labels in the task's language) or \"names\" "
       "(technical names)."},
      {[](ExportTask& t) { t.percent_fields = {"discount"}; },
       "The percentage field \"discount\" is not among the task's fields: add it to fields or remove it from "
       "percent_fields."},
      {[](ExportTask& t) { t.table = "Odoo Orders"; },
       "The table name \"Odoo Orders\" contains \" \", but Excel table names hold only letters, digits, \".\" and "
       "\"_\": choose a name without spaces or symbols."},
      {[](ExportTask& t) { t.burst_workbook = "/Reports/{value}.xlsx"; },
       "burst_workbook is set but burst_by is not: name the field whose values split the export."},
      {[](ExportTask& t) {
         t.burst_by = "company_id";
         t.burst_workbook = "/Reports/Sales.xlsx";
       },
       "burst_workbook must contain {value}, such as \"/Reports/Sales {value}.xlsx\", so that each value gets its "
       "own workbook."},
      {[](ExportTask& t) { t.group_by = {"a", "b", "c"}; },
       "A grouped export groups by one or two fields, not 3: remove the others from group_by."},
      {[](ExportTask& t) { t.group_by = {"date_order:fortnight"}; },
       "The group_by entry \"date_order:fortnight\" has an unknown date grouping: use one of day, week, month, "
       "quarter, year."},
      {[](ExportTask& t) { t.group_by = {":month"}; },
       "The group_by entry \":month\" names no field: write a field such as \"partner_id\" or "
       "\"date_order:month\"."},
      {[](ExportTask& t) {
         t.group_by = {"partner_id"};
         t.aggregates = {"amount_total:median"};
       },
       "The aggregate \"amount_total:median\" is not understood: write \"field:function\" with a function among "
       "sum, avg, min, max, count, or \"__count\"."},
      {[](ExportTask& t) { t.aggregates = {"__count"}; },
       "The task lists aggregates but no group_by: add the fields to group by, or remove the aggregates."},
      {[](ExportTask& t) {
         t.group_by = {"partner_id"};
         t.row_links = true;
       },
       "A grouped export has no records to link to: turn row_links off."},
  };
  for (const auto& c : cases) {
    ExportTask task = ValidTask();
    c.change(task);
    auto valid = ValidateTask(task);
    ASSERT_FALSE(valid) << c.message;
    EXPECT_EQ(valid.error().message, c.message);
  }
  ExportTask bad_sheet = ValidTask();
  bad_sheet.sheet = "Q1/Q2";
  EXPECT_FALSE(ValidateTask(bad_sheet));
}

TEST(ExportTaskTest, FormattedTomlReadsBackToTheSameTask) {
  ExportTask task;
  task.name = "Orders \"2026\" \\ Q1";
  task.model = "sale.order";
  task.fields = {"name", "partner_id", "amount_total"};
  task.domain = nlohmann::json::parse(R"([["state", "=", "sale"], ["note", "ilike", "it's \"x\""]])");
  task.order = "date_order desc, id";
  task.page_size = 250;
  task.lang = "fr_BE";
  task.time_zone = "Europe/Brussels";
  task.include_archived = true;
  task.x2many_as_ids = true;
  task.binary_placeholder = true;
  task.allow_formulas = true;
  task.workbook = "https://contoso-my.sharepoint.com/:x:/g/personal/a_b/EaBc?e=1";
  task.sheet = "Orders 'Q1'";
  task.header = "names";
  task.percent_fields = {"discount"};
  task.table = "OdooOrders";
  task.table_style = "TableStyleLight9";
  task.row_links = true;
  task.rollover = true;
  task.burst_by = "company_id";
  task.burst_workbook = "/Reports/Sales {value}.xlsx";
  task.group_by = {"partner_id", "date_order:month"};
  task.aggregates = {"amount_total:sum", "__count"};
  const std::string text = FormatTaskToml(task);
  auto back = ParseTaskToml(text, "stored task");
  ASSERT_TRUE(back) << back.error().message << "\n" << text;
  EXPECT_EQ(back->name, task.name);
  EXPECT_EQ(back->model, task.model);
  EXPECT_EQ(back->fields, task.fields);
  EXPECT_EQ(back->domain, task.domain);
  EXPECT_EQ(back->order, task.order);
  EXPECT_EQ(back->page_size, task.page_size);
  EXPECT_EQ(back->lang, task.lang);
  EXPECT_EQ(back->time_zone, task.time_zone);
  EXPECT_TRUE(back->include_archived);
  EXPECT_TRUE(back->x2many_as_ids);
  EXPECT_TRUE(back->binary_placeholder);
  EXPECT_TRUE(back->allow_formulas);
  EXPECT_EQ(back->workbook, task.workbook);
  EXPECT_EQ(back->sheet, task.sheet);
  EXPECT_EQ(back->mode, task.mode);
  EXPECT_EQ(back->header, "names");
  EXPECT_EQ(back->percent_fields, task.percent_fields);
  EXPECT_EQ(back->table, "OdooOrders");
  EXPECT_EQ(back->table_style, "TableStyleLight9");
  EXPECT_TRUE(back->row_links);
  EXPECT_TRUE(back->rollover);
  EXPECT_EQ(back->burst_by, "company_id");
  EXPECT_EQ(back->burst_workbook, task.burst_workbook);
  EXPECT_EQ(back->group_by, task.group_by);
  EXPECT_EQ(back->aggregates, task.aggregates);
  EXPECT_EQ(FormatTaskToml(*back), text);
}

TEST(ExportTaskTest, AutomaticPagesStartAtAThousandAndGrowToTenThousand) {
  ExportTask task;
  EXPECT_EQ(FirstPageSize(task), 1000);
  EXPECT_EQ(MaxPageSize(task), 10'000);
  task.page_size = 250;
  EXPECT_EQ(FirstPageSize(task), 250);
  EXPECT_EQ(MaxPageSize(task), 250);
}

TEST(ExportTaskTest, FormattedTomlOfADefaultTaskKeepsTheDefaults) {
  auto back = ParseTaskToml(FormatTaskToml(ExportTask{}), "stored task");
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->domain, nlohmann::json::array());
  EXPECT_EQ(back->page_size, 0);
  EXPECT_EQ(back->sheet, "Sheet1");
  EXPECT_FALSE(back->include_archived);
}

}  // namespace
}  // namespace xlsync::sync
