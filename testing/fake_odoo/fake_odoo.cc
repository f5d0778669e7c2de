#include "testing/fake_odoo/fake_odoo.h"

#include <cstdio>
#include <cstdlib>
#include <set>

#include "testing/fake_odoo/http_front.h"
#include "testing/fake_odoo/odoo_backend.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

constexpr int64_t kMaxRecords = 100'000'000;

// Direct access is test code calling the fake: an error there is a bug in the test.
template <typename T>
T OrDie(core::Result<T> result, const char* what) {
  if (!result) {
    std::fprintf(stderr, "FakeOdoo::%s failed: %s (%s)\n", what, result.error().message.c_str(),
                 result.error().upstream.c_str());
    std::abort();
  }
  return std::move(result).value();
}

core::Result<void> Validate(const FakeOdooOptions& options) {
  if (options.version < 16 || options.version > 19) {
    return core::InvalidInput("The fake Odoo version must be 16, 17, 18 or 19.", "fake_odoo");
  }
  for (const auto& [model, count] : options.record_counts) {
    if (!DefaultRecordCounts().count(model)) {
      return core::InvalidInput("The fake Odoo cannot generate records of '" + model +
                                    "'; use res.partner, product.product, sale.order, sale.order.line or account.move.",
                                "fake_odoo");
    }
    if (count < 0 || count > kMaxRecords) {
      return core::InvalidInput("The record count of " + model + " must be between 0 and 100,000,000.", "fake_odoo");
    }
  }
  std::set<int64_t> uids;
  for (const FakeUser& user : options.users) {
    if (user.uid <= 0 || !uids.insert(user.uid).second || user.login.empty()) {
      return core::InvalidInput("Each fake Odoo user needs a login and its own positive uid.", "fake_odoo");
    }
  }
  return {};
}

}  // namespace

FakeOdoo::FakeOdoo(FakeOdooOptions options)
    : backend_(std::make_unique<OdooBackend>(std::move(options))),
      front_(std::make_unique<HttpFront>(*backend_)) {}

FakeOdoo::~FakeOdoo() { Stop(); }

core::Result<void> FakeOdoo::Start() {
  XLSYNC_RETURN_IF_ERROR(Validate(backend_->options()));
  auto bound = front_->Start(backend_->options().port, backend_->options().worker_threads);
  if (!bound) return bound.error();
  port_ = *bound;
  return {};
}

void FakeOdoo::Stop() {
  if (front_) front_->Stop();
}

std::string FakeOdoo::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

const FakeOdooOptions& FakeOdoo::options() const { return backend_->options(); }

json FakeOdoo::SearchRead(const std::string& model, const json& domain, const json& fields, const std::string& order,
                          const json& context) const {
  return OrDie(backend_->WithData(false, [&](Orm& orm, const Env&) -> core::Result<json> {
    auto def = orm.Model(model);
    if (!def) return def.error();
    auto env = orm.MakeEnv(nullptr, context, backend_->Now());
    if (!env) return env.error();
    return orm.SearchRead(*env, **def, domain, fields, 0, std::nullopt, json(order), true);
  }), "SearchRead");
}

json FakeOdoo::FieldsGet(const std::string& model, const std::string& lang) const {
  return OrDie(backend_->WithData(false, [&](Orm& orm, const Env& superuser) -> core::Result<json> {
    auto def = orm.Model(model);
    if (!def) return def.error();
    Env env = superuser;
    env.lang = lang;
    return orm.FieldsGet(env, **def, nullptr, nullptr);
  }), "FieldsGet");
}

int64_t FakeOdoo::Count(const std::string& model, const json& domain) const {
  return OrDie(backend_->WithData(false, [&](Orm& orm, const Env& env) -> core::Result<int64_t> {
    auto def = orm.Model(model);
    if (!def) return def.error();
    return orm.SearchCount(env, **def, domain, std::nullopt);
  }), "Count");
}

void FakeOdoo::Write(const std::string& model, int64_t id, const json& values) {
  OrDie(backend_->WithData(true, [&](Orm& orm, const Env& env) -> core::Result<bool> {
    auto def = orm.Model(model);
    if (!def) return def.error();
    XLSYNC_RETURN_IF_ERROR(orm.Write(env, **def, {id}, values, true));
    return true;
  }), "Write");
}

int64_t FakeOdoo::Create(const std::string& model, const json& values) {
  return OrDie(backend_->WithData(true, [&](Orm& orm, const Env& env) -> core::Result<int64_t> {
    auto def = orm.Model(model);
    if (!def) return def.error();
    auto ids = orm.Create(env, **def, {values}, true);
    if (!ids) return ids.error();
    return ids->front();
  }), "Create");
}

void FakeOdoo::Unlink(const std::string& model, const std::vector<int64_t>& ids) {
  OrDie(backend_->WithData(true, [&](Orm& orm, const Env& env) -> core::Result<bool> {
    auto def = orm.Model(model);
    if (!def) return def.error();
    XLSYNC_RETURN_IF_ERROR(orm.Unlink(env, **def, ids));
    return true;
  }), "Unlink");
}

std::vector<CallRecord> FakeOdoo::Calls() const { return backend_->calls().All(); }

void FakeOdoo::ClearCalls() { backend_->calls().Clear(); }

void FakeOdoo::InjectFault(FaultRule rule) { backend_->faults().Add(std::move(rule)); }

void FakeOdoo::ClearFaults() { backend_->faults().Clear(); }

void FakeOdoo::SetLatency(std::chrono::milliseconds per_call, std::chrono::microseconds per_record) {
  backend_->SetLatency(per_call, per_record);
}

void FakeOdoo::Reset() { backend_->Reset(); }

}  // namespace xlsync::fakes
