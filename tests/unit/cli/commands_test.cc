#include "cli/commands.h"

#include <gtest/gtest.h>

namespace xlsync::cli {
namespace {

TEST(CommandsTest, FlagsBuildATask) {
  TaskFlags flags;
  flags.model = "res.partner";
  flags.fields = "name, email ,,phone";
  flags.domain = R"([["is_company", "=", true]])";
  flags.workbook = "/Contacts.xlsx";
  flags.sheet = "People";
  flags.time_zone = "Europe/Brussels";
  flags.page_size = 250;
  flags.include_archived = true;
  auto task = BuildTask(flags);
  ASSERT_TRUE(task) << task.error().message;
  EXPECT_EQ(task->model, "res.partner");
  EXPECT_EQ(task->fields, (std::vector<std::string>{"name", "email", "phone"}));
  EXPECT_EQ(task->domain.dump(), R"([["is_company","=",true]])");
  EXPECT_EQ(task->workbook, "/Contacts.xlsx");
  EXPECT_EQ(task->sheet, "People");
  EXPECT_EQ(task->time_zone, "Europe/Brussels");
  EXPECT_EQ(task->page_size, 250);
  EXPECT_TRUE(task->include_archived);
}

TEST(CommandsTest, AMissingTaskFileIsNamed) {
  TaskFlags flags;
  flags.task_file = "/nonexistent/task.toml";
  auto task = BuildTask(flags);
  ASSERT_FALSE(task);
  EXPECT_EQ(task.error().message, "Could not read the task file \"/nonexistent/task.toml\": check the path.");
}

TEST(CommandsTest, ABadFilterFlagIsRefused) {
  TaskFlags flags;
  flags.domain = "[[";
  EXPECT_FALSE(BuildTask(flags));
}

}  // namespace
}  // namespace xlsync::cli
