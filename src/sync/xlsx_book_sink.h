#pragma once

#include <memory>
#include <string>

#include "excel/xlsx_file.h"
#include "sync/sheet_sink.h"

namespace xlsync::sync {

/// Writes one sheet of a local .xlsx that holds several (the sheets of a rollover run, one per
/// burst value): Begin adds the sheet to the shared file, rows follow. The file itself is
/// written when its owner closes it, after the last sheet. Sheets must be written one after
/// the other (the file streams rows to its last sheet).
class XlsxBookSink final : public SheetSink {
 public:
  XlsxBookSink(std::shared_ptr<excel::XlsxFile> book, std::string sheet_name, excel::XlsxTable table = {});

  core::Result<void> Begin(const std::vector<core::Column>& columns) override;
  core::Result<void> Continue(const std::vector<core::Column>&, int64_t, int64_t) override;
  core::Result<void> Write(std::span<const core::Row> rows) override;
  /// Nothing is held back: the shared file is closed by its owner.
  core::Result<void> Finish() override { return {}; }
  /// The file is written by this process, row by row: nothing to read back remotely.
  core::Result<void> Verify(int64_t, uint64_t) override { return {}; }

 private:
  std::shared_ptr<excel::XlsxFile> book_;
  std::string sheet_name_;
  excel::XlsxTable table_;
};

}  // namespace xlsync::sync
