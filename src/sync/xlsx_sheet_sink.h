#pragma once

#include <memory>
#include <string>

#include "excel/xlsx_file.h"
#include "sync/sheet_sink.h"

namespace xlsync::sync {

/// Writes the same rows, types and formats into a local .xlsx file (a copy to open offline). A
/// table keeps every cell in memory until the end (libxlsxwriter), so the run asks for one only
/// up to SheetLimits::max_local_table_cells; without a table rows stream to disk.
class XlsxSheetSink final : public SheetSink {
 public:
  XlsxSheetSink(std::string path, std::string sheet_name, excel::XlsxTable table = {});

  core::Result<void> Begin(const std::vector<core::Column>& columns) override;
  /// A local file is written in one go: it cannot continue an earlier process's file.
  core::Result<void> Continue(const std::vector<core::Column>&, int64_t, int64_t) override;
  core::Result<void> Write(std::span<const core::Row> rows) override;
  core::Result<void> Finish() override;
  /// The file is written by this process, row by row: nothing to read back remotely.
  core::Result<void> Verify(int64_t, uint64_t) override { return {}; }

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  std::string sheet_name_;
  excel::XlsxTable table_;
  std::unique_ptr<excel::XlsxFile> file_;
};

}  // namespace xlsync::sync
