#include "msgraph/workbook_session.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "msgraph/workbook.h"
#include "tests/unit/msgraph/graph_test_support.h"

namespace xlsync::msgraph {
namespace {

using namespace std::chrono_literals;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

constexpr char kWorkbook[] = "/drives/b!d/items/01A/workbook";
constexpr char kOperation[] =
    "https://graph.microsoft.com/v1.0/drives/b!d/items/01A/workbook/operations/op1";

http::Response SessionCreated(const std::string& id) {
  return fakes::Reply(201, R"({"id":")" + id + R"(","persistChanges":true})");
}

http::Response Operation(const std::string& status, const std::string& extra = "") {
  return fakes::Reply(200, R"({"id":"op1","status":")" + status + "\"" + extra + "}");
}

struct SessionHarness : fakes::GraphHarness {
  Workbook workbook{graph, clock, sleeper, DriveItem{"b!d", "01A", "Sales.xlsx", "", false}};
  const Worksheet sheet{"{00000000-0001-0000-0000-000000000000}", "Orders", 0};

  /// The recorded requests after the token request.
  std::vector<http::Request> GraphRequests() const {
    auto all = http.requests();
    std::erase_if(
        all, [](const http::Request& r) { return r.url.find("/oauth2/") != std::string::npos; });
    return all;
  }
};

TEST(WorkbookSessionTest, OpensAPersistentSessionAndSendsItsIdOnEveryCall) {
  SessionHarness h;
  h.EnqueueToken();
  h.http.Enqueue(SessionCreated("cluster=PS1&session=15.SN3.abc"));
  h.http.Enqueue(fakes::Reply(200, R"({"value":[]})"));

  ASSERT_TRUE(h.workbook.Open());
  ASSERT_TRUE(h.workbook.Worksheets());

  const auto requests = h.GraphRequests();
  ASSERT_THAT(requests, SizeIs(2));
  EXPECT_EQ(requests[0].method, http::Method::kPost);
  EXPECT_EQ(fakes::GraphPath(requests[0]), std::string(kWorkbook) + "/createSession");
  EXPECT_EQ(requests[0].body, R"({"persistChanges":true})");
  EXPECT_EQ(requests[0].headers.Get("Prefer"), "respond-async");
  EXPECT_FALSE(requests[0].headers.Get("workbook-session-id"));
  EXPECT_EQ(requests[1].headers.Get("workbook-session-id"), "cluster=PS1&session=15.SN3.abc");
  EXPECT_EQ(h.workbook.sessions_created(), 1);
}

TEST(WorkbookSessionTest, OpensTheSessionOnFirstUseWhenNotOpenedYet) {
  SessionHarness h;
  h.EnqueueToken();
  h.http.Enqueue(SessionCreated("s1"));
  h.http.Enqueue(fakes::Reply(200, R"({"value":[]})"));

  ASSERT_TRUE(h.workbook.Worksheets());
  EXPECT_EQ(h.workbook.sessions_created(), 1);
  EXPECT_EQ(h.GraphRequests()[1].headers.Get("workbook-session-id"), "s1");
}

TEST(WorkbookSessionTest, Follows202ByPollingTheOperationWithoutTheSessionHeader) {
  SessionHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::Reply(202, "", {{"Location", kOperation}}));
  h.http.Enqueue(Operation("running"));
  h.http.Enqueue(Operation(
      "succeeded",
      R"json(,"resourceLocation":"https://graph.microsoft.com/v1.0/drives/b!d/items/01A/workbook/sessionInfoResource(key='k1')")json"));
  h.http.Enqueue(SessionCreated("from-202"));
  h.http.Enqueue(fakes::Reply(200, R"({"value":[]})"));

  ASSERT_TRUE(h.workbook.Open());
  ASSERT_TRUE(h.workbook.Worksheets());

  const auto requests = h.GraphRequests();
  ASSERT_THAT(requests, SizeIs(5));
  EXPECT_EQ(fakes::GraphPath(requests[1]), std::string(kWorkbook) + "/operations/op1");
  EXPECT_EQ(requests[1].method, http::Method::kGet);
  EXPECT_FALSE(requests[1].headers.Get("workbook-session-id"));
  EXPECT_EQ(fakes::GraphPath(requests[3]),
            std::string(kWorkbook) + "/sessionInfoResource(key='k1')");
  EXPECT_EQ(requests[4].headers.Get("workbook-session-id"), "from-202");
  EXPECT_THAT(h.sleeper.waits(), ElementsAre(1s));
  EXPECT_EQ(h.workbook.sessions_created(), 1);
}

TEST(WorkbookSessionTest, ReportsAFailedOperationInPlainWords) {
  SessionHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::Reply(202, "", {{"Location", kOperation}}));
  h.http.Enqueue(Operation("failed",
                           R"(,"error":{"code":"internalServerError","message":"m",)"
                           R"("innerError":{"code":"GenericFileOpenError","message":"m"}})"));

  auto opened = h.workbook.Open();

  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().upstream, "GenericFileOpenError");
  EXPECT_EQ(opened.error().message,
            "Excel for the web could not open the workbook: check that it opens in the browser, "
            "then try again in a few minutes.");
  EXPECT_EQ(h.workbook.sessions_created(), 0);
}

