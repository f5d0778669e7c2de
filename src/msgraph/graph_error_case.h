#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace xlsync::msgraph {

/// The Graph failures a user can meet, each told by one sentence (msgraph.md §3.3, §6.2, §6.9).
/// Internal to msgraph: graph_error.h is the public face.
enum class ErrorCase {
  kNoAppPermission,
  kWacToken,
  kAccessDenied,
  kSiteAccessDenied,
  kProtectedCells,
  kExcelUnauthorized,
  kBadToken,
  kSessionAuth,
  kLocked,
  kNameExists,
  kConflict,
  kPrecondition,
  kInvalidArgument,
  kLayout,
  kBadRequest,
  kUnsupportedCall,
  kNotFound,
  kPayload,
  kQuota,
  kUnsupportedWorkbook,
  kRestricted,
  kSessionLost,
  kFileOpen,
  kRequestAborted,
  kTimeout,
  kThrottled,
  kUnavailable,
  kServerError,
  kOtherClient,
};

/// The case a Graph or Excel error code means (case-insensitive), if xlsync knows the code.
std::optional<ErrorCase> CaseOfCode(std::string_view code);
/// The case an HTTP status means when the body names no known code.
ErrorCase CaseOfStatus(int status);
/// The one-sentence Error for a case; `what` is the call's phrase ("reading the sheet list").
core::Error DescribeCase(ErrorCase which, int status, const std::string& what,
                         std::string upstream);

}  // namespace xlsync::msgraph
