#pragma once

#include <cstdint>
#include <deque>
#include <optional>

namespace xlsync::sync {

/// Where a run can continue from: `rows` data rows are in the sheet and acknowledged, the last
/// of them is the Odoo record `last_id` (0: unknown, the run cannot resume), `digest` is the
/// RowDigest after them and `last_nonempty_row` the sheet row of the last row with a value.
struct ResumePoint {
  int64_t rows = 0;
  int64_t last_id = 0;
  uint64_t digest = 14695981039346656037ULL;  // RowDigest of no rows
  int64_t last_nonempty_row = 1;
};

/// Remembers, for each row handed to the sinks but not yet acknowledged, its Odoo id and the
/// digest after it, so that an acknowledgement of N rows becomes a ResumePoint. Holds only the
/// rows in flight (a chunk or two). Used from the writer thread only.
class CheckpointLedger {
 public:
  explicit CheckpointLedger(const ResumePoint& start) : next_row_(start.rows + 1) {}

  /// Notes the next row written: its Odoo id and the digest including it.
  void Record(int64_t id, uint64_t digest_after);
  /// The ResumePoint after the first `rows` data rows, once the sink acknowledged them.
  std::optional<ResumePoint> Acknowledge(int64_t rows, int64_t last_nonempty_row);

 private:
  struct Mark {
    int64_t row = 0;
    int64_t id = 0;
    uint64_t digest = 0;
  };
  std::deque<Mark> marks_;
  int64_t next_row_;
};

}  // namespace xlsync::sync
