#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/clock.h"

namespace xlsync::fakes {

/// A user of the fake Odoo: credentials (password and 40-hex API keys, odoo-api.md §7), the
/// models it may read and write (empty = all), its groups (for group-restricted fields such as
/// res.partner.credit) and its companies (for context allowed_company_ids, §9.3).
struct FakeUser {
  std::string login;
  std::string password;
  std::vector<std::string> api_keys;
  int64_t uid = 0;
  std::string name;
  std::set<std::string> can_read;
  std::set<std::string> can_write;
  std::set<std::string> groups;
  std::vector<int64_t> company_ids = {1};
};

/// admin/admin (uid 2, API key 0123…4567, every right) and demo/demo (uid 6, may not read
/// account.move nor write outside contacts and sales, company 1 only).
std::vector<FakeUser> DefaultFakeUsers();

/// How a FakeOdoo behaves. `version` picks the profile (16, 17, 18, 19) of odoo-api.md §11.
struct FakeOdooOptions {
  int version = 18;
  std::string database = "demo";
  std::vector<FakeUser> users = DefaultFakeUsers();
  uint64_t seed = 42;
  /// Records per generated model (res.partner, product.product, sale.order, sale.order.line,
  /// account.move); models left out keep their small defaults. Up to 100,000,000 each.
  std::map<std::string, int64_t> record_counts;
  /// Injected cost of a call: fixed per call plus per returned record (benchmarks).
  std::chrono::milliseconds call_latency{0};
  std::chrono::microseconds per_record_latency{0};
  int port = 0;  // 0 = any free port
  int worker_threads = 8;
  /// common.authenticate on an unknown database: false (default) or, like the captured 18.0
  /// server, a psycopg2.OperationalError (odoo-api.md §2 allows both).
  bool unknown_database_raises = false;
  /// The clock that stamps create_date/write_date of changed records; null = the system clock.
  const core::Clock* clock = nullptr;
};

/// The record counts used when FakeOdooOptions::record_counts does not name a model.
const std::map<std::string, int64_t>& DefaultRecordCounts();

}  // namespace xlsync::fakes
