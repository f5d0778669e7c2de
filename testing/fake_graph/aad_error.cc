#include "testing/fake_graph/aad_error.h"

namespace xlsync::fakes {

nlohmann::json AadError::ToJson(std::string_view trace_id, std::string_view correlation_id,
                                std::string_view timestamp, std::string_view authority) const {
  const std::string number = std::to_string(code);
  const std::string description = "AADSTS" + number + ": " + text +
                                  "\r\nTrace ID: " + std::string(trace_id) +
                                  "\r\nCorrelation ID: " + std::string(correlation_id) +
                                  "\r\nTimestamp: " + std::string(timestamp);
  return {{"error", error},
          {"error_description", description},
          {"error_codes", nlohmann::json::array({code})},
          {"timestamp", timestamp},
          {"trace_id", trace_id},
          {"correlation_id", correlation_id},
          {"error_uri", std::string(authority) + "/error?code=" + number}};
}

}  // namespace xlsync::fakes
