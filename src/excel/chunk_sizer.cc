#include "excel/chunk_sizer.h"

#include <algorithm>

namespace xlsync::excel {

ChunkSizer::ChunkSizer(size_t start_rows, size_t min_rows, size_t max_rows)
    : start_rows_(std::max<size_t>(1, start_rows)),
      min_rows_(std::clamp<size_t>(min_rows, 1, start_rows_)),
      max_rows_(std::max(start_rows_, max_rows)),
      rows_(start_rows_) {}

void ChunkSizer::OnSuccess() {
  timeouts_in_a_row_ = 0;
  if (rows_ >= max_rows_) return;
  if (probing_) {
    // Each request costs a fixed round trip (~100 ms and more), so fewer, larger chunks are
    // faster as long as Excel takes them; the encoder's byte budgets still bound every chunk.
    rows_ = std::min(max_rows_, rows_ + std::max<size_t>(1, rows_ / 2));
    return;
  }
  if (++clean_chunks_ < kCleanChunksToGrow) return;
  // Grow back slowly (25 %, at least one row) so a size that just failed is not hit again at once.
  rows_ = std::min(max_rows_, rows_ + std::max<size_t>(1, rows_ / 4));
  clean_chunks_ = 0;
}

bool ChunkSizer::Shrink() {
  timeouts_in_a_row_ = 0;
  clean_chunks_ = 0;
  if (probing_) {
    // The first size Excel refused is the ceiling from now on (one row short of it).
    max_rows_ = std::max(min_rows_, std::min(max_rows_, rows_ - 1));
    probing_ = false;
  }
  if (rows_ <= min_rows_) return false;
  rows_ = std::max(min_rows_, rows_ / 2);
  return true;
}

bool ChunkSizer::OnTimeout() {
  // One 504 may be a slow moment; two in a row on the same chunk mean it is too big (§6.6).
  if (++timeouts_in_a_row_ < 2) return false;
  timeouts_in_a_row_ = 0;
  return Shrink();
}

}  // namespace xlsync::excel
