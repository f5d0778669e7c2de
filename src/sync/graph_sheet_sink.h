#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <limits>
#include <optional>

#include "excel/cell_digest.h"
#include "excel/chunk_sizer.h"
#include "excel/graph_chunk_encoder.h"
#include "msgraph/workbook.h"
#include "sync/sheet_layout.h"
#include "sync/sheet_sink.h"
#include "sync/sheet_table.h"

namespace xlsync::sync {

struct GraphSinkOptions {
  excel::ChunkBudget budget;
  bool allow_formulas = false;
  /// Cells per GET when reading the sheet back to verify it, at most: fewer when the values
  /// written suggest a longer answer than budget.max_answer_bytes.
  size_t verify_cells_per_read = 250'000;
  /// Called after each acknowledged chunk with the number of data rows now in the sheet and the
  /// sheet row of the last one holding a value.
  std::function<void(int64_t rows, int64_t last_nonempty_row)> on_acknowledged;
  /// Write the data as the Excel table of this name ("" = plain cells), in this style.
  std::string table;
  std::string table_style = "TableStyleMedium2";
  /// Odoo's count when the run started: the table is sized for it before the first chunk.
  int64_t expected_rows = 0;
};

/// Writes a replace run into one worksheet through the Excel API (msgraph.md §6.4-§6.8). Only
/// xlsync's own columns are touched (SheetLayout): columns the task dropped are deleted and new
/// ones inserted, so the user's columns to the right move along with their formulas; then the own
/// data rows are cleared, the bold header written, and whole-row chunks PATCHed inside the cell
/// and byte budget (§6.6). In table mode the data is a named table (SheetTable) kept across runs.
/// One writer per workbook.
class GraphSheetSink final : public SheetSink {
 public:
  GraphSheetSink(msgraph::Workbook& workbook, std::string sheet_name, GraphSinkOptions options);

  core::Result<void> Begin(const std::vector<core::Column>& columns) override;
  core::Result<void> Continue(const std::vector<core::Column>& columns, int64_t rows,
                              int64_t last_nonempty_row) override;
  core::Result<void> Write(std::span<const core::Row> rows) override;
  core::Result<void> KeepAlive() override { return workbook_.KeepAlive(); }
  /// Reads one full page of acknowledged rows back (for Verify) when that many are unread.
  core::Result<bool> Idle() override;
  core::Result<void> Finish() override;
  core::Result<void> Verify(int64_t rows, uint64_t digest) override;
  void Close() override;

  int chunks_sent() const { return chunks_sent_; }
  bool sheet_created() const { return sheet_created_; }

 private:
  // graph_sheet_sink.cc: writing.
  core::Result<void> Flush(bool everything);
  core::Result<size_t> FitChunkToTable(std::span<const core::Row> rest, size_t count);
  core::Result<void> SendChunk(std::span<const core::Row> rows, const std::string& body);
  void StartWriting(int64_t rows, int64_t last_nonempty_row);
  std::string LastColumn() const;
  int Width() const { return static_cast<int>(columns_.size()); }
  // graph_sheet_sink_verify.cc: reading the data back.
  /// Rows per GET when reading back: within verify_cells_per_read and the answer budget.
  int64_t RowsPerRead() const;
  /// Reads the data rows after rows_read_back_ up to data row `rows` into read_back_.
  core::Result<void> ReadBack(int64_t rows);
  // graph_sheet_sink_layout.cc: the sheet before the data, and the checks after it.
  core::Result<void> OpenTable(bool must_exist);
  core::Result<void> PrepareColumns();
  core::Result<void> ApplyLayout(const SheetLayout& layout, int64_t last_row);
  msgraph::AppliedCheck HeaderBecomes(std::vector<std::string> before,
                                      std::vector<std::string> after);
  core::Result<std::vector<std::string>> ReadHeader(int columns);
  core::Result<void> WriteHeader();
  core::Result<void> ClearTail();
  void FitWidths();
  core::Result<void> VerifyHeader();
  core::Result<void> VerifyExtent(int64_t rows);
  core::Result<void> VerifyNothingBelow(int64_t first_row, int64_t last_row);

  msgraph::Workbook& workbook_;
  std::string sheet_name_;
  GraphSinkOptions options_;
  std::optional<msgraph::Worksheet> sheet_;
  std::optional<SheetTable> table_;
  std::vector<core::Column> columns_;
  std::optional<excel::GraphChunkEncoder> encoder_;
  std::optional<excel::ChunkSizer> sizer_;
  std::vector<core::Row> pending_;
  std::string body_;
  int64_t next_row_ = 2;  // row 1 holds the header
  int64_t rows_taken_ = 0;
  int64_t last_nonempty_row_ = 1;  // usedRange(valuesOnly) ends at the last row with a value
  int64_t last_nonempty_acked_ = 1;
  bool continued_ = false;
  int chunks_sent_ = 0;
  size_t cells_sent_ = 0;        // in this process: the size of a read-back page is judged by them
  size_t value_bytes_sent_ = 0;  // the "values" part of the bodies sent
  excel::RowDigest read_back_;   // of the data rows read back so far, in sheet order
  int64_t rows_read_back_ = 0;   // data rows read back, from sheet row 2
  int64_t read_step_cap_ = std::numeric_limits<int64_t>::max();  // halved on a too-large answer
  bool sheet_created_ = false;
};

}  // namespace xlsync::sync
