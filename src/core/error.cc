#include "core/error.h"

#include <cstdio>
#include <cstdlib>

namespace xlsync::core {

std::string Error::ForUser() const {
  if (upstream.empty()) return message;
  return message + " (" + upstream + ")";
}

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput: return "invalid_input";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kPermissionDenied: return "permission_denied";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kThrottled: return "throttled";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kTimeout: return "timeout";
    case ErrorCode::kCancelled: return "cancelled";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

Error MakeError(ErrorCode code, std::string message, std::string upstream,
                std::source_location where) {
  Error error{code, std::move(message), std::move(upstream), {}};
  error.detail = std::string(where.file_name()) + ":" + std::to_string(where.line());
  return error;
}

#define XLSYNC_ERROR_FACTORY(Name, Code)                                          \
  Error Name(std::string message, std::string upstream, std::source_location where) { \
    return MakeError(ErrorCode::Code, std::move(message), std::move(upstream), where); \
  }
XLSYNC_ERROR_FACTORY(InvalidInput, kInvalidInput)
XLSYNC_ERROR_FACTORY(Unauthenticated, kUnauthenticated)
XLSYNC_ERROR_FACTORY(PermissionDenied, kPermissionDenied)
XLSYNC_ERROR_FACTORY(NotFound, kNotFound)
XLSYNC_ERROR_FACTORY(Conflict, kConflict)
XLSYNC_ERROR_FACTORY(Throttled, kThrottled)
XLSYNC_ERROR_FACTORY(Unavailable, kUnavailable)
XLSYNC_ERROR_FACTORY(Timeout, kTimeout)
XLSYNC_ERROR_FACTORY(Cancelled, kCancelled)
XLSYNC_ERROR_FACTORY(Internal, kInternal)
#undef XLSYNC_ERROR_FACTORY

void CheckFailed(const char* condition, std::source_location where) {
  std::fprintf(stderr, "xlsync: internal check failed: %s at %s:%u\n", condition,
               where.file_name(), static_cast<unsigned>(where.line()));
  std::abort();
}

}  // namespace xlsync::core
