#include "testing/fake_graph/request_log.h"

#include <algorithm>

namespace xlsync::fakes {

void RequestLog::Record(LoggedRequest entry, std::uint64_t cells_written) {
  std::lock_guard lock(mutex_);
  ++counters_.requests;
  ++counters_.by_route_kind[entry.route_kind];
  counters_.max_request_bytes = std::max(counters_.max_request_bytes, entry.request_bytes);
  counters_.cells_written += cells_written;
  entries_.push_back(std::move(entry));
  while (entries_.size() > capacity_) entries_.pop_front();
}

std::vector<LoggedRequest> RequestLog::Entries() const {
  std::lock_guard lock(mutex_);
  return {entries_.begin(), entries_.end()};
}

RequestCounters RequestLog::Counters() const {
  std::lock_guard lock(mutex_);
  return counters_;
}

void RequestLog::Clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
  counters_ = RequestCounters{};
}

}  // namespace xlsync::fakes
