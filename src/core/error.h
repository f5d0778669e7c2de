#pragma once

#include <source_location>
#include <string>
#include <string_view>

namespace xlsync::core {

/// What kind of failure an Error is; callers branch on this, users read `message`.
enum class ErrorCode {
  kInvalidInput,
  kUnauthenticated,
  kPermissionDenied,
  kNotFound,
  kConflict,
  kThrottled,
  kUnavailable,
  kTimeout,
  kCancelled,
  kInternal,
};

/// A failure, told once for the user (`message`, one sentence that says what to do) and once
/// for support (`upstream`, the service's own code; `detail`, log-only context). Never a secret.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string upstream;
  std::string detail;

  /// "message (upstream)" — the one line a user sees.
  std::string ForUser() const;
};

std::string_view ErrorCodeName(ErrorCode code);

Error MakeError(ErrorCode code, std::string message, std::string upstream = {},
                std::source_location where = std::source_location::current());

Error InvalidInput(std::string message, std::string upstream = {},
                   std::source_location where = std::source_location::current());
Error Unauthenticated(std::string message, std::string upstream = {},
                      std::source_location where = std::source_location::current());
Error PermissionDenied(std::string message, std::string upstream = {},
                       std::source_location where = std::source_location::current());
Error NotFound(std::string message, std::string upstream = {},
               std::source_location where = std::source_location::current());
Error Conflict(std::string message, std::string upstream = {},
               std::source_location where = std::source_location::current());
Error Throttled(std::string message, std::string upstream = {},
                std::source_location where = std::source_location::current());
Error Unavailable(std::string message, std::string upstream = {},
                  std::source_location where = std::source_location::current());
Error Timeout(std::string message, std::string upstream = {},
              std::source_location where = std::source_location::current());
Error Cancelled(std::string message, std::string upstream = {},
                std::source_location where = std::source_location::current());
Error Internal(std::string message, std::string upstream = {},
               std::source_location where = std::source_location::current());

/// Aborts with a message: for programmer errors only, never for input or remote failures.
[[noreturn]] void CheckFailed(const char* condition, std::source_location where);

}  // namespace xlsync::core

#define XLSYNC_CHECK(condition)                                                       \
  do {                                                                                \
    if (!(condition)) {                                                               \
      ::xlsync::core::CheckFailed(#condition, std::source_location::current());       \
    }                                                                                 \
  } while (false)
