#include "testing/fake_odoo/gen_context.h"

#include <algorithm>

namespace xlsync::fakes {
namespace {

uint64_t SplitMix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

uint64_t Fnv1a(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// Generated history spans 540 days from 2025-01-01 UTC, records created in id order, so that
// create_date grows with id like a real database and every stamp lies in the past.
constexpr int64_t kHistoryStart = 1735689600;
constexpr int64_t kHistorySpan = 540LL * 86400;

}  // namespace

GenContext::GenContext(uint64_t seed, std::map<std::string, int64_t> counts,
                       std::map<std::string, std::map<int64_t, nlohmann::json>> fixed_rows)
    : seed_(seed) {
  for (auto& [model, count] : counts) counts_.emplace(model, count);
  for (auto& [model, rows] : fixed_rows) fixed_rows_.emplace(model, std::move(rows));
}

uint64_t GenContext::Hash(std::string_view tag, int64_t id) const {
  return SplitMix(SplitMix(seed_ ^ Fnv1a(tag)) ^ static_cast<uint64_t>(id));
}

int64_t GenContext::Count(std::string_view model) const {
  auto it = counts_.find(model);
  if (it != counts_.end()) return it->second;
  auto fixed = fixed_rows_.find(model);
  return fixed == fixed_rows_.end() ? 0 : static_cast<int64_t>(fixed->second.size());
}

const std::map<int64_t, nlohmann::json>& GenContext::FixedRows(std::string_view model) const {
  static const std::map<int64_t, nlohmann::json> kNone;
  auto it = fixed_rows_.find(model);
  return it == fixed_rows_.end() ? kNone : it->second;
}

nlohmann::json GenContext::Pick(std::string_view model, uint64_t hash) const {
  auto counted = counts_.find(model);
  if (counted != counts_.end()) {
    if (counted->second <= 0) return nullptr;
    return static_cast<int64_t>(1 + hash % static_cast<uint64_t>(counted->second));
  }
  const auto& rows = FixedRows(model);
  if (rows.empty()) return nullptr;
  auto it = rows.begin();
  std::advance(it, static_cast<long>(hash % rows.size()));
  return it->first;
}

int64_t GenContext::CreateEpoch(std::string_view model, int64_t id) const {
  const int64_t count = std::max<int64_t>(Count(model), 1);
  const int64_t step = std::max<int64_t>(kHistorySpan / count, 1);
  return kHistoryStart + id * step + static_cast<int64_t>(Hash("create", id) % static_cast<uint64_t>(step));
}

int64_t GenContext::WriteEpoch(std::string_view model, int64_t id) const {
  const uint64_t hash = Hash(std::string(model) + ".write", id);
  // A quarter of the records were never touched after creation (write_date == create_date).
  const int64_t later = hash % 4 == 0 ? 0 : static_cast<int64_t>(hash % (3 * 86400));
  return CreateEpoch(model, id) + later;
}

}  // namespace xlsync::fakes
