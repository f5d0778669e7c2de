#include "testing/fake_odoo/odoo_backend.h"

#include "testing/fake_odoo/gen_util.h"
#include "testing/fake_odoo/method_runner.h"
#include "testing/fake_odoo/odoo_messages.h"

namespace xlsync::fakes {

using nlohmann::json;

std::map<std::string, int64_t> EffectiveRecordCounts(const FakeOdooOptions& options) {
  std::map<std::string, int64_t> counts = DefaultRecordCounts();
  for (const auto& [model, count] : options.record_counts) counts[model] = count;
  return counts;
}

OdooBackend::OdooBackend(FakeOdooOptions options)
    : options_(std::move(options)),
      generator_(schema_, options_.seed, EffectiveRecordCounts(options_), options_.users),
      store_(schema_, generator_),
      orm_(schema_, store_, options_.version) {
  SetLatency(options_.call_latency, options_.per_record_latency);
}

const FakeUser* OdooBackend::UserByLogin(std::string_view login) const {
  for (const FakeUser& user : options_.users) {
    if (user.login == login) return &user;
  }
  return nullptr;
}

const FakeUser* OdooBackend::UserByUid(int64_t uid) const {
  for (const FakeUser& user : options_.users) {
    if (user.uid == uid) return &user;
  }
  return nullptr;
}

const FakeUser* OdooBackend::UserByApiKey(std::string_view key) const {
  if (key.empty()) return nullptr;
  for (const FakeUser& user : options_.users) {
    for (const std::string& candidate : user.api_keys) {
      if (candidate == key) return &user;
    }
  }
  return nullptr;
}

bool OdooBackend::Accepts(const FakeUser& user, std::string_view secret) {
  if (secret.empty()) return false;
  if (secret == user.password) return true;
  for (const std::string& key : user.api_keys) {
    if (key == secret) return true;
  }
  return false;
}

core::Result<json> OdooBackend::CallModel(const FakeUser* user, std::string_view model, std::string_view method,
                                          const Binder& bind, const json& context, int64_t& records) {
  records = 0;
  const int version = options_.version;
  // odoo/service/model.py: check_method_name() runs before the model is even looked up.
  if (!method.empty() && method.front() == '_') return msg::PrivateMethod(version, model, method);
  auto model_def = orm_.Model(model);
  if (!model_def) return model_def.error();
  const MethodSpec* spec = FindMethod(method, model, version);
  if (!spec) return msg::MethodNotFound(version, model, method);
  auto call = bind(*spec);
  if (!call) return call.error();
  auto env = orm_.MakeEnv(user, context, Now());
  if (!env) return env.error();
  core::Result<json> result = json();
  if (spec->writes) {
    std::unique_lock lock(data_mutex_);
    result = RunMethod(orm_, *env, **model_def, *call);
  } else {
    std::shared_lock lock(data_mutex_);
    result = RunMethod(orm_, *env, **model_def, *call);
  }
  if (result) records = RecordsIn(*call, *result);
  return result;
}

std::string OdooBackend::Now() const {
  const core::Clock& clock = options_.clock ? *options_.clock : core::SystemClock();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(clock.Now().time_since_epoch()).count();
  return gen::Datetime(seconds);
}

void OdooBackend::SetLatency(std::chrono::milliseconds per_call, std::chrono::microseconds per_record) {
  call_latency_us_ = std::chrono::duration_cast<std::chrono::microseconds>(per_call).count();
  per_record_latency_us_ = per_record.count();
}

std::chrono::microseconds OdooBackend::LatencyFor(int64_t records) const {
  return std::chrono::microseconds(call_latency_us_.load() + records * per_record_latency_us_.load());
}

void OdooBackend::Reset() {
  {
    std::unique_lock lock(data_mutex_);
    store_.Reset();
  }
  faults_.Clear();
  calls_.Clear();
  SetLatency(options_.call_latency, options_.per_record_latency);
}

Env OdooBackend::SuperuserEnv() const {
  Env env;
  env.now = Now();
  return env;
}

}  // namespace xlsync::fakes
