#include "msgraph/drive_resolver.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/msgraph/graph_test_support.h"

namespace xlsync::msgraph {
namespace {

using ::testing::SizeIs;

constexpr char kDrive[] = R"({"id":"b!NstWBO7BLkaD832l","driveType":"business"})";

std::string ItemJson(const std::string& name,
                     const std::string& facet = R"("file":{"mimeType":"x"})") {
  return R"({"id":"01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K","name":")" + name +
         R"(","webUrl":"https://contoso.sharepoint.com/sites/Finance/Shared%20Documents/)" + name +
         R"(",)" + facet +
         R"(,"parentReference":{"driveId":"b!SiteDrive","driveType":"documentLibrary","id":"01P"}})";
}

struct ResolverHarness : fakes::GraphHarness {
  DriveResolver resolver{graph, "finance@contoso.com"};
};

TEST(WorkbookLocatorTest, ParsesLinksPathsAndItemIds) {
  struct Case {
    std::string text;
    WorkbookLocator::Kind kind;
    std::string value;
  };
  const Case cases[] = {
      {"https://contoso.sharepoint.com/:x:/s/Finance/Eb1?e=4Z", WorkbookLocator::Kind::kShareLink,
       "https://contoso.sharepoint.com/:x:/s/Finance/Eb1?e=4Z"},
      {"  HTTPS://contoso-my.sharepoint.com/:x:/g/personal/a/EYx  ",
       WorkbookLocator::Kind::kShareLink, "HTTPS://contoso-my.sharepoint.com/:x:/g/personal/a/EYx"},
      {"/Reports/Sales 2024.xlsx", WorkbookLocator::Kind::kPath, "/Reports/Sales 2024.xlsx"},
      {"01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K", WorkbookLocator::Kind::kItemId,
       "01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K"},
  };
  for (const Case& c : cases) {
    auto locator = WorkbookLocator::Parse(c.text);
    ASSERT_TRUE(locator) << c.text << ": " << locator.error().message;
    EXPECT_EQ(locator->kind, c.kind) << c.text;
    EXPECT_EQ(locator->value, c.value) << c.text;
  }
}

TEST(WorkbookLocatorTest, RejectsWhatNamesNoWorkbook) {
  struct Case {
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {"  ",
       "The workbook is missing: paste its OneDrive or SharePoint link, or give its path in "
       "the user's OneDrive (starting with /)."},
      {"http://contoso.sharepoint.com/x",
       "The workbook link \"http://contoso.sharepoint.com/x\" is "
       "not an https:// link: copy the link from OneDrive or SharePoint (Share, Copy link)."},
      {"/Reports/",
       "The workbook path \"/Reports/\" names a folder: end it with the workbook's "
       "file name, such as /Reports/Sales.xlsx."},
      {"Reports/Sales.xlsx",
       "The workbook \"Reports/Sales.xlsx\" is neither a link, a path "
       "starting with / nor an item id: paste the file's link, or write its path as "
       "/Folder/File.xlsx."},
  };
  for (const Case& c : cases) {
    auto locator = WorkbookLocator::Parse(c.text);
    ASSERT_FALSE(locator) << c.text;
    EXPECT_EQ(locator.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(locator.error().message, c.message);
  }
}

TEST(EncodeShareUrlTest, MatchesBothExamplesOfTheDocs) {
  EXPECT_EQ(EncodeShareUrl("https://contoso.sharepoint.com/:x:/s/Finance/Eb1?e=4Z"),
            "u!aHR0cHM6Ly9jb250b3NvLnNoYXJlcG9pbnQuY29tLzp4Oi9zL0ZpbmFuY2UvRWIxP2U9NFo");
  EXPECT_EQ(EncodeShareUrl("https://contoso.sharepoint.com/:x:/s/Finance/EYx~Q?e=a"),
            "u!aHR0cHM6Ly9jb250b3NvLnNoYXJlcG9pbnQuY29tLzp4Oi9zL0ZpbmFuY2UvRVl4flE_ZT1h");
}

TEST(DriveResolverTest, AsksForTheDriveIdOnceAndCachesIt) {
  ResolverHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::Reply(200, kDrive));

  auto first = h.resolver.DriveId();
  auto second = h.resolver.DriveId();

  ASSERT_TRUE(first) << first.error().message;
  ASSERT_TRUE(second);
  EXPECT_EQ(*first, "b!NstWBO7BLkaD832l");
  EXPECT_EQ(*second, *first);
  EXPECT_EQ(h.graph.requests_sent(), 1);
  EXPECT_EQ(fakes::GraphPath(h.http.requests()[1]), "/users/finance@contoso.com/drive");
}

TEST(DriveResolverTest, SaysWhenTheUserHasNoOneDrive) {
  ResolverHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::GraphError(404, "ResourceNotFound", "User's mysite not found."));

  auto drive = h.resolver.DriveId();

  ASSERT_FALSE(drive);
  EXPECT_EQ(drive.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(drive.error().upstream, "ResourceNotFound");
  EXPECT_EQ(drive.error().message,
            "No OneDrive was found for finance@contoso.com: check the user name, and that the user "
            "has a OneDrive licence and has opened OneDrive once.");
}

