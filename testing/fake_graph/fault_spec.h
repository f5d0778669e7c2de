#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace xlsync::fakes {

enum class FaultKind {
  kStatus,            // answer `status` with the error body of that status, state untouched
  kResetBeforeApply,  // drop the connection without touching state
  kResetAfterApply,   // apply the request, then drop the connection instead of answering
  kDelay,             // answer normally after `delay`
};

/// "The next `count` requests matching method + path answer with X" (after letting `skip`
/// matching requests through). Paths are matched on the percent-decoded path, e.g.
/// "/v1.0/drives/b!../items/01../workbook/worksheets/{..}/range(address='A1:B2')".
struct FaultSpec {
  std::string method;         // "PATCH"; empty = any
  std::string path_contains;  // substring; empty = any
  std::string path_regex;     // ECMAScript, searched in the path; empty = none
  int count = 1;
  int skip = 0;
  FaultKind kind = FaultKind::kStatus;
  /// 401, 403, 404, 409, 412, 423, 429, 500, 502, 503 or 504.
  int status = 500;
  std::optional<int> retry_after_seconds;
  std::chrono::milliseconds delay{0};
  /// Optional replacements for the top-level error code and message.
  std::string code;
  std::string message;

  static FaultSpec Status(int status, std::string method, std::string path_contains,
                          int count = 1) {
    FaultSpec spec;
    spec.status = status;
    spec.method = std::move(method);
    spec.path_contains = std::move(path_contains);
    spec.count = count;
    return spec;
  }
  static FaultSpec Reset(FaultKind kind, std::string method, std::string path_contains,
                         int count = 1) {
    FaultSpec spec = Status(0, std::move(method), std::move(path_contains), count);
    spec.kind = kind;
    return spec;
  }
};

}  // namespace xlsync::fakes
