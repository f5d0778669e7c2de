#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/cell.h"
#include "core/result.h"

namespace xlsync::sync {

/// Where a run's rows go (a sheet in Excel Online, a local .xlsx). Called from one thread.
class SheetSink {
 public:
  virtual ~SheetSink() = default;
  /// Prepares a replace run: clears the old data and writes the header row of labels.
  virtual core::Result<void> Begin(const std::vector<core::Column>& columns) = 0;
  /// Continues an interrupted replace run whose first `rows` data rows are in place (the last
  /// with a value on sheet row `last_nonempty_row`): checks the header, clears nothing. A sink
  /// that cannot continue says so; the caller then starts over with Begin().
  virtual core::Result<void> Continue(const std::vector<core::Column>& columns, int64_t rows,
                                      int64_t last_nonempty_row) = 0;
  /// Takes rows that follow those already taken; may hold some back until Finish().
  virtual core::Result<void> Write(std::span<const core::Row> rows) = 0;
  /// Called while the writer waits for rows, so that remote sessions stay alive.
  virtual core::Result<void> KeepAlive() { return {}; }
  /// The writer has no rows to write right now: do deferred work (e.g. read acknowledged rows
  /// back); true when it did some, so the writer asks again before it waits.
  virtual core::Result<bool> Idle() { return false; }
  /// Writes whatever is held back; after success every row is acknowledged.
  virtual core::Result<void> Finish() = 0;
  /// Proves the result by reading it back: `rows` data rows whose RowDigest is `digest`.
  virtual core::Result<void> Verify(int64_t rows, uint64_t digest) = 0;
  /// Ends the sink's remote state (closes sessions), after success or failure alike.
  virtual void Close() {}
};

}  // namespace xlsync::sync
