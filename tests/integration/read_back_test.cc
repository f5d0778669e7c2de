// When Odoo sets the pace, the sink reads acknowledged rows back while the writer waits for the
// next page (SheetSink::Idle, issue 7): most of the proof is done before the run ends, and the
// run still ends with "sheet = source".
#include <gtest/gtest.h>

#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/sleeper.h"
#include "http/client.h"
#include "sync/exporter.h"
#include "tests/integration/export_world.h"

namespace xlsync::fakes {
namespace {

class ReadBackTest : public ExportWorld {};

/// A range GET of data rows (below the header row), as the fake Graph logged it.
bool IsDataRead(const LoggedRequest& request) {
  static const std::regex kDataRange(R"(/range\(address='A([0-9]+):)");
  std::smatch match;
  return request.method == "GET" && std::regex_search(request.path, match, kDataRange) &&
         std::stoll(match[1].str()) >= 2;
}

TEST_F(ReadBackTest, ReadsMostOfTheSheetBackWhileWaitingForASlowOdoo) {
  Start({{"res.partner", 3'000}});
  odoo_->SetLatency(std::chrono::milliseconds(60), std::chrono::microseconds(0));
  const std::vector<std::string> fields{"name", "email", "city", "credit_limit", "is_company"};
  sync::ExportRequest request = InProcessRequest("res.partner", fields, "Partners");
  request.task.page_size = 200;
  request.budget.max_cells = 1'000;  // chunks of at most 200 rows: acknowledged page by page
  request.budget.ceiling_cells = 1'000;
  // Small answers make read-back pages of about 900 rows, so several fill during the run.
  request.budget.max_answer_bytes = 60'000;
  core::InterruptibleSleeper sleeper;
  std::unique_ptr<http::Client> http = http::MakeCurlClient({});
  sync::Exporter exporter(*http, sleeper, core::SystemClock());

  auto report = exporter.Run(request, nullptr, nullptr);

  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->verified);
  const std::vector<LoggedRequest> log = graph_->RequestLog();
  size_t last_patch = 0;
  for (size_t i = 0; i < log.size(); ++i) {
    if (log[i].method == "PATCH" && log[i].route_kind == "range") last_patch = i;
  }
  size_t reads_during = 0;
  size_t reads_after = 0;
  for (size_t i = 0; i < log.size(); ++i) {
    if (IsDataRead(log[i])) ++(i < last_patch ? reads_during : reads_after);
  }
  // After the last chunk only what came since the writer last waited is left to read: the last
  // Odoo page (200 rows) and what was short of a full read-back page before it.
  EXPECT_GE(reads_during, 2u) << reads_after;
  EXPECT_LE(reads_after, 2u) << reads_during;
  ExpectSheetEqualsSource("res.partner", fields, "Partners");
}

}  // namespace
}  // namespace xlsync::fakes
