#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/cell.h"
#include "core/result.h"

// libxlsxwriter's handles, kept opaque so that only xlsx_file.cc includes xlsxwriter.h.
struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace xlsync::excel {

/// An Excel table over a sheet's header and data: its name ("" = no table, an autofilter
/// instead) and style ("TableStyleMedium2").
struct XlsxTable {
  std::string name;
  std::string style = "TableStyleMedium2";
};

/// A local .xlsx written with libxlsxwriter, with the same cell types and number formats as the
/// Graph path. In constant-memory mode (the default) rows stream to a temp file, so 1,000,000
/// rows stay small in RAM; libxlsxwriter can add tables only outside that mode, where every cell
/// stays in memory until Close. Rows go to the last sheet added, in order. The file appears on
/// Close(); dropping the object without Close() writes nothing. Not thread-safe.
class XlsxFile {
 public:
  /// Starts a workbook to be written at `path`; InvalidInput when its folder is missing or
  /// read-only.
  static core::Result<std::unique_ptr<XlsxFile>> Create(const std::string& path, bool constant_memory = true);
  ~XlsxFile();
  XlsxFile(const XlsxFile&) = delete;
  XlsxFile& operator=(const XlsxFile&) = delete;

  /// Adds a sheet with a bold header row of the column labels, frozen below the header, with an
  /// autofilter over the header and data (or the named table over them), and each column's
  /// number format for its cells. A table needs a file created without constant memory.
  core::Result<void> AddSheet(std::string_view name, const std::vector<core::Column>& columns,
                              XlsxTable table = {});
  /// Appends rows under the previous ones: text as strings (sanitized, never formulas), numbers
  /// with the column's format, booleans, empty cells blank.
  core::Result<void> AppendRows(std::span<const core::Row> rows);
  /// Fits column widths from the header and the first rows, then writes the file.
  core::Result<void> Close();

 private:
  struct Sheet;

  XlsxFile(std::string path, lxw_workbook* workbook, bool constant_memory);
  lxw_format* FormatFor(const std::string& number_format);
  core::Result<void> WriteCell(Sheet& sheet, int column, const core::Cell& cell);
  core::Result<void> FinishSheet(Sheet& sheet);

  std::string path_;
  lxw_workbook* workbook_;
  bool constant_memory_;
  lxw_format* header_format_ = nullptr;
  std::vector<std::pair<std::string, lxw_format*>> formats_;
  std::vector<std::unique_ptr<Sheet>> sheets_;
  std::string scratch_;  // sanitized text of the current cell, reused to avoid allocations
};

}  // namespace xlsync::excel