TEST(DriveResolverTest, ResolvesAPathWithEachSegmentEncoded) {
  ResolverHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::Reply(200, kDrive));
  h.http.Enqueue(fakes::Reply(200, ItemJson("Q1 #1 (draft).xlsx")));

  auto item =
      h.resolver.Resolve({WorkbookLocator::Kind::kPath, "/Reports 2024/Q1 #1 (draft).xlsx"});

  ASSERT_TRUE(item) << item.error().message;
  EXPECT_EQ(fakes::GraphPath(h.http.requests()[2]),
            "/drives/b!NstWBO7BLkaD832l/root:/Reports%202024/Q1%20%231%20%28draft%29.xlsx");
  EXPECT_EQ(item->drive_id, "b!SiteDrive");
  EXPECT_EQ(item->item_id, "01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K");
  EXPECT_EQ(item->name, "Q1 #1 (draft).xlsx");
  EXPECT_FALSE(item->is_folder);
}

TEST(DriveResolverTest, ResolvesAnItemIdInTheUsersDrive) {
  ResolverHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::Reply(200, kDrive));
  h.http.Enqueue(fakes::Reply(200, R"({"id":"01ABC","name":"Sales.xlsx","file":{}})"));

  auto item = h.resolver.Resolve({WorkbookLocator::Kind::kItemId, "01ABC"});

  ASSERT_TRUE(item) << item.error().message;
  EXPECT_EQ(fakes::GraphPath(h.http.requests()[2]), "/drives/b!NstWBO7BLkaD832l/items/01ABC");
  EXPECT_EQ(item->drive_id, "b!NstWBO7BLkaD832l");  // no parentReference: the drive asked
}

TEST(DriveResolverTest, ResolvesASharingLinkThroughTheSharesApi) {
  ResolverHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::Reply(200, ItemJson("Sales.xlsx")));

  auto item = h.resolver.Resolve(
      {WorkbookLocator::Kind::kShareLink, "https://contoso.sharepoint.com/:x:/s/Finance/Eb1?e=4Z"});

  ASSERT_TRUE(item) << item.error().message;
  ASSERT_THAT(h.http.requests(), SizeIs(2));  // no drive look-up for a link
  EXPECT_EQ(fakes::GraphPath(h.http.requests()[1]),
            "/shares/u!aHR0cHM6Ly9jb250b3NvLnNoYXJlcG9pbnQuY29tLzp4Oi9zL0ZpbmFuY2UvRWIxP2U9NFo/"
            "driveItem");
  EXPECT_EQ(item->drive_id, "b!SiteDrive");
  EXPECT_EQ(item->web_url,
            "https://contoso.sharepoint.com/sites/Finance/Shared%20Documents/Sales.xlsx");
}

TEST(DriveResolverTest, RefusesAFolder) {
  ResolverHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::Reply(200, ItemJson("Reports", R"("folder":{"childCount":3})")));

  auto item = h.resolver.Resolve(
      {WorkbookLocator::Kind::kShareLink, "https://contoso.sharepoint.com/:f:/x"});

  ASSERT_FALSE(item);
  EXPECT_EQ(item.error().message,
            "\"Reports\" is a folder, not a workbook: name an .xlsx file inside it.");
}

TEST(DriveResolverTest, RefusesAFileThatIsNotXlsx) {
  ResolverHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::Reply(200, ItemJson("Old.xls")));

  auto item = h.resolver.Resolve(
      {WorkbookLocator::Kind::kShareLink, "https://contoso.sharepoint.com/:x:/y"});

  ASSERT_FALSE(item);
  EXPECT_EQ(item.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_EQ(item.error().message,
            "\"Old.xls\" is not an .xlsx workbook: Excel for the web can only edit .xlsx files, so "
            "save it as .xlsx and try again.");
}

TEST(DriveResolverTest, NamesThePathThatWasNotFound) {
  ResolverHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::Reply(200, kDrive));
  h.http.Enqueue(fakes::GraphError(404, "itemNotFound", "The resource could not be found."));

  auto item = h.resolver.Resolve({WorkbookLocator::Kind::kPath, "/Reports/Sales.xlsx"});

  ASSERT_FALSE(item);
  EXPECT_EQ(item.error().upstream, "itemNotFound");
  EXPECT_EQ(item.error().message,
            "The workbook \"/Reports/Sales.xlsx\" was not found in the OneDrive of "
            "finance@contoso.com: check the path, which starts at the OneDrive's top folder.");
}

TEST(DriveResolverTest, NamesTheItemIdAndTheLinkThatWereNotFound) {
  ResolverHarness h;
  h.EnqueueToken();
  h.http.Enqueue(fakes::Reply(200, kDrive));
  h.http.Enqueue(fakes::GraphError(404, "itemNotFound", "x"));
  h.http.Enqueue(fakes::GraphError(404, "itemNotFound", "x"));

  auto by_id = h.resolver.Resolve({WorkbookLocator::Kind::kItemId, "01GONE"});
  auto by_link = h.resolver.Resolve(
      {WorkbookLocator::Kind::kShareLink, "https://contoso.sharepoint.com/:x:/z"});

  ASSERT_FALSE(by_id);
  EXPECT_EQ(by_id.error().message,
            "No file with item id \"01GONE\" was found in the OneDrive of finance@contoso.com: "
            "check the id, or paste the file's link instead.");
  ASSERT_FALSE(by_link);
  EXPECT_EQ(by_link.error().message,
            "The link \"https://contoso.sharepoint.com/:x:/z\" does not lead to a file the app can "
            "see: check the link, and that the app may access the OneDrive or site it points to.");
}

}  // namespace
}  // namespace xlsync::msgraph
