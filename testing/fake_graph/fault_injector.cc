#include "testing/fake_graph/fault_injector.h"

#include <algorithm>
#include <array>

#include "core/text.h"

namespace xlsync::fakes {
namespace {

constexpr std::array kSupportedStatuses = {401, 403, 404, 409, 412, 423, 429, 500, 502, 503, 504};

GraphError Nested(int status, std::string code, std::string message, std::string inner_code,
                  std::string inner_message) {
  GraphError error = GraphError::Service(status, std::move(code), std::move(message));
  error.chain.push_back({std::move(inner_code), std::move(inner_message)});
  return error;
}

/// Excel-route answers nest a §6.9 second-level code under the status's top-level code.
GraphError ExcelDefault(int status) {
  switch (status) {
    case 403:
      return GraphError::Excel(
          403, "accessDenied",
          "Access denied. You do not have permission to perform this action or access this resource.");
    case 404:
      return GraphError::Excel(404, "itemNotFound", "The requested resource doesn't exist.");
    case 409:
      return GraphError::Excel(
          409, "accessConflict",
          "The request cannot be processed because another client is editing the workbook.");
    case 429:
      return GraphError::Excel(429, "tooManyRequestsUncategorized",
                               "The request has been throttled.");
    default:
      return GraphError::Excel(503, "serviceUnavailableUncategorized",
                               "The service is temporarily unavailable.");
  }
}

/// Drive-route answers (§3.3).
GraphError DriveDefault(int status) {
  switch (status) {
    case 403:
      return GraphError::Service(403, "accessDenied", "Access denied");
    case 404:
      return GraphError::Service(404, "itemNotFound", "The resource could not be found.");
    case 409:
      return GraphError::Service(409, "nameAlreadyExists",
                                 "The specified item name already exists.");
    case 429:
      return Nested(429, "activityLimitReached", "The request has been throttled",
                    "throttledRequest", "The request has been throttled");
    default:
      return GraphError::Service(503, "serviceNotAvailable",
                                 "The service is temporarily unavailable.");
  }
}

GraphError DefaultGraphError(int status, bool excel) {
  switch (status) {
    case 401:
      return GraphError::Unauthenticated("Access token has expired or is not yet valid.");
    case 412:
      return Nested(412, "resourceModified", "ETag does not match current item's value",
                    "preconditionFailed", "ETag does not match current item's value");
    case 423:
      return Nested(423, "notAllowed", "The resource you are attempting to access is locked",
                    "resourceLocked", "The resource you are attempting to access is locked");
    case 500: {
      // msgraph.md §6.9's example, three levels deep, on every route.
      GraphError error = GraphError::Excel(
          500, "internalServerErrorUncategorized", "An unspecified error has occurred.",
          GraphError::Level{"GenericFileOpenError", "The workbook cannot be opened."});
      error.chain[0].message = "An internal server error occurred while processing the request.";
      return error;
    }
    case 502:
      return GraphError::Service(502, "badGateway", "The gateway did not receive a valid answer.");
    case 504:
      return Nested(504, "MaxRequestDurationExceeded",
                    "We were unable to complete the request within the maximum allowed duration.",
                    "gatewayTimeoutUncategorized", "The request timed out.");
    default:
      return excel ? ExcelDefault(status) : DriveDefault(status);
  }
}

core::Result<FaultKind> KindFromName(std::string_view name) {
  if (name == "status") return FaultKind::kStatus;
  if (name == "reset_before_apply") return FaultKind::kResetBeforeApply;
  if (name == "reset_after_apply") return FaultKind::kResetAfterApply;
  if (name == "delay") return FaultKind::kDelay;
  return core::InvalidInput("Unknown fault kind '" + std::string(name) +
                            "': use status, reset_before_apply, reset_after_apply or delay.");
}

}  // namespace

core::Result<void> FaultInjector::Add(FaultSpec spec) {
  if (spec.count < 1 || spec.skip < 0) {
    return core::InvalidInput("A fault needs a count of at least 1 and a skip of at least 0.");
  }
  if (spec.kind == FaultKind::kStatus &&
      std::find(kSupportedStatuses.begin(), kSupportedStatuses.end(), spec.status) ==
          kSupportedStatuses.end()) {
    return core::InvalidInput("The fake cannot inject status " + std::to_string(spec.status) +
                              ": use 401, 403, 404, 409, 412, 423, 429, 500, 502, 503 or 504.");
  }
  Armed armed{std::move(spec), std::nullopt, 0, 0};
  if (!armed.spec.path_regex.empty()) {
    try {
      armed.regex.emplace(armed.spec.path_regex, std::regex::ECMAScript);
    } catch (const std::regex_error& error) {
      return core::InvalidInput("The fault's path_regex does not compile: " +
                                std::string(error.what()));
    }
  }
  std::lock_guard lock(mutex_);
  faults_.push_back(std::move(armed));
  return {};
}

std::optional<FaultSpec> FaultInjector::Next(std::string_view method, std::string_view path) {
  std::lock_guard lock(mutex_);
  for (auto armed = faults_.begin(); armed != faults_.end(); ++armed) {
    const FaultSpec& spec = armed->spec;
    if (!spec.method.empty() && !core::EqualsIgnoreCase(spec.method, method)) continue;
    if (path.find(spec.path_contains) == std::string_view::npos) continue;
    if (armed->regex && !std::regex_search(path.begin(), path.end(), *armed->regex)) continue;
    if (armed->skipped < spec.skip) {
      ++armed->skipped;
      continue;
    }
    FaultSpec fired = spec;
    if (++armed->fired >= spec.count) faults_.erase(armed);
    return fired;
  }
  return std::nullopt;
}

void FaultInjector::Clear() {
  std::lock_guard lock(mutex_);
  faults_.clear();
}

std::size_t FaultInjector::pending() const {
  std::lock_guard lock(mutex_);
  return faults_.size();
}

core::Result<FaultSpec> FaultInjector::FromJson(const nlohmann::json& json) {
  if (!json.is_object()) return core::InvalidInput("A fault must be a JSON object.");
  FaultSpec spec;
  try {
    spec.method = json.value("method", "");
    spec.path_contains = json.value("path_contains", "");
    spec.path_regex = json.value("path_regex", "");
    spec.count = json.value("count", 1);
    spec.skip = json.value("skip", 0);
    auto kind = KindFromName(json.value("kind", "status"));
    if (!kind) return kind.error();
    spec.kind = *kind;
    spec.status = json.value("status", spec.kind == FaultKind::kStatus ? 500 : 0);
    if (json.contains("retry_after")) spec.retry_after_seconds = json.at("retry_after").get<int>();
    spec.delay = std::chrono::milliseconds(json.value("delay_ms", 0));
    spec.code = json.value("code", "");
    spec.message = json.value("message", "");
  } catch (const nlohmann::json::exception& error) {
    return core::InvalidInput("A fault field has the wrong type: " + std::string(error.what()));
  }
  return spec;
}

GraphError FaultInjector::GraphErrorFor(const FaultSpec& spec, bool excel_route) {
  GraphError error = DefaultGraphError(spec.status, excel_route);
  if (!spec.code.empty()) error.chain[0].code = spec.code;
  if (!spec.message.empty()) error.chain[0].message = spec.message;
  error.retry_after_seconds = spec.retry_after_seconds;
  return error;
}

AadError FaultInjector::AadErrorFor(const FaultSpec& spec) {
  AadError error;
  error.status = spec.status;
  if (spec.status == 401) {
    error.error = "invalid_client";
    error.code = 7000215;
    error.text = "Invalid client secret provided.";
  } else if (spec.status == 429 || spec.status >= 500) {
    error.error = "temporarily_unavailable";
    error.code = 90033;
    error.text = "A transient error has occurred. Please try again.";
  } else {
    error.error = "invalid_request";
    error.code = 90014;
    error.text = "The request was refused.";
  }
  if (!spec.code.empty()) error.error = spec.code;
  if (!spec.message.empty()) error.text = spec.message;
  error.retry_after_seconds = spec.retry_after_seconds;
  return error;
}

}  // namespace xlsync::fakes
