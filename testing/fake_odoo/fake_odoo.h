#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "testing/fake_odoo/call_log.h"
#include "testing/fake_odoo/fake_odoo_options.h"
#include "testing/fake_odoo/fault_plan.h"

namespace xlsync::fakes {

class OdooBackend;
class HttpFront;

/// A fake Odoo server (16–19 profiles) on 127.0.0.1 for tests, the demo and benchmarks:
/// JSON-RPC and JSON-2 as odoo-api.md describes them, deterministic generated data (up to
/// millions of records, made on demand), scripted faults and latency. Thread-safe; the
/// direct-access methods bypass HTTP and run as superuser. Abort on misuse (a test bug).
class FakeOdoo {
 public:
  explicit FakeOdoo(FakeOdooOptions options = {});
  ~FakeOdoo();
  FakeOdoo(const FakeOdoo&) = delete;
  FakeOdoo& operator=(const FakeOdoo&) = delete;

  /// Validates the options, binds 127.0.0.1:options.port and serves on background threads.
  core::Result<void> Start();
  /// Stops serving (also done by the destructor). A stopped fake cannot be started again.
  void Stop();
  int port() const { return port_; }
  /// "http://127.0.0.1:PORT".
  std::string url() const;
  const FakeOdooOptions& options() const;

  /// What `search_read` over RPC returns for these arguments (context: lang, active_test…).
  nlohmann::json SearchRead(const std::string& model, const nlohmann::json& domain, const nlohmann::json& fields,
                            const std::string& order = "id",
                            const nlohmann::json& context = nlohmann::json::object()) const;
  nlohmann::json FieldsGet(const std::string& model, const std::string& lang = "en_US") const;
  int64_t Count(const std::string& model, const nlohmann::json& domain = nlohmann::json::array()) const;
  /// Changes a record; stamps write_date with the clock unless `values` sets it.
  void Write(const std::string& model, int64_t id, const nlohmann::json& values);
  int64_t Create(const std::string& model, const nlohmann::json& values);
  void Unlink(const std::string& model, const std::vector<int64_t>& ids);

  std::vector<CallRecord> Calls() const;
  void ClearCalls();

  void InjectFault(FaultRule rule);
  void ClearFaults();
  void SetLatency(std::chrono::milliseconds per_call, std::chrono::microseconds per_record);
  /// Generated data back, faults and calls cleared, latency as configured.
  void Reset();

 private:
  std::unique_ptr<OdooBackend> backend_;
  std::unique_ptr<HttpFront> front_;
  int port_ = 0;
};

}  // namespace xlsync::fakes
