#include "testing/fake_graph/graph_error.h"

namespace xlsync::fakes {

std::string_view ExcelTopCode(int status) {
  switch (status) {
    case 400:
      return "badRequest";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "notFound";
    case 405:
      return "methodNotAllowed";
    case 409:
      return "conflict";
    case 413:
      return "payloadTooLarge";
    case 429:
      return "tooManyRequests";
    case 501:
      return "notImplemented";
    case 502:
      return "badGateway";
    case 503:
      return "serviceUnavailable";
    case 504:
      return "gatewayTimeout";
    default:
      return "internalServerError";
  }
}

GraphError GraphError::Service(int status, std::string code, std::string message) {
  GraphError error;
  error.status = status;
  error.chain.push_back({std::move(code), std::move(message)});
  return error;
}

GraphError GraphError::Excel(int status, std::string code, std::string message,
                             std::optional<Level> innermost) {
  GraphError error;
  error.status = status;
  error.chain.push_back({std::string(ExcelTopCode(status)), message});
  error.chain.push_back({std::move(code), std::move(message)});
  if (innermost) error.chain.push_back(std::move(*innermost));
  return error;
}

GraphError GraphError::FromCore(const core::Error& error) {
  int status = 500;
  switch (error.code) {
    case core::ErrorCode::kInvalidInput:
      status = 400;
      break;
    case core::ErrorCode::kUnauthenticated:
      status = 401;
      break;
    case core::ErrorCode::kPermissionDenied:
      status = 403;
      break;
    case core::ErrorCode::kNotFound:
      status = 404;
      break;
    case core::ErrorCode::kConflict:
      status = 409;
      break;
    case core::ErrorCode::kThrottled:
      status = 429;
      break;
    case core::ErrorCode::kUnavailable:
      status = 503;
      break;
    case core::ErrorCode::kTimeout:
      status = 504;
      break;
    default:
      break;
  }
  const std::string code = error.upstream.empty() ? "generalException" : error.upstream;
  return Excel(status, code, error.message);
}

GraphError GraphError::Unauthenticated(std::string message) {
  GraphError error = Service(401, "InvalidAuthenticationToken", std::move(message));
  error.challenge = true;
  return error;
}

GraphError GraphError::BadRequest(std::string message) {
  return Service(400, "BadRequest", std::move(message));
}

nlohmann::json GraphError::ToJson(std::string_view date, std::string_view request_id,
                                  std::string_view client_request_id) const {
  nlohmann::json inner = nlohmann::json::object();
  // Build from the innermost level outwards; ids sit in the first innerError (§3.2).
  for (size_t level = chain.size(); level-- > 1;) {
    nlohmann::json object = {{"code", chain[level].code}, {"message", chain[level].message}};
    if (!inner.empty()) object["innerError"] = std::move(inner);
    inner = std::move(object);
  }
  inner["date"] = date;
  inner["request-id"] = request_id;
  inner["client-request-id"] = client_request_id;
  nlohmann::json top = {{"code", chain.empty() ? "generalException" : chain[0].code},
                        {"message", chain.empty() ? "" : chain[0].message},
                        {"innerError", std::move(inner)}};
  return {{"error", std::move(top)}};
}

}  // namespace xlsync::fakes
