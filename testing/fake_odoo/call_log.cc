#include "testing/fake_odoo/call_log.h"

namespace xlsync::fakes {

void CallLog::Add(CallRecord record) {
  std::lock_guard lock(mutex_);
  records_.push_back(std::move(record));
  if (records_.size() > kCapacity) records_.pop_front();
}

std::vector<CallRecord> CallLog::All() const {
  std::lock_guard lock(mutex_);
  return {records_.begin(), records_.end()};
}

void CallLog::Clear() {
  std::lock_guard lock(mutex_);
  records_.clear();
}

nlohmann::json CallLog::ToJson() const {
  nlohmann::json calls = nlohmann::json::array();
  for (const CallRecord& record : All()) {
    calls.push_back({{"transport", record.transport}, {"service", record.service}, {"method", record.method},
                     {"model", record.model}, {"records", record.records}, {"error", record.error}});
  }
  return calls;
}

}  // namespace xlsync::fakes
