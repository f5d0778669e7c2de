// Workbook sessions (msgraph.md §6.2) on the fake Graph.
#include <gmock/gmock.h>

#include "tests/unit/fakes/fake_graph_fixture.h"

namespace xlsync::fakes {
namespace {

using ::testing::ElementsAre;
using ::testing::StartsWith;

class FakeGraphSessionTest : public FakeGraphTest {
 protected:
  std::string CreateSession(bool persist = true) {
    const auto reply = Graph(http::Method::kPost, Workbook() + "/createSession",
                             nlohmann::json({{"persistChanges", persist}}).dump());
    EXPECT_EQ(reply.status, 201) << reply.body;
    return Json(reply).value("id", "");
  }
  http::Response InSession(const std::string& session, http::Method method, const std::string& path,
                           std::string body = "") {
    return Graph(method, path, std::move(body), {{"workbook-session-id", session}});
  }
};

TEST_F(FakeGraphSessionTest, CreateSessionAnswers201WithAnOpaqueId) {
  const auto reply =
      Graph(http::Method::kPost, Workbook() + "/createSession", R"({"persistChanges":true})");
  ASSERT_EQ(reply.status, 201);
  EXPECT_EQ(Json(reply)["persistChanges"], true);
  EXPECT_GT(Json(reply)["id"].get<std::string>().size(), 40u);
  EXPECT_EQ(fake_->SessionIds().size(), 1u);
}

TEST_F(FakeGraphSessionTest, CreateSessionRequiresPersistChanges) {
  const auto reply = Graph(http::Method::kPost, Workbook() + "/createSession", "{}");
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(Codes(reply), ElementsAre("badRequest", "invalidArgument"));
}

TEST_F(FakeGraphSessionTest, RefreshAndCloseAnswer204AndAClosedSessionIsGone) {
  const std::string session = CreateSession();
  EXPECT_EQ(InSession(session, http::Method::kPost, Workbook() + "/refreshSession").status, 204);
  EXPECT_EQ(InSession(session, http::Method::kGet, Workbook() + "/worksheets").status, 200);
  EXPECT_EQ(InSession(session, http::Method::kPost, Workbook() + "/closeSession").status, 204);
  const auto after = InSession(session, http::Method::kGet, Workbook() + "/worksheets");
  EXPECT_EQ(after.status, 404);
  EXPECT_THAT(Codes(after), ElementsAre("notFound", "invalidSessionReCreatable"));
}

TEST_F(FakeGraphSessionTest, RefreshWithoutTheSessionHeaderIs400) {
  EXPECT_EQ(Graph(http::Method::kPost, Workbook() + "/refreshSession").status, 400);
  EXPECT_EQ(Graph(http::Method::kPost, Workbook() + "/closeSession").status, 400);
}

TEST_F(FakeGraphSessionTest, ASessionExpiresAfterFiveIdleMinutes) {
  const std::string session = CreateSession();
  clock_.Advance(std::chrono::minutes(4));
  ASSERT_EQ(InSession(session, http::Method::kGet, Workbook() + "/worksheets").status, 200);
  clock_.Advance(std::chrono::minutes(4));  // 8 minutes old, but only 4 idle
  ASSERT_EQ(InSession(session, http::Method::kPost, Workbook() + "/refreshSession").status, 204);
  clock_.Advance(std::chrono::minutes(5) + std::chrono::seconds(1));
  const auto expired = InSession(session, http::Method::kPatch, Range("A1"), R"({"values":[[1]]})");
  EXPECT_EQ(expired.status, 404);
  EXPECT_THAT(Codes(expired), ElementsAre("notFound", "invalidSessionReCreatable"));
  EXPECT_EQ(Snapshot().used_range_values, "A1");
  EXPECT_TRUE(Snapshot().rows.empty());
}

TEST_F(FakeGraphSessionTest, AKilledSessionIsReCreatable) {
  const std::string session = CreateSession();
  EXPECT_TRUE(fake_->KillSession(session));
  EXPECT_THAT(Codes(InSession(session, http::Method::kGet, Workbook() + "/worksheets")),
              ElementsAre("notFound", "invalidSessionReCreatable"));
}

TEST_F(FakeGraphSessionTest, CallsWithoutASessionStillPersist) {
  ASSERT_EQ(Patch("A1", {{"values", Grid({{7}})}}).status, 200);
  EXPECT_EQ(Snapshot().At("A1").value, core::Cell::Number(7));
}

TEST_F(FakeGraphSessionTest, ANonPersistentSessionWorksOnAScratchCopy) {
  const std::string session = CreateSession(false);
  ASSERT_EQ(
      InSession(session, http::Method::kPatch, Range("A1"), R"({"values":[["scratch"]]})").status,
      200);
  const auto read = InSession(session, http::Method::kGet, Range("A1"));
  EXPECT_EQ(Json(read)["values"], nlohmann::json::parse(R"([["scratch"]])"));
  EXPECT_EQ(Snapshot().At("A1").value, core::Cell::Empty());
}

TEST_F(FakeGraphSessionTest, AsyncCreateSessionAnswers202AndIsPolledToSuccess) {
  fake_->SetAsyncCreateSession(true);
  const auto accepted = Graph(http::Method::kPost, Workbook() + "/createSession",
                              R"({"persistChanges":true})", {{"Prefer", "respond-async"}});
  ASSERT_EQ(accepted.status, 202);
  EXPECT_TRUE(accepted.body.empty());
  const std::string location = accepted.headers.Get("Location").value_or("");
  ASSERT_THAT(location, StartsWith(fake_->url() + "/v1.0/drives/"));
  const std::string operation = location.substr(fake_->url().size());
  EXPECT_EQ(Json(Get(operation))["status"], "running");
  const auto done = Json(Get(operation));
  ASSERT_EQ(done["status"], "succeeded");
  const std::string info = done["resourceLocation"].get<std::string>().substr(fake_->url().size());
  const auto session = Json(Get(info));
  EXPECT_EQ(session["persistChanges"], true);
  EXPECT_EQ(InSession(session["id"], http::Method::kGet, Workbook() + "/worksheets").status, 200);
}

TEST_F(FakeGraphSessionTest, AsyncModeStillAnswers201WithoutPreferRespondAsync) {
  fake_->SetAsyncCreateSession(true);
  EXPECT_FALSE(CreateSession().empty());
}

TEST_F(FakeGraphSessionTest, AFolderOrANonXlsxFileIsNotAWorkbook) {
  const std::string folder = fake_->AddFolder(ids_.drive_id, "/Archive");
  const std::string xls = fake_->AddFile(ids_.drive_id, "/Archive/Old.xls");
  const auto on_folder = Get(Drive() + "/items/" + folder + "/workbook/worksheets");
  EXPECT_EQ(on_folder.status, 400);
  EXPECT_THAT(Codes(on_folder), ElementsAre("badRequest", "invalidArgument"));
  const auto on_xls =
      Graph(http::Method::kPost, Drive() + "/items/" + xls + "/workbook/createSession",
            R"({"persistChanges":true})");
  EXPECT_EQ(on_xls.status, 400);
  EXPECT_THAT(Codes(on_xls), ElementsAre("badRequest", "unsupportedWorkbook"));
}

}  // namespace
}  // namespace xlsync::fakes
