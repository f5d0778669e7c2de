#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "testing/fake_graph/exchange.h"

namespace xlsync::fakes {

/// Small answers shared by the Graph routes.
class RouteHelpers {
 public:
  /// The body as JSON; nullopt when it is not JSON (Graph: 400 BadRequest).
  static std::optional<nlohmann::json> ParseBody(std::string_view body);
  static Reply InvalidJson();
  static Reply UnknownSegment(std::string_view segment);
  static Reply MethodNotAllowed();
  static Reply QuerySyntax();
  /// Keeps only the properties named by $select (plus @odata.*); 400 on a name that is not
  /// one of the type's `known` properties.
  static std::optional<Reply> ApplySelect(const Exchange& exchange, std::string_view type,
                                          const std::vector<std::string_view>& known,
                                          nlohmann::json& object);
};

}  // namespace xlsync::fakes
