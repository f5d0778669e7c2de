// Faults, latency, the request log and the control routes of the fake Graph (msgraph.md §10).
#include <gmock/gmock.h>

#include "tests/unit/fakes/fake_graph_fixture.h"

namespace xlsync::fakes {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;

struct StatusFaultCase {
  int status;
  std::vector<std::string> codes;  // on a workbook range call
};

class StatusFaultTest : public FakeGraphTest,
                        public ::testing::WithParamInterface<StatusFaultCase> {};

TEST_P(StatusFaultTest, AnswersTheStatusWithItsErrorShapeAndLeavesTheSheetAlone) {
  const auto& param = GetParam();
  ASSERT_TRUE(fake_->InjectFault(FaultSpec::Status(param.status, "PATCH", "range(")));
  const auto reply = Patch("A1", {{"values", Grid({{1}})}});
  EXPECT_EQ(reply.status, param.status) << reply.body;
  EXPECT_THAT(Codes(reply), ElementsAreArray(param.codes));
  EXPECT_TRUE(Json(reply)["error"]["innerError"].contains("request-id"));
  EXPECT_TRUE(Snapshot().rows.empty());
  EXPECT_EQ(Patch("A1", {{"values", Grid({{1}})}}).status, 200);  // count 1: the next one passes
}

INSTANTIATE_TEST_SUITE_P(
    Statuses, StatusFaultTest,
    ::testing::Values(
        StatusFaultCase{401, {"InvalidAuthenticationToken"}},
        StatusFaultCase{403, {"forbidden", "accessDenied"}},
        StatusFaultCase{404, {"notFound", "itemNotFound"}},
        StatusFaultCase{409, {"conflict", "accessConflict"}},
        StatusFaultCase{412, {"resourceModified", "preconditionFailed"}},
        StatusFaultCase{423, {"notAllowed", "resourceLocked"}},
        StatusFaultCase{429, {"tooManyRequests", "tooManyRequestsUncategorized"}},
        StatusFaultCase{
            500,
            {"internalServerError", "internalServerErrorUncategorized", "GenericFileOpenError"}},
        StatusFaultCase{502, {"badGateway"}},
        StatusFaultCase{503, {"serviceUnavailable", "serviceUnavailableUncategorized"}},
        StatusFaultCase{504, {"MaxRequestDurationExceeded", "gatewayTimeoutUncategorized"}}),
    [](const auto& test_info) { return "Status" + std::to_string(test_info.param.status); });

TEST_F(FakeGraphTest, A429FaultCarriesItsRetryAfter) {
  FaultSpec fault = FaultSpec::Status(429, "PATCH", "range(", 2);
  fault.retry_after_seconds = 7;
  ASSERT_TRUE(fake_->InjectFault(fault));
  EXPECT_EQ(Patch("A1", {{"values", Grid({{1}})}}).headers.Get("Retry-After"), "7");
  EXPECT_EQ(Patch("A1", {{"values", Grid({{1}})}}).status, 429);
  EXPECT_EQ(Patch("A1", {{"values", Grid({{1}})}}).status, 200);
}

TEST_F(FakeGraphTest, A503FaultHasRetryAfterOnlyWhenAsked) {
  ASSERT_TRUE(fake_->InjectFault(FaultSpec::Status(503, "GET", "/drive")));
  const auto bare = Get(Drive());
  EXPECT_EQ(bare.status, 503);
  EXPECT_FALSE(bare.headers.Get("Retry-After").has_value());
  EXPECT_THAT(Codes(bare), ElementsAre("serviceNotAvailable"));
  FaultSpec with_wait = FaultSpec::Status(503, "GET", "/drive");
  with_wait.retry_after_seconds = 3;
  ASSERT_TRUE(fake_->InjectFault(with_wait));
  EXPECT_EQ(Get(Drive()).headers.Get("Retry-After"), "3");
}

TEST_F(FakeGraphTest, SkipLetsMatchingRequestsThroughFirstAndRegexMatchesPaths) {
  FaultSpec fault = FaultSpec::Status(500, "PATCH", "");
  fault.path_regex = R"(range\(address='A3)";
  fault.skip = 1;
  ASSERT_TRUE(fake_->InjectFault(fault));
  EXPECT_EQ(Patch("A1", {{"values", Grid({{1}})}}).status, 200);  // no match
  EXPECT_EQ(Patch("A3", {{"values", Grid({{1}})}}).status, 200);  // skipped
  EXPECT_EQ(Patch("A3", {{"values", Grid({{1}})}}).status, 500);
  EXPECT_EQ(Patch("A3", {{"values", Grid({{1}})}}).status, 200);
}

TEST_F(FakeGraphTest, AnUnsupportedFaultIsRefused) {
  EXPECT_FALSE(fake_->InjectFault(FaultSpec::Status(418, "", "")));
  FaultSpec bad_regex = FaultSpec::Status(500, "", "");
  bad_regex.path_regex = "(";
  EXPECT_FALSE(fake_->InjectFault(bad_regex));
}

TEST_F(FakeGraphTest, AResetBeforeApplyDropsTheConnectionWithoutWriting) {
  ASSERT_TRUE(
      fake_->InjectFault(FaultSpec::Reset(FaultKind::kResetBeforeApply, "PATCH", "range(")));
  auto reply = Raw(http::Method::kPatch, Range("A1"), R"({"values":[[1]]})",
                   {{"Authorization", "Bearer " + Token()}, {"Content-Type", "application/json"}});
  EXPECT_FALSE(reply.has_value());
  EXPECT_TRUE(Snapshot().rows.empty());
  EXPECT_EQ(fake_->RequestLog().back().fault, "reset_before_apply");
  EXPECT_EQ(Patch("A1", {{"values", Grid({{1}})}}).status, 200);
}

TEST_F(FakeGraphTest, AResetAfterApplyWritesThenDropsTheConnection) {
  ASSERT_TRUE(fake_->InjectFault(FaultSpec::Reset(FaultKind::kResetAfterApply, "PATCH", "range(")));
  auto reply = Raw(http::Method::kPatch, Range("A1"), R"({"values":[[42]]})",
                   {{"Authorization", "Bearer " + Token()}, {"Content-Type", "application/json"}});
  EXPECT_FALSE(reply.has_value());
  EXPECT_EQ(Snapshot().At("A1").value, core::Cell::Number(42));
  EXPECT_EQ(fake_->RequestLog().back().status, 0);
}

TEST_F(FakeGraphTest, TokenEndpointFaultsUseTheIdentityPlatformShape) {
  FaultSpec fault = FaultSpec::Status(503, "POST", "/oauth2/v2.0/token");
  fault.retry_after_seconds = 1;
  ASSERT_TRUE(fake_->InjectFault(fault));
  const auto reply = RequestToken(DemoForm());
  EXPECT_EQ(reply.status, 503);
  EXPECT_EQ(Json(reply)["error"], "temporarily_unavailable");
  EXPECT_EQ(reply.headers.Get("Retry-After"), "1");
  EXPECT_EQ(RequestToken(DemoForm()).status, 200);
}

TEST_F(FakeGraphTest, ControlRoutesArmFaultsAndReadTheLog) {
  const auto armed = Send(
      http::Method::kPost, "/__fake__/faults",
      R"({"method":"GET","path_contains":"/worksheets","status":429,"retry_after":2,"count":1})",
      {{"Content-Type", "application/json"}});
  ASSERT_EQ(armed.status, 201) << armed.body;
  const auto throttled = Get(Workbook() + "/worksheets");
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.headers.Get("Retry-After"), "2");
  EXPECT_EQ(Get(Workbook() + "/worksheets").status, 200);
  EXPECT_EQ(Send(http::Method::kPost, "/__fake__/faults", R"({"kind":"explode"})").status, 400);

