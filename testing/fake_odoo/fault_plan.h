#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace xlsync::fakes {

/// What an injected fault does to the call it hits.
enum class OdooFaultKind {
  kHttpStatus,  // answer `status` with an HTML page (a proxy's 429/502/503/504)
  kDrop,        // close the connection without an answer (a killed worker)
  kDelay,       // wait `delay`, then answer normally
  kOdooError,   // raise `error_name`/`error_message` as Odoo would
};

/// One scripted fault: which calls it matches (transport jsonrpc|json2|any, model, method;
/// empty = any), how many it answers, and what it does (README.md lists the JSON form).
struct FaultRule {
  std::string transport = "any";
  std::string model;
  std::string method;
  int count = 1;  // < 0: until cleared
  int skip = 0;   // matching calls let through before it fires
  OdooFaultKind kind = OdooFaultKind::kHttpStatus;
  int status = 503;
  int retry_after_seconds = -1;  // Retry-After header when >= 0
  std::string body;              // empty: a proxy-like HTML page for the status
  std::chrono::milliseconds delay{0};
  std::string error_name = "odoo.exceptions.AccessDenied";
  std::string error_message = "Access Denied";
};

/// Parses the control route's JSON form of a rule.
core::Result<FaultRule> ParseFaultRule(const nlohmann::json& json);
nlohmann::json FaultRuleToJson(const FaultRule& rule);
/// The HTML page a reverse proxy answers with for `status` ("502 Bad Gateway").
std::string ProxyErrorPage(int status);

/// The queue of scripted faults, consumed by matching calls in order. Thread-safe.
class FaultPlan {
 public:
  void Add(FaultRule rule);
  void Clear();
  /// The fault for this call, if one matches (and counts it); nullopt otherwise.
  std::optional<FaultRule> Take(std::string_view transport, std::string_view model, std::string_view method);
  nlohmann::json ToJson() const;

 private:
  struct Entry {
    FaultRule rule;
    int skipped = 0;
  };
  mutable std::mutex mutex_;
  std::vector<Entry> entries_;
};

}  // namespace xlsync::fakes
