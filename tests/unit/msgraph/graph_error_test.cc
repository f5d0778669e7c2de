#include "msgraph/graph_error.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/msgraph/graph_test_support.h"

namespace xlsync::msgraph {
namespace {

using ::testing::HasSubstr;

const CallContext kContext{"PATCH", "/drives/b!1/items/01A/workbook/worksheets/%7B1%7D/range",
                           "writing A2:C3 on the sheet \"Orders\"", "crid-9"};

struct MappingCase {
  std::string name;
  http::Response response;
  core::ErrorCode kind;
  std::string upstream;
  std::string message;
  std::string path = kContext.path;
};

class GraphErrorMappingTest : public ::testing::TestWithParam<MappingCase> {};

TEST_P(GraphErrorMappingTest, GivesOnePlainSentenceAndTheMostSpecificCode) {
  const MappingCase& c = GetParam();
  CallContext context = kContext;
  context.path = c.path;

  const core::Error error = MapGraphError(c.response, context);

  EXPECT_EQ(error.code, c.kind);
  EXPECT_EQ(error.upstream, c.upstream);
  EXPECT_EQ(error.message, c.message);
  EXPECT_THAT(error.detail,
              HasSubstr("HTTP " + std::to_string(c.response.status) + " PATCH " + c.path));
  EXPECT_THAT(error.detail, HasSubstr("client-request-id=crid-9"));
}

using fakes::GraphError;
using fakes::Reply;

const MappingCase kMappings[] = {
    {"NoApplicationPermission",
     GraphError(403, "accessDenied", "Either scp or roles claim need to be present in the token."),
     core::ErrorCode::kPermissionDenied, "accessDenied",
     "The app has no Microsoft Graph application permission: an administrator must grant "
     "Files.ReadWrite.All (or Sites.ReadWrite.All, or Sites.Selected with a grant on the site) and "
     "give admin consent."},
    {"WacToken", GraphError(403, "AccessDenied", "Could not obtain a WAC access token."),
     core::ErrorCode::kPermissionDenied, "AccessDenied",
     "Excel for the web could not open the workbook for this app (no WAC access token): check "
     "that the app may edit the file and that the file opens in the browser, then try again."},
    {"SiteWithoutGrant", GraphError(403, "accessDenied", "Access denied"),
     core::ErrorCode::kPermissionDenied, "accessDenied",
     "The app has no access to this SharePoint site: with Sites.Selected, an administrator must "
     "grant the app write access to the site.",
     "/sites/contoso.sharepoint.com:/sites/Finance"},
    {"AccessDeniedOnAFile", GraphError(403, "accessDenied", "Access denied"),
     core::ErrorCode::kPermissionDenied, "accessDenied",
     "Microsoft Graph denied the app access while writing A2:C3 on the sheet \"Orders\": the app "
     "needs write access to the file (with Sites.Selected, an administrator must grant the app "
     "access to the file's site)."},
    {"ItemNotFound", GraphError(404, "itemNotFound", "The resource could not be found."),
     core::ErrorCode::kNotFound, "itemNotFound",
     "The workbook or sheet was not found while writing A2:C3 on the sheet \"Orders\": check that "
     "it still exists and that the app can reach it."},
    {"ItemNotFoundAnyCase", GraphError(404, "ITEMNOTFOUND", "x"), core::ErrorCode::kNotFound,
     "ITEMNOTFOUND",
     "The workbook or sheet was not found while writing A2:C3 on the sheet \"Orders\": check that "
     "it still exists and that the app can reach it."},
    {"LockedResource",
     GraphError(423, "notAllowed", "The resource you are attempting to access is locked",
                "resourceLocked"),
     core::ErrorCode::kConflict, "resourceLocked",
     "The workbook is locked or being edited elsewhere (checked out, or open in a way that blocks "
     "changes): close it or check it in, then try again."},
    {"CheckedOut",
     GraphError(423, "accessDenied",
                "The file is currently checked out or locked for editing by another user."),
     core::ErrorCode::kConflict, "accessDenied",
     "The workbook is locked or being edited elsewhere (checked out, or open in a way that blocks "
     "changes): close it or check it in, then try again."},
    {"ExcelAccessConflict", GraphError(409, "conflict", "x", "accessConflict"),
     core::ErrorCode::kConflict, "accessConflict",
     "The workbook is locked or being edited elsewhere (checked out, or open in a way that blocks "
     "changes): close it or check it in, then try again."},
    {"SessionAccessConflict", GraphError(409, "conflict", "x", "invalidSessionAccessConflict"),
     core::ErrorCode::kConflict, "invalidSessionAccessConflict",
     "The workbook is locked or being edited elsewhere (checked out, or open in a way that blocks "
     "changes): close it or check it in, then try again."},
    {"NameTaken",
     GraphError(409, "ItemAlreadyExists",
                "A resource with the same name or identifier already exists."),
     core::ErrorCode::kConflict, "ItemAlreadyExists",
     "An item with that name already exists while writing A2:C3 on the sheet \"Orders\": pick "
     "another name or reuse the existing one."},
    {"InvalidArgument", GraphError(400, "InvalidArgument", "The argument is invalid."),
     core::ErrorCode::kInvalidInput, "InvalidArgument",
     "Excel rejected a value while writing A2:C3 on the sheet \"Orders\": check the sheet name and "
     "the exported data, then try again."},
    {"QuotaReached", GraphError(507, "quotaLimitReached", "Insufficient Space Available"),
     core::ErrorCode::kUnavailable, "quotaLimitReached",
     "The OneDrive or SharePoint storage is full: free up space or ask an administrator to raise "
     "the quota, then try again."},
    {"UnsupportedWorkbook",
     GraphError(422, "unprocessable", "x", "invalidSessionUnsupportedWorkbook"),
     core::ErrorCode::kInvalidInput, "invalidSessionUnsupportedWorkbook",
     "The workbook is too large or uses features Excel for the web cannot edit: simplify it or "
     "choose another workbook."},
    {"UnsupportedWorkbookPlain", GraphError(400, "badRequest", "x", "unsupportedWorkbook"),
     core::ErrorCode::kInvalidInput, "unsupportedWorkbook",
     "The workbook is too large or uses features Excel for the web cannot edit: simplify it or "
     "choose another workbook."},
    {"ExcelRefusesToOpen", GraphError(401, "unauthorized", "x", "FileOpenUserUnauthorized"),
     core::ErrorCode::kPermissionDenied, "FileOpenUserUnauthorized",
     "Excel for the web refused to open the workbook for this app: make sure the app has write "
     "access to the file, then try again."},
    {"NestedGenericFileOpenError",
     Reply(500, R"({"error":{"code":"internalServerError","message":"m","innerError":{"code":)"
                R"("internalServerErrorUncategorized","message":"m","innerError":{"code":)"
                R"("GenericFileOpenError","message":"The workbook cannot be opened."}}}})"),
     core::ErrorCode::kUnavailable, "GenericFileOpenError",
     "Excel for the web could not open the workbook: check that it opens in the browser, then try "
     "again in a few minutes."},
    {"LowerCaseInnererror",
     Reply(504, R"({"error":{"code":"UnknownError","message":"","innererror":{"code":)"
                R"("MaxRequestDurationExceeded"}}})"),
     core::ErrorCode::kTimeout, "MaxRequestDurationExceeded",
     "Microsoft Graph took too long while writing A2:C3 on the sheet \"Orders\": try again, and if "
     "it repeats, export fewer rows per request."},
    {"PayloadTooLarge", GraphError(413, "RequestPayloadSizeLimitExceeded", "too big"),
     core::ErrorCode::kInvalidInput, "RequestPayloadSizeLimitExceeded",
     "The request was too large for Excel for the web while writing A2:C3 on the sheet "
     "\"Orders\": send fewer rows per request."},
    {"RangeExceedsLimit", GraphError(400, "badRequest", "x", "rangeExceedsLimit"),
     core::ErrorCode::kInvalidInput, "rangeExceedsLimit",
     "The request was too large for Excel for the web while writing A2:C3 on the sheet "
     "\"Orders\": send fewer rows per request."},
    {"GatewayHtml", Reply(503, "<html><body>Service Unavailable</body></html>"),
     core::ErrorCode::kUnavailable, "HTTP 503",
     "Microsoft Graph was unavailable while writing A2:C3 on the sheet \"Orders\": try again in a "
     "few minutes."},
    {"Throttled", GraphError(429, "activityLimitReached", "x", "throttledRequest"),
     core::ErrorCode::kThrottled, "throttledRequest",
     "Microsoft Graph kept throttling the app while writing A2:C3 on the sheet \"Orders\": wait a "
     "few minutes, then try again."},
    {"ProtectedCells", GraphError(403, "forbidden", "x", "forbiddenUncategorized"),
     core::ErrorCode::kPermissionDenied, "forbiddenUncategorized",
     "Excel refused to change protected or locked cells while writing A2:C3 on the sheet "
     "\"Orders\": unprotect the sheet, then try again."},
    {"StaleETag", GraphError(412, "notAllowed", "ETag does not match", "preconditionFailed"),
     core::ErrorCode::kConflict, "preconditionFailed",
     "The file changed while writing A2:C3 on the sheet \"Orders\": try again."},
    {"SessionLost", GraphError(404, "notFound", "x", "invalidSessionReCreatable"),
     core::ErrorCode::kUnavailable, "invalidSessionReCreatable",
     "The Excel session on the workbook was lost and could not be re-created while writing A2:C3 "
     "on the sheet \"Orders\": run the export again."},
    {"SessionGone", GraphError(404, "notFound", "x", "invalidSessionNotFound"),
     core::ErrorCode::kNotFound, "invalidSessionNotFound",
     "The workbook or sheet was not found while writing A2:C3 on the sheet \"Orders\": check that "
     "it still exists and that the app can reach it."},
    {"UnknownClientError", Reply(418, ""), core::ErrorCode::kInvalidInput, "HTTP 418",
     "Microsoft Graph rejected the request while writing A2:C3 on the sheet \"Orders\" (HTTP "
     "418): check the connection settings, then try again."},
};

INSTANTIATE_TEST_SUITE_P(GraphError, GraphErrorMappingTest, ::testing::ValuesIn(kMappings),
                         [](const auto& test) { return test.param.name; });

TEST(GraphErrorTest, QuotesTheRequestIdFromTheHeaderInTheDetail) {
  http::Response response = GraphError(404, "itemNotFound", "x");
  response.headers.Set("request-id", "hdr-req-42");

  const core::Error error = MapGraphError(response, kContext);

  EXPECT_THAT(error.detail, HasSubstr("request-id=hdr-req-42"));
}

TEST(GraphErrorTest, QuotesTheRequestIdFromTheBodyWhenNoHeaderHasIt) {
  const core::Error error = MapGraphError(GraphError(404, "itemNotFound", "x"), kContext);
  EXPECT_THAT(error.detail, HasSubstr("request-id=req-1"));
}

TEST(GraphErrorTest, WalksTheInnerErrorChainOutsideIn) {
  const GraphErrorBody body = ParseGraphError(
      R"({"error":{"code":"a","innerError":{"code":"b","innererror":{"code":"c"}}}})");
  EXPECT_EQ(body.codes, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(MostSpecificCode(body), "c");
  EXPECT_TRUE(HasCode(body, "B"));
}

TEST(GraphErrorTest, PrefersTheDeepestKnownCodeOverAnUnknownDeeperOne) {
  const GraphErrorBody body = ParseGraphError(
      R"({"error":{"code":"notAllowed","innerError":{"code":"resourceLocked","innerError":{"code":"zz9"}}}})");
  EXPECT_EQ(MostSpecificCode(body), "resourceLocked");
}

TEST(GraphErrorTest, ToleratesBodiesThatAreNotGraphErrors) {
  EXPECT_TRUE(ParseGraphError("").codes.empty());
  EXPECT_TRUE(ParseGraphError("<html>").codes.empty());
  EXPECT_TRUE(ParseGraphError(R"({"error":"invalid_client"})").codes.empty());
  EXPECT_TRUE(ParseGraphError(R"({"error":{"code":7}})").codes.empty());
}

TEST(GraphErrorTest, RecognisesPayloadTooLargeErrors) {
  EXPECT_TRUE(IsPayloadTooLarge(MapGraphError(Reply(413, ""), kContext)));
  EXPECT_TRUE(IsPayloadTooLarge(MapGraphError(GraphError(413, "generalException", "x"), kContext)));
  EXPECT_TRUE(IsPayloadTooLarge(MapGraphError(
      GraphError(400, "badRequest", "x", "RequestPayloadSizeLimitExceeded"), kContext)));
  EXPECT_TRUE(
      IsPayloadTooLarge(MapGraphError(GraphError(400, "x", "y", "rangeExceedsLimit"), kContext)));
  EXPECT_FALSE(IsPayloadTooLarge(MapGraphError(GraphError(400, "InvalidArgument", "x"), kContext)));
  EXPECT_FALSE(IsPayloadTooLarge(core::Unavailable("Could not reach.", "CURLE_RECV_ERROR")));
}

TEST(GraphErrorTest, RecognisesLostSessions) {
  EXPECT_TRUE(IsSessionLost(
      MapGraphError(GraphError(404, "x", "y", "invalidSessionReCreatable"), kContext)));
  EXPECT_TRUE(IsSessionLost(
      MapGraphError(GraphError(500, "x", "y", "InvalidSessionUnexpected"), kContext)));
  EXPECT_FALSE(IsSessionLost(
      MapGraphError(GraphError(409, "x", "y", "invalidSessionAccessConflict"), kContext)));
  EXPECT_FALSE(IsSessionLost(MapGraphError(GraphError(404, "itemNotFound", "y"), kContext)));
}

TEST(GraphErrorTest, TellsTransientTransportFailuresFromConfigurationOnes) {
  EXPECT_TRUE(IsTransientTransportError(core::Unavailable("x", "CURLE_RECV_ERROR")));
  EXPECT_TRUE(IsTransientTransportError(core::Timeout("x", "CURLE_OPERATION_TIMEDOUT")));
  EXPECT_FALSE(IsTransientTransportError(core::Unavailable("x", "CURLE_PEER_FAILED_VERIFICATION")));
  EXPECT_FALSE(IsTransientTransportError(core::Internal("no reply queued")));
}

}  // namespace
}  // namespace xlsync::msgraph
