#include "testing/fake_odoo/fault_plan.h"

#include <type_traits>

namespace xlsync::fakes {
namespace {

using nlohmann::json;

const char* Reason(int status) {
  switch (status) {
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Temporarily Unavailable";
    case 504: return "Gateway Time-out";
    default: return "Error";
  }
}

bool Matches(const std::string& wanted, std::string_view actual) { return wanted.empty() || wanted == actual; }

core::Error Bad(const std::string& what) {
  return core::InvalidInput("The fault rule is invalid: " + what + ".", "fake_odoo");
}

core::Result<OdooFaultKind> KindOf(const std::string& action) {
  if (action == "status") return OdooFaultKind::kHttpStatus;
  if (action == "drop") return OdooFaultKind::kDrop;
  if (action == "delay") return OdooFaultKind::kDelay;
  if (action == "odoo_error") return OdooFaultKind::kOdooError;
  return Bad("action must be status, drop, delay or odoo_error");
}

const char* KindName(OdooFaultKind kind) {
  switch (kind) {
    case OdooFaultKind::kHttpStatus: return "status";
    case OdooFaultKind::kDrop: return "drop";
    case OdooFaultKind::kDelay: return "delay";
    case OdooFaultKind::kOdooError: return "odoo_error";
  }
  return "status";
}

}  // namespace

std::string ProxyErrorPage(int status) {
  const std::string title = std::to_string(status) + " " + Reason(status);
  return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title +
         "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
}

core::Result<FaultRule> ParseFaultRule(const json& input) {
  if (!input.is_object()) return Bad("it must be a JSON object");
  FaultRule rule;
  auto text = [&](const char* key, std::string& out) -> bool {
    auto it = input.find(key);
    if (it == input.end()) return true;
    if (!it->is_string()) return false;
    out = it->get<std::string>();
    return true;
  };
  auto number = [&](const char* key, auto& out) -> bool {
    auto it = input.find(key);
    if (it == input.end()) return true;
    if (!it->is_number_integer()) return false;
    out = it->get<std::remove_reference_t<decltype(out)>>();
    return true;
  };
  std::string action = "status";
  int64_t delay_ms = 0;
  const bool ok = text("transport", rule.transport) && text("model", rule.model) && text("method", rule.method) &&
                  text("action", action) && text("body", rule.body) && text("error_name", rule.error_name) &&
                  text("error_message", rule.error_message) && number("count", rule.count) &&
                  number("skip", rule.skip) && number("status", rule.status) &&
                  number("retry_after", rule.retry_after_seconds) && number("delay_ms", delay_ms);
  if (!ok) return Bad("a field has the wrong type");
  if (rule.transport != "any" && rule.transport != "jsonrpc" && rule.transport != "json2") {
    return Bad("transport must be jsonrpc, json2 or any");
  }
  auto kind = KindOf(action);
  if (!kind) return kind.error();
  rule.kind = *kind;
  rule.delay = std::chrono::milliseconds(delay_ms);
  if (rule.kind == OdooFaultKind::kHttpStatus && (rule.status < 100 || rule.status > 599)) return Bad("status out of range");
  return rule;
}

json FaultRuleToJson(const FaultRule& rule) {
  return {{"transport", rule.transport}, {"model", rule.model}, {"method", rule.method},
          {"count", rule.count}, {"skip", rule.skip}, {"action", KindName(rule.kind)},
          {"status", rule.status}, {"retry_after", rule.retry_after_seconds},
          {"delay_ms", rule.delay.count()}, {"error_name", rule.error_name},
          {"error_message", rule.error_message}};
}

void FaultPlan::Add(FaultRule rule) {
  std::lock_guard lock(mutex_);
  entries_.push_back({std::move(rule), 0});
}

void FaultPlan::Clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

std::optional<FaultRule> FaultPlan::Take(std::string_view transport, std::string_view model, std::string_view method) {
  std::lock_guard lock(mutex_);
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    const FaultRule& rule = it->rule;
    const bool transport_ok = rule.transport == "any" || rule.transport == transport;
    if (!transport_ok || !Matches(rule.model, model) || !Matches(rule.method, method)) continue;
    if (it->skipped < rule.skip) {
      ++it->skipped;
      return std::nullopt;
    }
    FaultRule fired = rule;
    if (it->rule.count > 0 && --it->rule.count == 0) entries_.erase(it);
    return fired;
  }
  return std::nullopt;
}

json FaultPlan::ToJson() const {
  std::lock_guard lock(mutex_);
  json rules = json::array();
  for (const Entry& entry : entries_) rules.push_back(FaultRuleToJson(entry.rule));
  return rules;
}

}  // namespace xlsync::fakes