  const auto log = Json(Send(http::Method::kGet, "/__fake__/log"));
  const auto& requests = log["requests"];
  ASSERT_GE(requests.size(), 3u);
  EXPECT_EQ(requests[0]["route_kind"], "token");
  EXPECT_EQ(requests[1]["status"], 429);
  EXPECT_EQ(requests[1]["fault"], "status");
  EXPECT_EQ(log["counters"]["by_route_kind"]["worksheet"], 2);
}

TEST_F(FakeGraphTest, ControlRoutesKillSessionsExpireTokensAndReset) {
  const auto created =
      Graph(http::Method::kPost, Workbook() + "/createSession", R"({"persistChanges":true})");
  const std::string session = Json(created)["id"];
  ASSERT_EQ(Patch("A1", {{"values", Grid({{1}})}}).status, 200);
  EXPECT_EQ(Send(http::Method::kPost, "/__fake__/sessions/kill",
                 nlohmann::json({{"session_id", session}}).dump())
                .status,
            204);
  EXPECT_EQ(
      Graph(http::Method::kGet, Workbook() + "/worksheets", "", {{"workbook-session-id", session}})
          .status,
      404);
  EXPECT_EQ(Send(http::Method::kPost, "/__fake__/tokens/expire").status, 204);
  EXPECT_EQ(Get(Drive()).status, 401);
  EXPECT_EQ(Send(http::Method::kPost, "/__fake__/reset").status, 204);
  EXPECT_TRUE(Snapshot().rows.empty());
  EXPECT_TRUE(fake_->RequestLog().empty());
}

