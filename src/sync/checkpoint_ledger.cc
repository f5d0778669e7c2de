#include "sync/checkpoint_ledger.h"

namespace xlsync::sync {

void CheckpointLedger::Record(int64_t id, uint64_t digest_after) {
  marks_.push_back(Mark{next_row_++, id, digest_after});
}

std::optional<ResumePoint> CheckpointLedger::Acknowledge(int64_t rows, int64_t last_nonempty_row) {
  std::optional<ResumePoint> point;
  while (!marks_.empty() && marks_.front().row <= rows) {
    const Mark& mark = marks_.front();
    if (mark.row == rows) point = ResumePoint{rows, mark.id, mark.digest, last_nonempty_row};
    marks_.pop_front();
  }
  return point;
}

}  // namespace xlsync::sync
