#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace xlsync::fakes {

/// An identity-platform error (msgraph.md §2.4): `error`, an AADSTS code and its text.
struct AadError {
  int status = 400;
  std::string error;
  int code = 0;
  std::string text;
  std::optional<int> retry_after_seconds;

  /// {"error", "error_description":"AADSTSnnnn: text\r\nTrace ID: ..\r\nCorrelation ID: ..
  /// \r\nTimestamp: ..", "error_codes":[n], "timestamp", "trace_id", "correlation_id",
  /// "error_uri"}.
  nlohmann::json ToJson(std::string_view trace_id, std::string_view correlation_id,
                        std::string_view timestamp, std::string_view authority) const;
};

}  // namespace xlsync::fakes
