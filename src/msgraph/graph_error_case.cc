#include "msgraph/graph_error_case.h"

#include <utility>

#include "core/text.h"

namespace xlsync::msgraph {
namespace {

// Lower-case Graph and Excel codes (§3.3, §6.2, §6.9) and the case each one means.
constexpr std::pair<std::string_view, ErrorCase> kCodes[] = {
    {"accessdenied", ErrorCase::kAccessDenied},
    {"forbidden", ErrorCase::kAccessDenied},
    {"forbiddenuncategorized", ErrorCase::kProtectedCells},
    {"fileopenuserunauthorized", ErrorCase::kExcelUnauthorized},
    {"invalidauthenticationtoken", ErrorCase::kBadToken},
    {"unauthenticated", ErrorCase::kBadToken},
    {"unauthorized", ErrorCase::kBadToken},
    {"invalidsessionauthentication", ErrorCase::kSessionAuth},
    {"resourcelocked", ErrorCase::kLocked},
    {"accessconflict", ErrorCase::kLocked},
    {"conflictuncategorized", ErrorCase::kLocked},
    {"invalidsessionaccessconflict", ErrorCase::kLocked},
    {"itemalreadyexists", ErrorCase::kNameExists},
    {"namealreadyexists", ErrorCase::kNameExists},
    {"conflict", ErrorCase::kConflict},
    {"preconditionfailed", ErrorCase::kPrecondition},
    {"resourcemodified", ErrorCase::kPrecondition},
    {"invalidargument", ErrorCase::kInvalidArgument},
    {"invalidreference", ErrorCase::kLayout},
    {"unsupportedoperation", ErrorCase::kLayout},
    {"filteredrangeconflict", ErrorCase::kLayout},
    {"insertdeleteconflict", ErrorCase::kLayout},
    {"nonblankcelloffsheet", ErrorCase::kLayout},
    {"badrequestuncategorized", ErrorCase::kLayout},
    {"badrequest", ErrorCase::kBadRequest},
    {"invalidrequest", ErrorCase::kBadRequest},
    {"methodnotallowed", ErrorCase::kUnsupportedCall},
    {"notimplemented", ErrorCase::kUnsupportedCall},
    {"itemnotfound", ErrorCase::kNotFound},
    {"resourcenotfound", ErrorCase::kNotFound},
    {"request_resourcenotfound", ErrorCase::kNotFound},
    {"notfound", ErrorCase::kNotFound},
    {"notfounduncategorized", ErrorCase::kNotFound},
    {"invalidsessionnotfound", ErrorCase::kNotFound},
    {"payloadtoolarge", ErrorCase::kPayload},
    {"payloadtoolargeuncategorized", ErrorCase::kPayload},
    {"requestpayloadsizelimitexceeded", ErrorCase::kPayload},
    {"responsepayloadsizelimitexceeded", ErrorCase::kPayload},
    {"requestsizeexceeded", ErrorCase::kPayload},
    {"rangeexceedslimit", ErrorCase::kPayload},
    {"quotalimitreached", ErrorCase::kQuota},
    {"unsupportedworkbook", ErrorCase::kUnsupportedWorkbook},
    {"invalidsessionunsupportedworkbook", ErrorCase::kUnsupportedWorkbook},
    {"invalidsessionrestricted", ErrorCase::kRestricted},
    {"invalidsessionrecreatable", ErrorCase::kSessionLost},
    {"invalidsessionunexpected", ErrorCase::kSessionLost},
    {"genericfileopenerror", ErrorCase::kFileOpen},
    {"requestaborted", ErrorCase::kRequestAborted},
    {"maxrequestdurationexceeded", ErrorCase::kTimeout},
    {"gatewaytimeoutuncategorized", ErrorCase::kTimeout},
    {"gatewaytimeout", ErrorCase::kTimeout},
    {"toomanyrequests", ErrorCase::kThrottled},
    {"toomanyrequestsuncategorized", ErrorCase::kThrottled},
    {"activitylimitreached", ErrorCase::kThrottled},
    {"throttledrequest", ErrorCase::kThrottled},
    {"badgateway", ErrorCase::kUnavailable},
    {"servicenotavailable", ErrorCase::kUnavailable},
    {"serviceunavailable", ErrorCase::kUnavailable},
    {"serviceunavailableuncategorized", ErrorCase::kUnavailable},
    {"transientfailure", ErrorCase::kUnavailable},
    {"generalexception", ErrorCase::kServerError},
    {"internalservererror", ErrorCase::kServerError},
    {"internalservererroruncategorized", ErrorCase::kServerError},
};

struct Sentence {
  ErrorCase which;
  core::ErrorCode code;
  std::string_view text;  // "{what}" stands for the call's phrase
};

// One sentence per case (msgraph.md §3.3, §6.2, §6.9): what went wrong, then what to do.
constexpr Sentence kSentences[] = {
    {ErrorCase::kNoAppPermission, core::ErrorCode::kPermissionDenied,
     "The app has no Microsoft Graph application permission: an administrator must grant "
     "Files.ReadWrite.All (or Sites.ReadWrite.All, or Sites.Selected with a grant on the site) and "
     "give admin consent."},
    {ErrorCase::kWacToken, core::ErrorCode::kPermissionDenied,
     "Excel for the web could not open the workbook for this app (no WAC access token): check that "
     "the app may edit the file and that the file opens in the browser, then try again."},
    {ErrorCase::kAccessDenied, core::ErrorCode::kPermissionDenied,
     "Microsoft Graph denied the app access while {what}: the app needs write access to the file "
     "(with Sites.Selected, an administrator must grant the app access to the file's site)."},
    {ErrorCase::kSiteAccessDenied, core::ErrorCode::kPermissionDenied,
     "The app has no access to this SharePoint site: with Sites.Selected, an administrator must "
     "grant the app write access to the site."},
    {ErrorCase::kProtectedCells, core::ErrorCode::kPermissionDenied,
     "Excel refused to change protected or locked cells while {what}: unprotect the sheet, then "
     "try again."},
    {ErrorCase::kExcelUnauthorized, core::ErrorCode::kPermissionDenied,
     "Excel for the web refused to open the workbook for this app: make sure the app has write "
     "access to the file, then try again."},
    {ErrorCase::kBadToken, core::ErrorCode::kUnauthenticated,
     "Microsoft Graph refused the app's credentials even after a fresh sign-in: check the client "
     "secret and that an administrator gave admin consent to the app's Graph permissions."},
    {ErrorCase::kSessionAuth, core::ErrorCode::kUnauthenticated,
     "Excel for the web rejected the app's session while {what}: check the app's credentials and "
     "permissions, then try again."},
    {ErrorCase::kLocked, core::ErrorCode::kConflict,
     "The workbook is locked or being edited elsewhere (checked out, or open in a way that blocks "
     "changes): close it or check it in, then try again."},
    {ErrorCase::kNameExists, core::ErrorCode::kConflict,
     "An item with that name already exists while {what}: pick another name or reuse the existing "
     "one."},
    {ErrorCase::kConflict, core::ErrorCode::kConflict,
     "Microsoft Graph reported a conflicting change while {what}: make sure nobody else changes "
     "the workbook, then try again."},
    {ErrorCase::kPrecondition, core::ErrorCode::kConflict,
     "The file changed while {what}: try again."},
    {ErrorCase::kInvalidArgument, core::ErrorCode::kInvalidInput,
     "Excel rejected a value while {what}: check the sheet name and the exported data, then try "
     "again."},
    {ErrorCase::kLayout, core::ErrorCode::kInvalidInput,
     "Excel refused the change while {what} because of the sheet's layout (filters, merged cells, "
     "tables or a full sheet edge): check the target sheet, then try again."},
    {ErrorCase::kBadRequest, core::ErrorCode::kInternal,
     "Microsoft Graph rejected the request while {what} as malformed: this is likely an xlsync "
     "bug, report it with the code shown."},
    {ErrorCase::kUnsupportedCall, core::ErrorCode::kInternal,
     "Microsoft Graph does not support the call xlsync made while {what}: report this xlsync bug "
     "with the code shown."},
    {ErrorCase::kNotFound, core::ErrorCode::kNotFound,
     "The workbook or sheet was not found while {what}: check that it still exists and that the "
     "app can reach it."},
    {ErrorCase::kPayload, core::ErrorCode::kInvalidInput,
     "The request was too large for Excel for the web while {what}: send fewer rows per request."},
    {ErrorCase::kQuota, core::ErrorCode::kUnavailable,
     "The OneDrive or SharePoint storage is full: free up space or ask an administrator to raise "
     "the quota, then try again."},
    {ErrorCase::kUnsupportedWorkbook, core::ErrorCode::kInvalidInput,
     "The workbook is too large or uses features Excel for the web cannot edit: simplify it or "
     "choose another workbook."},
    {ErrorCase::kRestricted, core::ErrorCode::kPermissionDenied,
     "Excel for the web restricts this workbook (for example by a sensitivity label or rights "
     "management): lift the restriction or choose another workbook."},
    {ErrorCase::kSessionLost, core::ErrorCode::kUnavailable,
     "The Excel session on the workbook was lost and could not be re-created while {what}: run the "
     "export again."},
    {ErrorCase::kFileOpen, core::ErrorCode::kUnavailable,
     "Excel for the web could not open the workbook: check that it opens in the browser, then try "
     "again in a few minutes."},
    {ErrorCase::kRequestAborted, core::ErrorCode::kTimeout,
     "Excel took too long to calculate the workbook while {what}: reduce its formulas or switch it "
     "to manual calculation, then try again."},
    {ErrorCase::kTimeout, core::ErrorCode::kTimeout,
     "Microsoft Graph took too long while {what}: try again, and if it repeats, export fewer rows "
     "per request."},
    {ErrorCase::kThrottled, core::ErrorCode::kThrottled,
     "Microsoft Graph kept throttling the app while {what}: wait a few minutes, then try again."},
    {ErrorCase::kUnavailable, core::ErrorCode::kUnavailable,
     "Microsoft Graph was unavailable while {what}: try again in a few minutes."},
    {ErrorCase::kServerError, core::ErrorCode::kUnavailable,
     "Microsoft Graph had an internal error while {what}: try again in a few minutes."},
};

}  // namespace

core::Error DescribeCase(ErrorCase which, int status, const std::string& what,
                         std::string upstream) {
  for (const Sentence& sentence : kSentences) {
    if (sentence.which != which) continue;
    std::string message(sentence.text);
    if (const auto at = message.find("{what}"); at != std::string::npos) {
      message.replace(at, 6, what);
    }
    return core::MakeError(sentence.code, std::move(message), std::move(upstream));
  }
  return core::InvalidInput("Microsoft Graph rejected the request while " + what + " (HTTP " +
                                std::to_string(status) +
                                "): check the connection settings, then try again.",
                            std::move(upstream));
}

std::optional<ErrorCase> CaseOfCode(std::string_view code) {
  const std::string lower = core::ToLower(code);
  for (const auto& [known, which] : kCodes) {
    if (known == lower) return which;
  }
  return std::nullopt;
}

ErrorCase CaseOfStatus(int status) {
  switch (status) {
    case 400:
      return ErrorCase::kBadRequest;
    case 401:
      return ErrorCase::kBadToken;
    case 403:
      return ErrorCase::kAccessDenied;
    case 404:
      return ErrorCase::kNotFound;
    case 405:
    case 501:
      return ErrorCase::kUnsupportedCall;
    case 409:
      return ErrorCase::kConflict;
    case 412:
      return ErrorCase::kPrecondition;
    case 413:
      return ErrorCase::kPayload;
    case 423:
      return ErrorCase::kLocked;
    case 429:
      return ErrorCase::kThrottled;
    case 500:
      return ErrorCase::kServerError;
    case 504:
      return ErrorCase::kTimeout;
    case 507:
      return ErrorCase::kQuota;
    default:
      return status >= 500 ? ErrorCase::kUnavailable : ErrorCase::kOtherClient;
  }
}

}  // namespace xlsync::msgraph
