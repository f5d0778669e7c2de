#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "core/cell.h"
#include "core/result.h"

namespace xlsync::excel {

/// Limits of one range PATCH (msgraph.md §6.6): cells of the first chunk and at most (chunks grow
/// between the two while Excel takes them, see ChunkSizer), body bytes (a single row may exceed
/// max_bytes up to hard_max_bytes, under Excel's 5 MB payload limit), the estimated size of
/// Excel's answer (it repeats the range: values, text, formulas, formats and types, under the same
/// 5 MB limit) and the floor rows for shrinking chunks.
struct ChunkBudget {
  size_t max_cells = 20'000;
  size_t ceiling_cells = 100'000;
  size_t max_bytes = 2'000'000;
  size_t hard_max_bytes = 4'000'000;
  size_t max_answer_bytes = 4'500'000;
  size_t min_rows = 100;
};

/// Writes the JSON body of one range PATCH straight from rows of cells, within a ChunkBudget:
/// {"values":[[...],...]} plus "numberFormat" when a column or a cell has a format. Text is
/// sanitized and quote-prefixed (cell_text.h). Encode is const, so one encoder may serve several
/// threads as long as set_max_rows_cap is not called meanwhile.
class GraphChunkEncoder {
 public:
  GraphChunkEncoder(std::vector<core::Column> columns, ChunkBudget budget,
                    bool allow_formulas = false);

  /// Encodes as many rows from the front of `rows` as fit in the budget and in `max_rows` (and
  /// the cap; at least 1) into `body` (replaced) and returns how many. One row alone may exceed
  /// max_bytes up to hard_max_bytes; beyond that, or for a NaN/infinite/out-of-range number,
  /// InvalidInput. Empty `rows` gives 0 and an empty body.
  core::Result<size_t> Encode(std::span<const core::Row> rows, std::string& body,
                              size_t max_rows) const;

  /// An upper bound on rows per chunk the sink sets after halving on a 413; 0 removes it.
  void set_max_rows_cap(size_t rows) { max_rows_cap_ = rows; }
  /// Excel's last answer over AnswerBytes' estimate for the same chunk (the sink measures it):
  /// later chunks are cut by the estimate times this, kept within [0.5, 2]. Not thread-safe,
  /// like set_max_rows_cap.
  void set_answer_scale(double scale);
  const ChunkBudget& budget() const { return budget_; }
  const std::vector<core::Column>& columns() const { return columns_; }
  /// Rows of the first chunk: max_cells / columns, at least 1.
  size_t RowsPerChunk() const;
  /// Rows per chunk at most: ceiling_cells / columns, at least RowsPerChunk().
  size_t MaxRowsPerChunk() const;
  /// Excel's answer to a PATCH of `cells` cells written in `values_bytes` bytes of values and
  /// `format_bytes` of numberFormat (0: none sent), erring high: the answer repeats the values as
  /// values, text, formulas and local formulas (a date's text is longer than its serial), plus a
  /// format ("General" when none was sent) and a type per cell.
  static size_t AnswerBytes(size_t values_bytes, size_t format_bytes, size_t cells);

 private:
  enum class RowOutcome { kDone, kOverLimit };

  core::Result<RowOutcome> AppendRow(const core::Row& row, std::string& body,
                                     size_t byte_limit) const;
  void AppendText(const std::string& text, std::string& body) const;
  void AppendLink(const core::Cell& cell, std::string& body) const;
  void AppendFormatRow(const core::Row& row, std::string& formats) const;
  static bool HasOwnFormat(const core::Row& row);

  std::vector<core::Column> columns_;
  ChunkBudget budget_;
  bool allow_formulas_;
  std::string default_format_row_;  // ["0","General",...]: the columns' formats
  bool columns_have_formats_ = false;
  size_t max_rows_cap_ = 0;
  double answer_scale_ = 1.0;
};

}  // namespace xlsync::excel
