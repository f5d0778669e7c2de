// The /__fake__ control routes (README.md): other processes script faults and latency, read
// the call log and reset the data, as with GCS's testbench.
#include <httplib.h>

#include "testing/fake_odoo/http_front.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

constexpr const char* kJsonType = "application/json; charset=utf-8";

void Answer(httplib::Response& response, int status, const json& body) {
  response.status = status;
  response.set_content(body.dump(), kJsonType);
}

}  // namespace

void HttpFront::AddControlRoutes() {
  server_->Post("/__fake__/faults", [this](const httplib::Request& request, httplib::Response& response) {
    const json body = json::parse(request.body, nullptr, false);
    const json rules = body.is_array() ? body : json::array({body});
    std::vector<FaultRule> parsed;
    for (const json& rule : rules) {
      auto fault = ParseFaultRule(rule);
      if (!fault) return Answer(response, 400, {{"error", fault.error().message}});
      parsed.push_back(*fault);
    }
    for (FaultRule& rule : parsed) backend_.faults().Add(std::move(rule));
    Answer(response, 200, {{"faults", backend_.faults().ToJson()}});
  });
  server_->Get("/__fake__/faults", [this](const httplib::Request&, httplib::Response& response) {
    Answer(response, 200, {{"faults", backend_.faults().ToJson()}});
  });
  server_->Delete("/__fake__/faults", [this](const httplib::Request&, httplib::Response& response) {
    backend_.faults().Clear();
    Answer(response, 200, {{"faults", json::array()}});
  });
  server_->Post("/__fake__/latency", [this](const httplib::Request& request, httplib::Response& response) {
    const json body = json::parse(request.body, nullptr, false);
    const bool valid = body.is_object() && body.value("call_latency_ms", json(0)).is_number_integer() &&
                       body.value("per_record_latency_us", json(0)).is_number_integer();
    if (!valid) {
      return Answer(response, 400, {{"error", "Send {\"call_latency_ms\": N, \"per_record_latency_us\": M}."}});
    }
    backend_.SetLatency(std::chrono::milliseconds(body.value("call_latency_ms", 0)),
                        std::chrono::microseconds(body.value("per_record_latency_us", 0)));
    Answer(response, 200, body);
  });
  server_->Get("/__fake__/calls", [this](const httplib::Request&, httplib::Response& response) {
    Answer(response, 200, {{"calls", backend_.calls().ToJson()}});
  });
  server_->Delete("/__fake__/calls", [this](const httplib::Request&, httplib::Response& response) {
    backend_.calls().Clear();
    Answer(response, 200, {{"calls", json::array()}});
  });
  server_->Post("/__fake__/reset", [this](const httplib::Request&, httplib::Response& response) {
    backend_.Reset();
    Answer(response, 200, {{"reset", true}});
  });
}

}  // namespace xlsync::fakes
