#include "testing/fake_graph/xlsx_dump.h"

#include <xlsxwriter.h>

#include <map>

namespace xlsync::fakes {
namespace {

/// Closes the workbook (and so writes the file) on every path out.
class WorkbookFile {
 public:
  explicit WorkbookFile(const std::string& path) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;  // rows go to disk as they are written
    options.use_zip64 = LXW_TRUE;
    handle_ = workbook_new_opt(path.c_str(), &options);
  }
  ~WorkbookFile() {
    if (handle_) workbook_close(handle_);
  }
  WorkbookFile(const WorkbookFile&) = delete;
  WorkbookFile& operator=(const WorkbookFile&) = delete;

  lxw_workbook* get() const { return handle_; }
  lxw_error Close() {
    const lxw_error error = workbook_close(handle_);
    handle_ = nullptr;
    return error;
  }
  lxw_format* Format(std::string_view code) {
    if (code == "General") return nullptr;
    auto& format = formats_[std::string(code)];
    if (!format) {
      format = workbook_add_format(handle_);
      format_set_num_format(format, std::string(code).c_str());
    }
    return format;
  }

 private:
  lxw_workbook* handle_ = nullptr;
  std::map<std::string, lxw_format*> formats_;
};

lxw_error WriteCell(lxw_worksheet* sheet, int row, int column, const CellView& cell,
                    lxw_format* format) {
  const auto r = static_cast<lxw_row_t>(row);
  const auto c = static_cast<lxw_col_t>(column);
  switch (cell.kind) {
    case ValueKind::kNumber:
      return worksheet_write_number(sheet, r, c, cell.number, format);
    case ValueKind::kBoolean:
      return worksheet_write_boolean(sheet, r, c, cell.boolean ? 1 : 0, format);
    case ValueKind::kEmpty:
      return format ? worksheet_write_blank(sheet, r, c, format) : LXW_NO_ERROR;
    case ValueKind::kText:
      break;
  }
  const std::string text(cell.text);
  if (cell.formula) {
    // Typed "+x"/"-x" formulas are stored by Excel as "=+x"/"=-x".
    const std::string formula = text.front() == '=' ? text : "=" + text;
    return worksheet_write_formula(sheet, r, c, formula.c_str(), format);
  }
  if (text.empty()) return worksheet_write_blank(sheet, r, c, format);
  return worksheet_write_string(sheet, r, c, text.c_str(), format);
}

}  // namespace

core::Result<void> XlsxDump::Save(const Workbook& workbook, const std::string& path) {
  WorkbookFile file(path);
  if (!file.get())
    return core::Internal("Could not create the file " + path +
                          ": check the folder exists and is writable.");
  for (const auto& sheet : workbook.sheets()) {
    lxw_worksheet* target = workbook_add_worksheet(file.get(), sheet->name.c_str());
    if (!target)
      return core::Internal("libxlsxwriter refused the sheet name '" + sheet->name + "'.");
    for (int row = 0; row < sheet->cells.stored_rows(); ++row) {
      for (int column = 0; column < sheet->cells.stored_columns(row); ++column) {
        const CellView cell = sheet->cells.Get(row, column);
        const lxw_error error =
            WriteCell(target, row, column, cell, file.Format(cell.number_format));
        if (error != LXW_NO_ERROR) {
          return core::Internal("Could not write a cell of '" + sheet->name +
                                "': " + lxw_strerror(error) + ".");
        }
      }
    }
  }
  const lxw_error closed = file.Close();
  if (closed != LXW_NO_ERROR) {
    return core::Internal("Could not write " + path + ": " + std::string(lxw_strerror(closed)) +
                          ".");
  }
  return {};
}

}  // namespace xlsync::fakes
