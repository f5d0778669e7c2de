#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.h"

namespace xlsync::fakes {

/// One request the fake answered (or dropped).
struct LoggedRequest {
  std::string method;
  std::string path;  // percent-decoded
  int status = 0;    // 0 when the connection was dropped
  std::size_t request_bytes = 0;
  std::size_t response_bytes = 0;
  // token, drive, item, share, session, operation, worksheet, range, range_insert, range_delete,
  // format, autofit, table, table_add, table_rows, table_rows_add, table_columns,
  // table_columns_add, table_convert, workbook, other
  std::string route_kind;
  std::string session_id;  // the workbook-session-id header, if any
  std::string client_request_id;
  std::string fault;  // "", "status", "reset_before_apply", "reset_after_apply", "delay"
  core::TimePoint time;
};

/// Totals since the last reset.
struct RequestCounters {
  std::uint64_t requests = 0;
  std::map<std::string, std::uint64_t> by_route_kind;
  std::size_t max_request_bytes = 0;
  std::uint64_t cells_written = 0;
};

/// Keeps the last `capacity` requests and running counters. Thread-safe.
class RequestLog {
 public:
  explicit RequestLog(std::size_t capacity) : capacity_(capacity) {}

  void Record(LoggedRequest entry, std::uint64_t cells_written);
  std::vector<LoggedRequest> Entries() const;
  RequestCounters Counters() const;
  void Clear();

 private:
  mutable std::mutex mutex_;
  std::size_t capacity_;
  std::deque<LoggedRequest> entries_;
  RequestCounters counters_;
};

}  // namespace xlsync::fakes
