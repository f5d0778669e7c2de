#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/clock.h"
#include "core/sleeper.h"

namespace xlsync::fakes {

/// The application permission an app registration holds (msgraph.md §5).
enum class AppPermission { kNone, kFilesReadWriteAll, kSitesReadWriteAll, kSitesSelected };

/// An app's consented permission; `site_granted` matters for Sites.Selected only (without the
/// per-site grant every drive call answers 403).
struct AppAccess {
  AppPermission permission = AppPermission::kFilesReadWriteAll;
  bool site_granted = false;
};

/// How a FakeGraph behaves. Defaults follow msgraph.md: 3599 s tokens, 5 min session idle
/// timeout (7 min for persistChanges:false), 5,000,000-byte request cap, 5,000,000-cell reads.
struct FakeGraphOptions {
  int port = 0;  // 0 = any free port on 127.0.0.1
  /// The scope the token endpoint requires; empty = "<url()>/.default".
  std::string expected_scope;
  std::chrono::seconds token_lifetime{3599};
  std::chrono::milliseconds session_idle_timeout{std::chrono::minutes(5)};
  std::chrono::milliseconds scratch_session_idle_timeout{std::chrono::minutes(7)};
  /// createSession with "Prefer: respond-async" answers 202 + Location; the operation reports
  /// "running" for this many polls, then "succeeded".
  bool async_create_session = false;
  int async_polls_before_success = 1;
  std::size_t max_request_bytes = 5'000'000;
  std::size_t max_response_bytes = 5'000'000;  // workbook answers over it: 413 (msgraph.md §6.5)
  std::size_t max_cells_per_request = 0;  // 0 = no cap
  std::size_t max_read_cells = 5'000'000;
  std::chrono::milliseconds call_latency{0};
  std::chrono::microseconds per_kib_latency{0};  // per KiB of request plus response body
  core::Clock* clock = nullptr;                  // nullptr = core::SystemClock()
  core::Sleeper* sleeper = nullptr;              // latency waits; nullptr = a real sleeper
  std::uint64_t id_seed = 20240315;              // drive/item/sheet ids are derived from it
  std::size_t max_log_entries = 100'000;
};

}  // namespace xlsync::fakes