TEST(WorkbookSessionTest, PollsEverLessOftenAndGivesUpAfterFiveMinutes) {
  SessionHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::Reply(202, "", {{"Location", kOperation}}));
  for (int i = 0; i < 15; ++i) h.http.Enqueue(Operation(i == 0 ? "notStarted" : "running"));

  auto opened = h.workbook.Open();

  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, core::ErrorCode::kTimeout);
  EXPECT_EQ(opened.error().message,
            "Excel took more than five minutes to open the workbook: try again later, or check "
            "that the workbook opens in the browser.");
  const auto waits = h.sleeper.waits();
  ASSERT_THAT(waits, SizeIs(14));
  EXPECT_EQ(waits[0], 1s);
  EXPECT_EQ(waits[4], 16s);
  EXPECT_EQ(waits[5], 30s);
  EXPECT_EQ(waits[13], 30s);
  EXPECT_EQ(h.http.pending(), 0u);
}

TEST(WorkbookSessionTest, Refuses202LocationsOutsideGraph) {
  SessionHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::Reply(202, "", {{"Location", "https://elsewhere.example/op"}}));

  auto opened = h.workbook.Open();

  ASSERT_FALSE(opened);
  EXPECT_THAT(h.GraphRequests(), SizeIs(1));
}

TEST(WorkbookSessionTest, RepeatsCreateSessionAfterA504) {
  SessionHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::GraphError(504, "gatewayTimeout", "x"));
  h.http.Enqueue(SessionCreated("s1"));

  ASSERT_TRUE(h.workbook.Open());
  EXPECT_THAT(h.GraphRequests(), SizeIs(2));
  EXPECT_THAT(h.sleeper.waits(), SizeIs(1));
}

TEST(WorkbookSessionTest, RecreatesALostSessionAndReplaysThePatch) {
  SessionHarness h;
  h.EnqueueToken();
  h.http.Enqueue(SessionCreated("s1"));
  h.http.Enqueue(
      fakes::GraphError(404, "notFound", "The session is invalid.", "invalidSessionReCreatable"));
  h.http.Enqueue(SessionCreated("s2"));
  h.http.Enqueue(fakes::Reply(200, R"({"address":"Orders!A2:B2"})"));

  auto written = h.workbook.PatchRange(h.sheet, "A2:B2", R"({"values":[[1,2]]})");

  ASSERT_TRUE(written) << written.error().message;
  const auto requests = h.GraphRequests();
  ASSERT_THAT(requests, SizeIs(4));
  EXPECT_EQ(requests[1].headers.Get("workbook-session-id"), "s1");
  EXPECT_EQ(fakes::GraphPath(requests[2]), std::string(kWorkbook) + "/createSession");
  EXPECT_EQ(requests[3].method, http::Method::kPatch);
  EXPECT_EQ(requests[3].headers.Get("workbook-session-id"), "s2");
  EXPECT_EQ(requests[3].body, R"({"values":[[1,2]]})");
  EXPECT_EQ(h.workbook.sessions_created(), 2);
}

TEST(WorkbookSessionTest, RecreatesTheSessionOn502AndReplaysAnIdempotentCall) {
  SessionHarness h;
  h.EnqueueToken();
  h.http.Enqueue(SessionCreated("s1"));
  h.http.Enqueue(fakes::GraphError(502, "badGateway", "x"));
  h.http.Enqueue(SessionCreated("s2"));
  h.http.Enqueue(fakes::Reply(200, "{}"));

  ASSERT_TRUE(h.workbook.PatchRange(h.sheet, "A1", R"({"values":[[1]]})"));
  EXPECT_EQ(h.workbook.sessions_created(), 2);
  EXPECT_THAT(h.sleeper.waits(), IsEmpty());  // no backoff on a dead session
}

TEST(WorkbookSessionTest, KeepsTheSessionThroughA503WithRetryAfter) {
  SessionHarness h;
  h.EnqueueToken();
  h.http.Enqueue(SessionCreated("s1"));
  h.http.Enqueue(fakes::GraphError(503, "serviceNotAvailable", "x", "", {{"Retry-After", "5"}}));
  h.http.Enqueue(fakes::Reply(200, "{}"));

  ASSERT_TRUE(h.workbook.PatchRange(h.sheet, "A1", R"({"values":[[1]]})"));
  EXPECT_EQ(h.workbook.sessions_created(), 1);
  EXPECT_THAT(h.sleeper.waits(), ElementsAre(5s));
}

