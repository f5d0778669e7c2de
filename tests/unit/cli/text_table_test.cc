#include "cli/text_table.h"

#include <gtest/gtest.h>

#include "cli/preview_command.h"

namespace xlsync::cli {
namespace {

TEST(TextTableTest, LaysRowsOutWithNaturalWidthsWhenTheyFit) {
  TextTable table({"Order", "Customer", "Total"}, {false, false, true});
  table.AddRow({"S00001", "Acme Corp", "€1,234.50"});
  table.AddRow({"S00002", "Beta", "€7.00"});
  EXPECT_EQ(table.Render(120),
            "Order  | Customer  | Total\n"
            "-------+-----------+----------\n"
            "S00001 | Acme Corp | €1,234.50\n"
            "S00002 | Beta      |     €7.00\n");
}

TEST(TextTableTest, CutsTheWidestColumnsToFitTheTerminal) {
  TextTable table({"Ref", "Notes", "Description"}, {false, false, false});
  table.AddRow({"S1", std::string(60, 'n'), std::string(80, 'd')});
  // 40 columns less two separators leave 34: "Ref" keeps 3, then 15 and 16 for the others.
  EXPECT_EQ(table.Render(40),
            "Ref | Notes           | Description\n"
            "----+-----------------+-----------------\n"
            "S1  | " + std::string(14, 'n') + "… | " + std::string(15, 'd') + "…\n");
}

TEST(TextTableTest, CountsCharactersNotBytesAndShowsLineBreaksAsSpaces) {
  EXPECT_EQ(TextWidth("Société"), 7u);
  EXPECT_EQ(FitText("Société Générale", 8), "Société…");
  EXPECT_EQ(FitText("short", 8), "short");
  EXPECT_EQ(FitText("abc", 1), "…");
  TextTable table({"Note"}, {false});
  table.AddRow({"two\nlines"});
  EXPECT_EQ(table.Render(80), "Note\n---------\ntwo lines\n");
}

TEST(TextTableTest, ReadsTheTerminalWidthFromColumns) {
  const auto env = [](std::string value) {
    return [value](std::string_view name) -> std::optional<std::string> {
      if (name == "COLUMNS" && !value.empty()) return value;
      return std::nullopt;
    };
  };
  EXPECT_EQ(TerminalWidth(env("")), 120u);
  EXPECT_EQ(TerminalWidth(env("80")), 80u);
  EXPECT_EQ(TerminalWidth(env("wide")), 120u);
  EXPECT_EQ(TerminalWidth(env("3")), 120u);
}

}  // namespace
}  // namespace xlsync::cli
