// Finding the drive and the workbook (msgraph.md §5) on the fake Graph.
#include <gmock/gmock.h>

#include "tests/unit/fakes/fake_graph_fixture.h"

namespace xlsync::fakes {
namespace {

using ::testing::ElementsAre;

std::string ShareId(const std::string& url) { return "u!" + http::Base64UrlEncode(url); }

TEST_F(FakeGraphTest, DiscoversTheUsersDriveByUpn) {
  const auto reply = Get("/v1.0/users/" + http::PercentEncode(ids_.user_upn) + "/drive");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto drive = Json(reply);
  EXPECT_EQ(drive["id"], ids_.drive_id);
  EXPECT_EQ(drive["driveType"], "business");
  EXPECT_TRUE(ids_.drive_id.starts_with("b!"));
}

TEST_F(FakeGraphTest, AnUnknownUserIs404) {
  const auto reply = Get("/v1.0/users/nobody%40contoso.onmicrosoft.com/drive");
  EXPECT_EQ(reply.status, 404);
  EXPECT_THAT(Codes(reply), ElementsAre("Request_ResourceNotFound"));
}

TEST_F(FakeGraphTest, AUserWithoutOneDriveIs404MysiteNotFound) {
  EXPECT_EQ(fake_->AddUser(ids_.tenant_id, "mailbox@contoso.onmicrosoft.com", false), "");
  const auto reply = Get("/v1.0/users/mailbox%40contoso.onmicrosoft.com/drive");
  EXPECT_EQ(reply.status, 404);
  EXPECT_THAT(Codes(reply), ElementsAre("ResourceNotFound"));
  EXPECT_EQ(Json(reply)["error"]["message"], "User's mysite not found.");
}

TEST_F(FakeGraphTest, FindsTheWorkbookByItemId) {
  const auto reply = Get(Drive() + "/items/" + ids_.item_id);
  ASSERT_EQ(reply.status, 200);
  const auto item = Json(reply);
  EXPECT_EQ(item["name"], "Odoo Export.xlsx");
  EXPECT_EQ(item["file"]["mimeType"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(item["parentReference"]["driveId"], ids_.drive_id);
  EXPECT_EQ(item["parentReference"]["path"], "/drives/" + ids_.drive_id + "/root:/Reports");
  EXPECT_FALSE(item.contains("folder"));
  EXPECT_TRUE(item["eTag"].get<std::string>().starts_with("\"{"));
}

TEST_F(FakeGraphTest, FindsTheWorkbookByPercentEncodedPath) {
  const auto plain = Get(Drive() + "/root:/Reports/Odoo%20Export.xlsx");
  ASSERT_EQ(plain.status, 200) << plain.body;
  EXPECT_EQ(Json(plain)["id"], ids_.item_id);
  const auto closed = Get(Drive() + "/root:/reports/ODOO%20EXPORT.xlsx:");
  EXPECT_EQ(Json(closed)["id"], ids_.item_id);
}

TEST_F(FakeGraphTest, AnUnknownPathIs404ItemNotFound) {
  const auto reply = Get(Drive() + "/root:/Reports/Missing.xlsx");
  EXPECT_EQ(reply.status, 404);
  EXPECT_THAT(Codes(reply), ElementsAre("itemNotFound"));
  EXPECT_EQ(Get(Drive() + "/items/01UNKNOWN").status, 404);
}

TEST_F(FakeGraphTest, AnUnencodedParenthesisInAPathIsAQuerySyntaxError) {
  fake_->AddWorkbook(ids_.drive_id, "/Reports/Q1 (draft).xlsx");
  EXPECT_EQ(Get(Drive() + "/root:/Reports/Q1%20(draft).xlsx").status, 400);
  EXPECT_EQ(Get(Drive() + "/root:/Reports/Q1%20%28draft%29.xlsx").status, 200);
}

TEST_F(FakeGraphTest, AFolderHasAFolderFacetAndChildCount) {
  const auto reply = Get(Drive() + "/root:/Reports");
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(Json(reply)["folder"]["childCount"], 1);
  EXPECT_FALSE(Json(reply).contains("file"));
}

TEST_F(FakeGraphTest, ResolvesASharingLinkEncodedAsUBang) {
  const auto reply = Get("/v1.0/shares/" + ShareId(ids_.share_url) + "/driveItem");
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(Json(reply)["id"], ids_.item_id);
  EXPECT_EQ(Json(reply)["parentReference"]["driveId"], ids_.drive_id);
}

TEST_F(FakeGraphTest, AnUnknownSharingLinkIs404AndAMalformedOneIs400) {
  EXPECT_EQ(
      Get("/v1.0/shares/" + ShareId("https://contoso.sharepoint.com/:x:/s/x/Nope") + "/driveItem")
          .status,
      404);
  EXPECT_EQ(Get("/v1.0/shares/u!%25%25%25/driveItem").status, 400);
}

TEST_F(FakeGraphTest, AMalformedDriveIdIs400) {
  const auto reply = Get("/v1.0/drives/not-a-drive/root");
  EXPECT_EQ(reply.status, 400);
  EXPECT_THAT(Codes(reply), ElementsAre("invalidRequest"));
}

TEST_F(FakeGraphTest, HonoursSelectOnADriveItem) {
  const auto reply = Get(Drive() + "/items/" + ids_.item_id + "?$select=id,name,folder");
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(Json(reply), nlohmann::json({{"id", ids_.item_id}, {"name", "Odoo Export.xlsx"}}));
  EXPECT_EQ(Get(Drive() + "/items/" + ids_.item_id + "?$select=nonsense").status, 400);
}

TEST_F(FakeGraphTest, AnotherTenantsDriveIsNotVisible) {
  fake_->AddTenant("66666666-6666-4666-8666-666666666666", {"fabrikam.onmicrosoft.com"});
  const std::string other =
      fake_->AddUser("fabrikam.onmicrosoft.com", "x@fabrikam.onmicrosoft.com");
  EXPECT_EQ(Get("/v1.0/drives/" + http::PercentEncode(other)).status, 404);
}

}  // namespace
}  // namespace xlsync::fakes
