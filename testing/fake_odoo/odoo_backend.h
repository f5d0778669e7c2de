#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <shared_mutex>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "testing/fake_odoo/call_log.h"
#include "testing/fake_odoo/fake_odoo_options.h"
#include "testing/fake_odoo/fault_plan.h"
#include "testing/fake_odoo/method_table.h"
#include "testing/fake_odoo/orm.h"
#include "testing/fake_odoo/record_generator.h"
#include "testing/fake_odoo/record_store.h"
#include "testing/fake_odoo/schema.h"

namespace xlsync::fakes {

/// Binds a call's arguments to the method's signature (execute_kw or JSON-2 style).
using Binder = std::function<core::Result<BoundCall>(const MethodSpec&)>;

/// What the fake's routes share: the database (schema, generator, store and Orm behind one
/// shared_mutex: reads run in parallel, writes alone, each call a consistent "transaction"),
/// the users and their credentials, scripted faults, the call log and the latency settings.
/// Thread-safe.
class OdooBackend {
 public:
  explicit OdooBackend(FakeOdooOptions options);

  const FakeOdooOptions& options() const { return options_; }
  int version() const { return options_.version; }
  const Schema& schema() const { return schema_; }

  const FakeUser* UserByLogin(std::string_view login) const;
  const FakeUser* UserByUid(int64_t uid) const;
  const FakeUser* UserByApiKey(std::string_view key) const;
  /// True when `secret` is the user's password or one of its API keys (never empty).
  static bool Accepts(const FakeUser& user, std::string_view secret);

  /// Runs a model method for `user` with Odoo's checks in Odoo's order: private name, model,
  /// method, argument binding, context, then the method itself (ACLs inside). `records`
  /// receives how many records the result carries.
  core::Result<nlohmann::json> CallModel(const FakeUser* user, std::string_view model, std::string_view method,
                                         const Binder& bind, const nlohmann::json& context, int64_t& records);

  /// Runs `work` on the Orm as superuser under the shared (read) or exclusive (write) lock.
  template <typename Work>
  auto WithData(bool write, Work&& work) {
    if (write) {
      std::unique_lock lock(data_mutex_);
      return work(orm_, SuperuserEnv());
    }
    std::shared_lock lock(data_mutex_);
    return work(orm_, SuperuserEnv());
  }

  /// "YYYY-MM-DD HH:MM:SS" UTC of the configured clock: stamps create_date/write_date.
  std::string Now() const;

  FaultPlan& faults() { return faults_; }
  CallLog& calls() { return calls_; }
  void SetLatency(std::chrono::milliseconds per_call, std::chrono::microseconds per_record);
  std::chrono::microseconds LatencyFor(int64_t records) const;
  /// Back to the generated data, no faults, no calls, the configured latency.
  void Reset();

 private:
  Env SuperuserEnv() const;

  FakeOdooOptions options_;
  Schema schema_;
  RecordGenerator generator_;
  RecordStore store_;
  Orm orm_;
  mutable std::shared_mutex data_mutex_;
  FaultPlan faults_;
  CallLog calls_;
  std::atomic<int64_t> call_latency_us_{0};
  std::atomic<int64_t> per_record_latency_us_{0};
};

/// The record counts of `options` merged over DefaultRecordCounts().
std::map<std::string, int64_t> EffectiveRecordCounts(const FakeOdooOptions& options);

}  // namespace xlsync::fakes