TEST(WorkbookSessionTest, DoesNotReplayANonIdempotentCallThatMayHaveRunBefore502) {
  SessionHarness h;
  h.EnqueueToken();
  h.http.Enqueue(SessionCreated("s1"));
  h.http.Enqueue(fakes::GraphError(502, "badGateway", "x"));
  h.http.Enqueue(SessionCreated("s2"));

  auto added = h.workbook.AddWorksheet("Orders");

  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().upstream, "badGateway");
  EXPECT_THAT(h.GraphRequests(), SizeIs(3));
  EXPECT_EQ(h.workbook.sessions_created(), 2);  // the next call finds a live session
}

TEST(WorkbookSessionTest, GivesUpWhenTheNewSessionIsLostToo) {
  SessionHarness h;
  h.EnqueueToken();
  h.http.Enqueue(SessionCreated("s1"));
  h.http.Enqueue(fakes::GraphError(404, "notFound", "x", "invalidSessionReCreatable"));
  h.http.Enqueue(SessionCreated("s2"));
  h.http.Enqueue(fakes::GraphError(404, "notFound", "x", "invalidSessionReCreatable"));

  auto written = h.workbook.PatchRange(h.sheet, "A1", R"({"values":[[1]]})");

  ASSERT_FALSE(written);
  EXPECT_TRUE(IsSessionLost(written.error()));
  EXPECT_EQ(h.workbook.sessions_created(), 2);
}

TEST(WorkbookSessionTest, StopsOnAWorkbookLockedByAnotherEditor) {
  SessionHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::GraphError(409, "conflict", "x", "invalidSessionAccessConflict"));

  auto opened = h.workbook.Open();

  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, core::ErrorCode::kConflict);
  EXPECT_EQ(opened.error().upstream, "invalidSessionAccessConflict");
}

TEST(WorkbookSessionTest, KeepAliveRefreshesOnlyAfterTwoIdleMinutes) {
  SessionHarness h;
  h.EnqueueToken();
  h.http.Enqueue(SessionCreated("s1"));
  h.http.Enqueue(fakes::Reply(204));
  ASSERT_TRUE(h.workbook.Open());

  h.clock.Advance(119s);
  ASSERT_TRUE(h.workbook.KeepAlive());
  EXPECT_THAT(h.GraphRequests(), SizeIs(1));

  h.clock.Advance(1s);
  ASSERT_TRUE(h.workbook.KeepAlive());
  ASSERT_THAT(h.GraphRequests(), SizeIs(2));
  const http::Request refresh = h.GraphRequests()[1];
  EXPECT_EQ(refresh.method, http::Method::kPost);
  EXPECT_EQ(fakes::GraphPath(refresh), std::string(kWorkbook) + "/refreshSession");
  EXPECT_EQ(refresh.headers.Get("workbook-session-id"), "s1");

  ASSERT_TRUE(h.workbook.KeepAlive());  // just refreshed
  EXPECT_THAT(h.GraphRequests(), SizeIs(2));
}

TEST(WorkbookSessionTest, KeepAliveReopensASessionThatExpired) {
  SessionHarness h;
  h.EnqueueToken();
  h.http.Enqueue(SessionCreated("s1"));
  h.http.Enqueue(fakes::GraphError(404, "notFound", "x", "invalidSessionReCreatable"));
  h.http.Enqueue(SessionCreated("s2"));
  ASSERT_TRUE(h.workbook.Open());
  h.clock.Advance(10min);

  ASSERT_TRUE(h.workbook.KeepAlive());
  EXPECT_EQ(h.workbook.sessions_created(), 2);
}

TEST(WorkbookSessionTest, ClosesTheSessionOnce) {
  SessionHarness h;
  h.EnqueueToken();
  h.http.Enqueue(SessionCreated("s1"));
  h.http.Enqueue(fakes::Reply(204));
  ASSERT_TRUE(h.workbook.Open());

  ASSERT_TRUE(h.workbook.Close());
  ASSERT_TRUE(h.workbook.Close());

  const auto requests = h.GraphRequests();
  ASSERT_THAT(requests, SizeIs(2));
  EXPECT_EQ(fakes::GraphPath(requests[1]), std::string(kWorkbook) + "/closeSession");
  EXPECT_EQ(requests[1].headers.Get("workbook-session-id"), "s1");
}

TEST(WorkbookSessionTest, ReturnsACloseFailureWithoutRetryingLong) {
  SessionHarness h;
  h.EnqueueToken();
  h.http.Enqueue(SessionCreated("s1"));
  h.http.Enqueue(fakes::Reply(500, ""));
  h.http.Enqueue(fakes::Reply(500, ""));
  ASSERT_TRUE(h.workbook.Open());

  auto closed = h.workbook.Close();

  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().code, core::ErrorCode::kUnavailable);
  EXPECT_THAT(h.GraphRequests(), SizeIs(3));
}

}  // namespace
}  // namespace xlsync::msgraph
