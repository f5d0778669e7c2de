#pragma once

#include <deque>
#include <functional>
#include <optional>

#include "excel/chunk_sizer.h"
#include "excel/graph_chunk_encoder.h"
#include "msgraph/workbook.h"
#include "sync/sheet_sink.h"

namespace xlsync::sync {

struct GraphSinkOptions {
  excel::ChunkBudget budget;
  bool allow_formulas = false;
  /// Rows per GET when reading the sheet back to verify it.
  size_t verify_rows_per_read = 5'000;
  /// Called after each acknowledged chunk with the number of data rows now in the sheet and the
  /// sheet row of the last one holding a value.
  std::function<void(int64_t rows, int64_t last_nonempty_row)> on_acknowledged;
};

/// Writes a replace run into one worksheet through the Excel API: clears the old used range,
/// writes the header, then PATCHes whole-row chunks inside the cell and byte budget
/// (msgraph.md §6.6), halving a chunk the service finds too large. One writer per workbook.
class GraphSheetSink final : public SheetSink {
 public:
  GraphSheetSink(msgraph::Workbook& workbook, std::string sheet_name, GraphSinkOptions options);

  core::Result<void> Begin(const std::vector<core::Column>& columns) override;
  core::Result<void> Continue(const std::vector<core::Column>& columns, int64_t rows,
                              int64_t last_nonempty_row) override;
  core::Result<void> Write(std::span<const core::Row> rows) override;
  core::Result<void> KeepAlive() override { return workbook_.KeepAlive(); }
  core::Result<void> Finish() override;
  core::Result<void> Verify(int64_t rows, uint64_t digest) override;
  void Close() override;

  int chunks_sent() const { return chunks_sent_; }
  bool sheet_created() const { return sheet_created_; }

 private:
  core::Result<void> Flush(bool everything);
  core::Result<void> SendChunk(std::span<const core::Row> rows, const std::string& body);
  core::Result<void> VerifyHeader();
  core::Result<void> ClearTail();
  void StartWriting(int64_t rows, int64_t last_nonempty_row);
  std::string LastColumn() const;

  msgraph::Workbook& workbook_;
  std::string sheet_name_;
  GraphSinkOptions options_;
  std::optional<msgraph::Worksheet> sheet_;
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
  bool sheet_created_ = false;
};

}  // namespace xlsync::sync
