// Runs that meet throttling, expiring tokens and sessions, gateway timeouts and dropped
// connections still end with the sheet exactly equal to the source: no row missing, none twice.
#include <gmock/gmock.h>

#include <atomic>
#include <thread>

#include "tests/integration/export_world.h"

namespace xlsync::fakes {
namespace {

using ::testing::HasSubstr;

const std::vector<std::string> kFields = {"name", "email", "is_company", "customer_rank", "write_date"};

class ExportFaultsTest : public ExportWorld {
 protected:
  /// Runs `action` once the fake has seen `patches` range PATCHes (i.e. mid-run).
  std::thread WhenPatched(size_t patches, std::function<void()> action) {
    return std::thread([this, patches, action = std::move(action)] {
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
      while (GraphRequests("range", "PATCH") < patches && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
      action();
    });
  }
  /// Slows each Graph call a little so a mid-run action lands mid-run.
  void SlowGraph() { graph_->SetLatency(std::chrono::milliseconds(40), std::chrono::microseconds(0)); }
};

TEST_F(ExportFaultsTest, SurvivesAThrottlingStormHonouringRetryAfter) {
  Start({{"res.partner", 20'000}});
  FaultSpec throttled = FaultSpec::Status(429, "PATCH", "/range(", 3);
  throttled.retry_after_seconds = 1;
  throttled.skip = 1;
  ASSERT_TRUE(graph_->InjectFault(throttled));
  FaultSpec unavailable = FaultSpec::Status(503, "PATCH", "/range(", 2);
  unavailable.retry_after_seconds = 1;
  unavailable.skip = 4;
  ASSERT_TRUE(graph_->InjectFault(unavailable));
  const auto started = std::chrono::steady_clock::now();
  const auto result = Xlsync("export", TaskArgs("res.partner", kFields, "Storm"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::seconds(5)) << "five Retry-After: 1 waits";
  EXPECT_THAT(result.out, HasSubstr(", 5 retries"));
  ExpectSheetEqualsSource("res.partner", kFields, "Storm");
}

TEST_F(ExportFaultsTest, RenewsATokenThatExpiresMidRun) {
  Start({{"res.partner", 20'000}});
  SlowGraph();
  auto expire = WhenPatched(2, [this] { graph_->ExpireAllTokens(); });
  const auto result = Xlsync("export", TaskArgs("res.partner", kFields, "Tokens"));
  expire.join();
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_GE(GraphRequests("token"), 2u);
  ExpectSheetEqualsSource("res.partner", kFields, "Tokens");
}

TEST_F(ExportFaultsTest, RecreatesAWorkbookSessionThatExpiresMidRun) {
  Start({{"res.partner", 20'000}});
  SlowGraph();
  auto kill = WhenPatched(2, [this] { graph_->KillAllSessions(); });
  const auto result = Xlsync("export", TaskArgs("res.partner", kFields, "Sessions"));
  kill.join();
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_GE(GraphRequests("session", "POST"), 2u) << "a new session was created";
  ExpectSheetEqualsSource("res.partner", kFields, "Sessions");
}

TEST_F(ExportFaultsTest, RetriesAChunkAfterATransientGatewayTimeout) {
  Start({{"res.partner", 20'000}});
  FaultSpec timeout = FaultSpec::Status(504, "PATCH", "/range(", 1);
  timeout.skip = 2;
  ASSERT_TRUE(graph_->InjectFault(timeout));
  const auto result = Xlsync("export", TaskArgs("res.partner", kFields, "Gateway"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr(", 1 retries"));
  ExpectSheetEqualsSource("res.partner", kFields, "Gateway");
}

TEST_F(ExportFaultsTest, ReplaysAChunkWhoseConnectionDroppedAfterItWasApplied) {
  Start({{"res.partner", 20'000}});
  ASSERT_TRUE(graph_->InjectFault(FaultSpec::Reset(FaultKind::kResetAfterApply, "PATCH", "/range(", 1)));
  ASSERT_TRUE(graph_->InjectFault(FaultSpec::Reset(FaultKind::kResetBeforeApply, "PATCH", "/range(", 1)));
  const auto result = Xlsync("export", TaskArgs("res.partner", kFields, "Resets"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  ExpectSheetEqualsSource("res.partner", kFields, "Resets");
}

TEST_F(ExportFaultsTest, RetriesOdooBehindAProxyThatAnswers502) {
  Start({{"res.partner", 5'000}});
  FaultRule proxy;
  proxy.method = "search_read";
  proxy.status = 502;
  proxy.count = 2;
  proxy.skip = 1;
  odoo_->InjectFault(proxy);
  const auto result = Xlsync("export", TaskArgs("res.partner", kFields, "Proxy"));
  ASSERT_EQ(result.exit_code, 0) << result.err;
  ExpectSheetEqualsSource("res.partner", kFields, "Proxy");
}

}  // namespace
}  // namespace xlsync::fakes
