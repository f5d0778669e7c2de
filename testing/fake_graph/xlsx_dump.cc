#include "testing/fake_graph/xlsx_dump.h"

#include <xlsxwriter.h>

#include <cstdlib>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "core/text.h"
#include "testing/fake_graph/hyperlink_formula.h"

namespace xlsync::fakes {
namespace {

constexpr double kPixelsPerPoint = 4.0 / 3;

lxw_color_t ColorOf(const std::string& hex) {
  const auto value = static_cast<lxw_color_t>(std::strtoul(hex.c_str() + 1, nullptr, 16));
  // 0 means "no colour" to libxlsxwriter.
  return value == 0 ? static_cast<lxw_color_t>(LXW_COLOR_BLACK) : value;
}

std::uint8_t AlignmentOf(const std::string& name) {
  static const std::map<std::string, std::uint8_t> kAlignments = {
      {"Left", LXW_ALIGN_LEFT},
      {"Center", LXW_ALIGN_CENTER},
      {"Right", LXW_ALIGN_RIGHT},
      {"Fill", LXW_ALIGN_FILL},
      {"Justify", LXW_ALIGN_JUSTIFY},
      {"CenterAcrossSelection", LXW_ALIGN_CENTER_ACROSS},
      {"Distributed", LXW_ALIGN_DISTRIBUTED}};
  const auto found = kAlignments.find(name);
  return found == kAlignments.end() ? std::uint8_t{LXW_ALIGN_NONE} : found->second;
}

std::uint8_t VerticalAlignmentOf(const std::string& name) {
  static const std::map<std::string, std::uint8_t> kAlignments = {
      {"Top", LXW_ALIGN_VERTICAL_TOP},
      {"Center", LXW_ALIGN_VERTICAL_CENTER},
      {"Justify", LXW_ALIGN_VERTICAL_JUSTIFY},
      {"Distributed", LXW_ALIGN_VERTICAL_DISTRIBUTED}};
  const auto found = kAlignments.find(name);
  // Bottom is Excel's default: no attribute.
  return found == kAlignments.end() ? std::uint8_t{LXW_ALIGN_NONE} : found->second;
}

/// Closes the workbook (and so writes the file) on every path out.
class WorkbookFile {
 public:
  WorkbookFile(const std::string& path, bool constant_memory) {
    lxw_workbook_options options{};
    // Rows go to disk as they are written; libxlsxwriter cannot add tables in that mode.
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
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
  lxw_format* Format(const CellStyle& style) {
    static const CellStyle kDefault;
    if (style == kDefault) return nullptr;
    auto& format = formats_[style.Key()];
    if (format) return format;
    format = workbook_add_format(handle_);
    if (style.number_format != "General")
      format_set_num_format(format, style.number_format.c_str());
    if (style.bold) format_set_bold(format);
    if (style.italic) format_set_italic(format);
    if (style.font_color != kDefault.font_color)
      format_set_font_color(format, ColorOf(style.font_color));
    if (style.font_size != kDefault.font_size) format_set_font_size(format, style.font_size);
    if (style.font_name != kDefault.font_name)
      format_set_font_name(format, style.font_name.c_str());
    if (!style.fill_color.empty()) {
      format_set_pattern(format, LXW_PATTERN_SOLID);
      format_set_bg_color(format, ColorOf(style.fill_color));
    }
    if (style.wrap_text) format_set_text_wrap(format);
    if (const auto align = AlignmentOf(style.horizontal_alignment)) format_set_align(format, align);
    if (const auto align = VerticalAlignmentOf(style.vertical_alignment)) {
      format_set_align(format, align);
    }
    return format;
  }

 private:
  lxw_workbook* handle_ = nullptr;
  std::map<std::string, lxw_format*> formats_;
};

lxw_error WriteFormula(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column,
                       const std::string& text, lxw_format* format) {
  // A HYPERLINK keeps its result cached, so readers that do not recalculate show the value.
  if (const auto link = HyperlinkFormula::Parse(text)) {
    if (link->number)
      return worksheet_write_formula_num(sheet, row, column, text.c_str(), format, *link->number);
    return worksheet_write_formula_str(sheet, row, column, text.c_str(), format,
                                       link->text.c_str());
  }
  // Typed "+x"/"-x" formulas are stored by Excel as "=+x"/"=-x".
  const std::string formula = text.front() == '=' ? text : "=" + text;
  return worksheet_write_formula(sheet, row, column, formula.c_str(), format);
}

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
  if (cell.formula) return WriteFormula(sheet, r, c, text, format);
  if (text.empty()) return worksheet_write_blank(sheet, r, c, format);
  return worksheet_write_string(sheet, r, c, text.c_str(), format);
}

/// "TableStyleMedium2" as libxlsxwriter's style type and number.
void SetStyle(const std::string& style, lxw_table_options& options) {
  static const std::pair<std::string_view, std::uint8_t> kFamilies[] = {
      {"TableStyleLight", LXW_TABLE_STYLE_TYPE_LIGHT},
      {"TableStyleMedium", LXW_TABLE_STYLE_TYPE_MEDIUM},
      {"TableStyleDark", LXW_TABLE_STYLE_TYPE_DARK}};
  for (const auto& [prefix, type] : kFamilies) {
    if (!style.starts_with(prefix)) continue;
    options.style_type = type;
    options.style_type_number =
        static_cast<std::uint8_t>(std::strtoul(style.c_str() + prefix.size(), nullptr, 10));
  }
}

/// The table with its name, style, options and header names. The totals row is left out of the
/// table and stays plain cells, so libxlsxwriter does not write totals of its own over them.
core::Result<void> AddTable(WorkbookFile& file, lxw_worksheet* target, const Worksheet& sheet,
                            const Table& table) {
  std::vector<std::string> names;
  for (const auto& column : table.columns) names.push_back(column.name);
  std::vector<lxw_table_column> columns(names.size());
  std::vector<lxw_table_column*> column_pointers;
  for (std::size_t i = 0; i < names.size(); ++i) {
    columns[i].header = names[i].data();
    // Adding the table rewrites its header cells: with their own style, not a plain one.
    const int column = table.left + static_cast<int>(i);
    columns[i].header_format = file.Format(*sheet.cells.Get(table.top, column).style);
    column_pointers.push_back(&columns[i]);
  }
  column_pointers.push_back(nullptr);
  std::string name = table.name;
  lxw_table_options options{};
  options.name = name.data();
  options.no_header_row = table.show_headers ? LXW_FALSE : LXW_TRUE;
  options.no_autofilter = table.show_filter_button ? LXW_FALSE : LXW_TRUE;
  options.no_banded_rows = table.show_banded_rows ? LXW_FALSE : LXW_TRUE;
  options.banded_columns = table.show_banded_columns ? LXW_TRUE : LXW_FALSE;
  options.first_column = table.highlight_first_column ? LXW_TRUE : LXW_FALSE;
  options.last_column = table.highlight_last_column ? LXW_TRUE : LXW_FALSE;
  options.columns = column_pointers.data();
  SetStyle(table.style, options);
  const lxw_error error = worksheet_add_table(target, static_cast<lxw_row_t>(table.top),
                                              static_cast<lxw_col_t>(table.left),
                                              static_cast<lxw_row_t>(table.last_body_row()),
                                              static_cast<lxw_col_t>(table.right()), &options);
  if (error == LXW_NO_ERROR) return {};
  return core::Internal("Could not write the table '" + table.name + "': " + lxw_strerror(error) +
                        ".");
}

core::Result<void> Check(lxw_error error, const Worksheet& sheet) {
  if (error == LXW_NO_ERROR) return {};
  return core::Internal("Could not write a cell of '" + sheet.name + "': " + lxw_strerror(error) +
                        ".");
}

/// Cells, row heights, column widths and tables of one sheet, rows in order (constant-memory
/// mode takes nothing else).
core::Result<void> WriteSheet(WorkbookFile& file, lxw_worksheet* target, const Workbook& workbook,
                              const Worksheet& sheet) {
  for (const auto& [column, points] : sheet.layout.column_widths) {
    const auto pixels = static_cast<std::uint32_t>(points * kPixelsPerPoint + 0.5);
    XLSYNC_RETURN_IF_ERROR(
        Check(worksheet_set_column_pixels(target, static_cast<lxw_col_t>(column),
                                          static_cast<lxw_col_t>(column), pixels, nullptr),
              sheet));
  }
  int last_row = sheet.cells.stored_rows() - 1;
  if (!sheet.layout.row_heights.empty()) {
    last_row = std::max(last_row, sheet.layout.row_heights.rbegin()->first);
  }
  for (int row = 0; row <= last_row; ++row) {
    if (const auto height = sheet.layout.row_heights.find(row);
        height != sheet.layout.row_heights.end()) {
      XLSYNC_RETURN_IF_ERROR(
          Check(worksheet_set_row_pixels(
                    target, static_cast<lxw_row_t>(row),
                    static_cast<std::uint32_t>(height->second * kPixelsPerPoint + 0.5), nullptr),
                sheet));
    }
    for (int column = 0; column < sheet.cells.stored_columns(row); ++column) {
      const CellView cell = sheet.cells.Get(row, column);
      XLSYNC_RETURN_IF_ERROR(
          Check(WriteCell(target, row, column, cell, file.Format(*cell.style)), sheet));
    }
  }
  for (const Table* table : workbook.tables().OnSheet(sheet.id)) {
    XLSYNC_RETURN_IF_ERROR(AddTable(file, target, sheet, *table));
  }
  return {};
}

}  // namespace

core::Result<void> XlsxDump::Save(const Workbook& workbook, const std::string& path) {
  WorkbookFile file(path, workbook.tables().all().empty());
  if (!file.get())
    return core::Internal("Could not create the file " + path +
                          ": check the folder exists and is writable.");
  for (const auto& sheet : workbook.sheets()) {
    lxw_worksheet* target = workbook_add_worksheet(file.get(), sheet->name.c_str());
    if (!target)
      return core::Internal("libxlsxwriter refused the sheet name '" + sheet->name + "'.");
    XLSYNC_RETURN_IF_ERROR(WriteSheet(file, target, workbook, *sheet));
  }
  const lxw_error closed = file.Close();
  if (closed != LXW_NO_ERROR) {
    return core::Internal("Could not write " + path + ": " + std::string(lxw_strerror(closed)) +
                          ".");
  }
  return {};
}

}  // namespace xlsync::fakes
