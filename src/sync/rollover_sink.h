#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "excel/a1.h"
#include "excel/cell_digest.h"
#include "sync/sheet_sink.h"

namespace xlsync::sync {

/// Makes the sink of one sheet, by name; nullptr when it cannot (the caller's error).
using SheetSinkFactory = std::function<std::unique_ptr<SheetSink>(const std::string& sheet)>;

/// One sheet a rollover run filled: its name, its data rows and their RowDigest.
struct RolloverSheet {
  std::string name;
  int64_t rows = 0;
  excel::RowDigest digest;
};

/// Continues a run past Excel's row limit on further sheets: "<sheet>", "<sheet> (2)",
/// "<sheet> (3)"..., each with the header and at most `rows_per_sheet` data rows, each made by
/// the factory when its first row comes. Keeps each sheet's row count and digest so Verify
/// proves every sheet on its own. A rollover run cannot continue an interrupted one. Called from
/// one thread, like any SheetSink; owns the sheet sinks until destroyed.
class RolloverSink final : public SheetSink {
 public:
  RolloverSink(std::string sheet, SheetSinkFactory factory, int64_t rows_per_sheet = excel::kMaxRows - 1);

  core::Result<void> Begin(const std::vector<core::Column>& columns) override;
  core::Result<void> Continue(const std::vector<core::Column>& columns, int64_t rows,
                              int64_t last_nonempty_row) override;
  core::Result<void> Write(std::span<const core::Row> rows) override;
  core::Result<void> KeepAlive() override;
  /// Lets the sheets' sinks do deferred work, the first sheet first; true when one did some.
  core::Result<bool> Idle() override;
  core::Result<void> Finish() override;
  /// Checks that the sheets hold `rows` rows digesting to `digest` in all, then has each
  /// sheet's sink read its own part back.
  core::Result<void> Verify(int64_t rows, uint64_t digest) override;
  void Close() override;

  const std::vector<RolloverSheet>& sheets() const { return sheets_; }

 private:
  core::Result<void> OpenSheet();

  std::string sheet_;
  SheetSinkFactory factory_;
  int64_t rows_per_sheet_;
  std::vector<core::Column> columns_;
  std::vector<std::unique_ptr<SheetSink>> sinks_;  // one per entry of sheets_
  std::vector<RolloverSheet> sheets_;
  excel::RowDigest all_;
};

}  // namespace xlsync::sync
