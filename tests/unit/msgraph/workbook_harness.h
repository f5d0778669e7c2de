#pragma once

#include <gtest/gtest.h>

#include <string>

#include "msgraph/workbook.h"
#include "tests/unit/msgraph/graph_test_support.h"

namespace xlsync::fakes {

/// The path of the demo workbook and of its first sheet, as recorded requests show them.
inline constexpr char kWorkbookPath[] = "/drives/b!d/items/01A/workbook";
inline constexpr char kSheetPath[] =
    "/drives/b!d/items/01A/workbook/worksheets/%7B00000000-0001-0000-0000-000000000000%7D";

/// A workbook "Sales.xlsx" whose session is already open, so each test scripts only its calls.
struct WorkbookHarness : GraphHarness {
  msgraph::Workbook workbook{graph, clock, sleeper,
                             msgraph::DriveItem{"b!d", "01A", "Sales.xlsx", "", false}};
  const msgraph::Worksheet sheet{"{00000000-0001-0000-0000-000000000000}", "Sheet1", 0};

  WorkbookHarness() {
    EnqueueToken();
    http.Enqueue(Reply(201, R"({"id":"s1","persistChanges":true})"));
    EXPECT_TRUE(workbook.Open());
  }
  /// The i-th request after the token and the createSession.
  http::Request Call(size_t i) const { return http.requests().at(2 + i); }
  size_t Calls() const { return http.requests().size() - 2; }
};

}  // namespace xlsync::fakes
