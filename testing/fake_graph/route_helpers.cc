#include "testing/fake_graph/route_helpers.h"

#include <algorithm>

#include "core/text.h"

namespace xlsync::fakes {

std::optional<nlohmann::json> RouteHelpers::ParseBody(std::string_view body) {
  if (core::Trim(body).empty()) return nlohmann::json::object();
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_discarded()) return std::nullopt;
  return parsed;
}

Reply RouteHelpers::InvalidJson() {
  return Reply::Fail(GraphError::BadRequest(
      "Unable to read JSON request payload. Please ensure Content-Type header is set and payload "
      "is of valid JSON format."));
}

Reply RouteHelpers::UnknownSegment(std::string_view segment) {
  return Reply::Fail(
      GraphError::BadRequest("Resource not found for the segment '" + std::string(segment) + "'."));
}

Reply RouteHelpers::MethodNotAllowed() {
  return Reply::Fail(GraphError::Service(405, "methodNotAllowed",
                                         "The HTTP method is not allowed on this resource."));
}

Reply RouteHelpers::QuerySyntax() {
  return Reply::Fail(GraphError::BadRequest("Bad Request - Error in query syntax."));
}

std::optional<Reply> RouteHelpers::ApplySelect(const Exchange& exchange, std::string_view type,
                                               const std::vector<std::string_view>& known,
                                               nlohmann::json& object) {
  const auto select = exchange.query.find("$select");
  if (select == exchange.query.end()) return std::nullopt;
  nlohmann::json kept = nlohmann::json::object();
  for (const auto& raw : core::Split(select->second, ',')) {
    const std::string name(core::Trim(raw));
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      return Reply::Fail(GraphError::BadRequest("Could not find a property named '" + name +
                                                "' on type '" + std::string(type) + "'."));
    }
    if (object.contains(name)) kept[name] = object[name];
  }
  for (auto& [key, value] : object.items()) {
    if (key.starts_with("@odata.")) kept[key] = value;
  }
  object = std::move(kept);
  return std::nullopt;
}

}  // namespace xlsync::fakes