TEST_F(FakeGraphTest, TheLogRecordsBytesSessionsAndCounters) {
  const auto created =
      Graph(http::Method::kPost, Workbook() + "/createSession", R"({"persistChanges":true})");
  const std::string session = Json(created)["id"];
  const std::string body = R"({"values":[[1,2],[3,4]]})";
  ASSERT_EQ(
      Graph(http::Method::kPatch, Range("A1:B2"), body, {{"workbook-session-id", session}}).status,
      200);
  const auto log = fake_->RequestLog();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[1].session_id, session);  // createSession logs the id it handed out
  EXPECT_EQ(log[2].method, "PATCH");
  EXPECT_EQ(log[2].request_bytes, body.size());
  EXPECT_EQ(log[2].session_id, session);
  EXPECT_EQ(log[2].route_kind, "range");
  const auto counters = fake_->Counters();
  EXPECT_EQ(counters.cells_written, 4u);
  EXPECT_EQ(counters.max_request_bytes,
            std::max(log[0].request_bytes, body.size()));  // the token form is larger
  EXPECT_EQ(counters.by_route_kind.at("session"), 1u);
}

class FakeGraphLatencyTest : public FakeGraphTest {
 protected:
  void Configure(FakeGraphOptions& options) override { options.sleeper = &sleeper_; }
  RecordingSleeper sleeper_;
};

TEST_F(FakeGraphLatencyTest, WaitsPerCallPerKibibyteAndPerDelayFault) {
  Token();
  fake_->SetLatency(std::chrono::milliseconds(20), std::chrono::microseconds(1000));
  const std::string body = R"({"values":[[")" + std::string(10 * 1024, 'x') + R"("]]})";
  ASSERT_EQ(Graph(http::Method::kPatch, Range("A1") + "?$select=address", body).status, 200);
  FaultSpec delay = FaultSpec::Reset(FaultKind::kDelay, "GET", "/drive");
  delay.delay = std::chrono::milliseconds(500);
  ASSERT_TRUE(fake_->InjectFault(delay));
  fake_->SetLatency(std::chrono::milliseconds(0), std::chrono::microseconds(0));
  ASSERT_EQ(Get(Drive()).status, 200);
  const auto waits = sleeper_.waits();
  ASSERT_EQ(waits.size(), 2u);
  EXPECT_GE(waits[0], std::chrono::milliseconds(30));  // 20 ms + ~10 KiB x 1 ms
  EXPECT_LE(waits[0], std::chrono::milliseconds(31));
  EXPECT_EQ(waits[1], std::chrono::milliseconds(500));
}

}  // namespace
}  // namespace xlsync::fakes
