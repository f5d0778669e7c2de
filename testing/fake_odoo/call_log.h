#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace xlsync::fakes {

/// One call the fake served: transport (jsonrpc, json2, web), service (common, object, db,
/// json2, web), method, model, records returned, and the exception name if it failed.
struct CallRecord {
  std::string transport;
  std::string service;
  std::string method;
  std::string model;
  int64_t records = 0;
  std::string error;
};

/// The calls served, oldest first, capped at the last 100,000. Thread-safe.
class CallLog {
 public:
  void Add(CallRecord record);
  std::vector<CallRecord> All() const;
  void Clear();
  nlohmann::json ToJson() const;

 private:
  static constexpr size_t kCapacity = 100'000;
  mutable std::mutex mutex_;
  std::deque<CallRecord> records_;
};

}  // namespace xlsync::fakes
