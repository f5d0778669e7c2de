#pragma once

#include <cstddef>

namespace xlsync::excel {

/// Adaptive rows per chunk (msgraph.md §6.6). Until the service first objects it grows by half
/// after every clean chunk, from the starting size up to the ceiling (Excel states no cell cap,
/// only payload limits); it halves on a payload-limit error (413, RequestPayloadSizeLimitExceeded,
/// rangeExceedsLimit) or on the second 504 in a row, never below the floor; after that it grows
/// back by 25 % after 10 clean chunks, never to a size that failed. One per write stream.
class ChunkSizer {
 public:
  /// Clean chunks in a row before growing again.
  static constexpr int kCleanChunksToGrow = 10;

  /// `start_rows` is the first size (at least 1); `min_rows` the floor (clamped to 1..start_rows);
  /// `max_rows` the ceiling (0 or less than the start: the start).
  ChunkSizer(size_t start_rows, size_t min_rows, size_t max_rows = 0);

  size_t rows() const { return rows_; }
  size_t start_rows() const { return start_rows_; }
  size_t min_rows() const { return min_rows_; }
  size_t max_rows() const { return max_rows_; }

  /// A chunk was acknowledged.
  void OnSuccess();
  /// The service refused the chunk as too large: halve. False when already at the floor (the
  /// caller then reports the error instead of retrying).
  bool Shrink();
  /// A chunk timed out (504). The second in a row halves like Shrink() and returns true; the
  /// first only counts, and at the floor nothing shrinks (false: resend the same size).
  bool OnTimeout();

 private:
  size_t start_rows_;
  size_t min_rows_;
  size_t max_rows_;
  size_t rows_;
  bool probing_ = true;  // no payload error or timeout yet
  int clean_chunks_ = 0;
  int timeouts_in_a_row_ = 0;
};

}  // namespace xlsync::excel
