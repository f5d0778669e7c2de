#include "excel/xlsx_file.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <system_error>

#include "core/text.h"
#include "excel/a1.h"
#include "excel/cell_text.h"
#include "excel/json_text.h"
#include "excel/number_format.h"
#include "excel/sheet_name.h"
#include "excel/table_name.h"
#include "excel/text_sanitizer.h"

namespace xlsync::excel {
namespace {

// Column widths are fitted from the header and this many data rows: enough to be
// representative, bounded so a million rows cost nothing extra.
constexpr int64_t kRowsToMeasure = 1'000;
constexpr double kMinWidth = 8.43;  // Excel's default column width
constexpr double kMaxWidth = 60;
constexpr double kPadding = 2;
constexpr double kHeaderExtra = 3;  // bold text plus the autofilter button

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

core::Error WriteFailed(const std::string& path, lxw_error error) {
  core::Error failure = core::Unavailable("Could not write the Excel file " + Quoted(path) +
                                          ": check that the folder exists, that you may write "
                                          "to it and that the disk is not full.");
  failure.detail += std::string(" libxlsxwriter: ") + lxw_strerror(error);
  return failure;
}

// Characters shown on the first line of a text: a rough width in Excel's character units.
size_t DisplayLength(std::string_view text) {
  size_t length = 0;
  for (const char c : text) {
    if (c == '\n' || c == '\r') break;
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++length;  // count UTF-8 lead bytes
  }
  return length;
}

size_t NumberLength(double value, const std::string& format) {
  // Date and time formats show as wide as their code; other numbers as their digits plus the
  // decimals and grouping the format adds.
  if (format.find_first_of("ydhms") != std::string::npos) return format.size();
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  size_t length = static_cast<size_t>(end - buffer);
  if (const size_t dot = format.find('.'); dot != std::string::npos) length += format.size() - dot;
  if (format.find(',') != std::string::npos) length += length / 3;
  return length;
}

// Excel makes a table's header labels unique ("Name", "Name2"), and so does a table here.
std::string UniqueLabel(std::string label, const std::vector<std::string>& taken) {
  const auto is_taken = [&](const std::string& candidate) {
    return std::any_of(taken.begin(), taken.end(),
                       [&](const std::string& other) { return core::EqualsIgnoreCase(other, candidate); });
  };
  if (label.empty()) label = "Column" + std::to_string(taken.size() + 1);
  if (!is_taken(label)) return label;
  for (int n = 2;; ++n) {
    std::string candidate = label + std::to_string(n);
    if (!is_taken(candidate)) return candidate;
  }
}

// libxlsxwriter's numbering of Excel's built-in styles; an unknown style gets its default.
std::pair<uint8_t, uint8_t> TableStyleOf(std::string_view style) {
  const auto parsed = ParseTableStyle(style);
  if (!parsed) return {LXW_TABLE_STYLE_TYPE_DEFAULT, 0};
  const uint8_t type = parsed->kind == TableStyle::Kind::kLight    ? LXW_TABLE_STYLE_TYPE_LIGHT
                       : parsed->kind == TableStyle::Kind::kMedium ? LXW_TABLE_STYLE_TYPE_MEDIUM
                                                                   : LXW_TABLE_STYLE_TYPE_DARK;
  return {type, static_cast<uint8_t>(parsed->number)};
}

}  // namespace

struct XlsxFile::Sheet {
  std::string name;
  lxw_worksheet* worksheet = nullptr;
  std::vector<core::Column> columns;
  std::vector<lxw_format*> formats;  // per column; nullptr = General
  std::vector<double> widths;
  std::vector<std::string> labels;  // the header cells as written
  XlsxTable table;
  int64_t rows = 0;  // data rows written below the header
};

XlsxFile::XlsxFile(std::string path, lxw_workbook* workbook, bool constant_memory)
    : path_(std::move(path)), workbook_(workbook), constant_memory_(constant_memory) {}

XlsxFile::~XlsxFile() {
  if (workbook_ != nullptr) lxw_workbook_free(workbook_);
}

core::Result<std::unique_ptr<XlsxFile>> XlsxFile::Create(const std::string& path, bool constant_memory) {
  // libxlsxwriter opens the output only on close; find a bad folder now, before an hour of
  // export is spent.
  std::error_code error;
  std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) folder = ".";
  if (!std::filesystem::is_directory(folder, error)) {
    return core::InvalidInput("The folder " + Quoted(folder.string()) + " for the Excel file " +
                              "does not exist: create it or choose another path.");
  }
  if (::access(folder.c_str(), W_OK) != 0) {
    return core::PermissionDenied("The folder " + Quoted(folder.string()) +
                                  " is not writable: choose another path for the Excel file.");
  }
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (workbook == nullptr) {
    return core::Unavailable("Could not start the Excel file " + Quoted(path) +
                             ": check the free space of the temporary folder.");
  }
  auto file = std::unique_ptr<XlsxFile>(new XlsxFile(path, workbook, constant_memory));
  file->header_format_ = workbook_add_format(workbook);
  format_set_bold(file->header_format_);
  return file;
}

lxw_format* XlsxFile::FormatFor(const std::string& number_format) {
  if (number_format.empty() || number_format == kGeneralFormat) return nullptr;
  for (const auto& [code, format] : formats_) {
    if (code == number_format) return format;
  }
  lxw_format* format = workbook_add_format(workbook_);
  format_set_num_format(format, number_format.c_str());
  formats_.emplace_back(number_format, format);
  return format;
}

core::Result<void> XlsxFile::AddSheet(std::string_view name, const std::vector<core::Column>& columns,
                                      XlsxTable table) {
  XLSYNC_CHECK(workbook_ != nullptr);
  XLSYNC_RETURN_IF_ERROR(ValidateSheetName(name));
  for (const auto& sheet : sheets_) {
    if (core::EqualsIgnoreCase(sheet->name, name)) {
      return core::InvalidInput("The Excel file already has a sheet named " + Quoted(name) +
                                ": choose another sheet name.");
    }
  }
  if (columns.empty() || columns.size() > static_cast<size_t>(kMaxColumns)) {
    return core::InvalidInput("An Excel sheet holds 1 to 16,384 columns but the export has " +
                              std::to_string(columns.size()) + ": change the selected fields.");
  }
  if (!table.name.empty() && constant_memory_) {
    return core::Internal("A table was asked of an Excel file written in constant memory: this is a bug in xlsync, "
                          "please report it.");
  }
  const std::string sheet_name(name);
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook_, sheet_name.c_str());
  if (worksheet == nullptr) {
    // The name passed our checks, so this is libxlsxwriter failing to make its temp file.
    return core::Unavailable("Could not add the sheet " + Quoted(name) +
                             " to the Excel file: check the free space of the temporary folder.");
  }
  auto sheet = std::make_unique<Sheet>();
  sheet->name = sheet_name;
  sheet->worksheet = worksheet;
  sheet->columns = columns;
  sheet->table = std::move(table);
  for (size_t i = 0; i < columns.size(); ++i) {
    sheet->formats.push_back(FormatFor(columns[i].number_format));
    std::string label = UniqueLabel(SanitizeText(columns[i].label).text, sheet->labels);
    sheet->widths.push_back(static_cast<double>(DisplayLength(label)) + kHeaderExtra);
    const lxw_error written = worksheet_write_string(worksheet, 0, static_cast<lxw_col_t>(i),
                                                     label.c_str(), header_format_);
    if (written != LXW_NO_ERROR) return WriteFailed(path_, written);
    sheet->labels.push_back(std::move(label));
  }
  worksheet_freeze_panes(worksheet, 1, 0);
  sheets_.push_back(std::move(sheet));
  return {};
}

core::Result<void> XlsxFile::WriteCell(Sheet& sheet, int column, const core::Cell& cell) {
  const auto row = static_cast<lxw_row_t>(sheet.rows + 1);
  const auto col = static_cast<lxw_col_t>(column);
  lxw_format* format = cell.number_format.empty() ? sheet.formats[static_cast<size_t>(column)]
                                                  : FormatFor(cell.number_format);
  const bool measure = sheet.rows < kRowsToMeasure;
  double& width = sheet.widths[static_cast<size_t>(column)];
  lxw_error written = LXW_NO_ERROR;
  switch (cell.kind) {
    case core::CellKind::kEmpty:
      return {};
    case core::CellKind::kBoolean:
      written = worksheet_write_boolean(sheet.worksheet, row, col, cell.boolean ? 1 : 0, format);
      if (measure) width = std::max(width, 5.0);
      break;
    case core::CellKind::kNumber: {
      XLSYNC_RETURN_IF_ERROR(
          CheckCellNumber(cell.number, sheet.columns[static_cast<size_t>(column)].label));
      written = worksheet_write_number(sheet.worksheet, row, col, cell.number, format);
      if (measure) {
        const auto& code = sheet.columns[static_cast<size_t>(column)].number_format;
        width = std::max(width, static_cast<double>(NumberLength(cell.number, code)));
      }
      break;
    }
    case core::CellKind::kText:
      scratch_.clear();
      SanitizeRuns(cell.text, kMaxCellCharacters,
                   [this](std::string_view run) { scratch_.append(run); });
      if (scratch_.empty()) return {};
      // write_string never interprets "=...": a text stays a text (no formula injection).
      written = worksheet_write_string(sheet.worksheet, row, col, scratch_.c_str(), format);
      if (measure) width = std::max(width, static_cast<double>(DisplayLength(scratch_)));
      break;
    case core::CellKind::kLink: {
      // The same HYPERLINK formula as the Graph path, with its result cached for readers that
      // do not recalculate.
      std::string formula = "=HYPERLINK(\"" + cell.text + "\",";
      AppendJsonNumber(formula, cell.number);
      formula += ")";
      written = worksheet_write_formula_num(sheet.worksheet, row, col, formula.c_str(), format, cell.number);
      if (measure) width = std::max(width, static_cast<double>(NumberLength(cell.number, "0")));
      break;
    }
  }
  if (written != LXW_NO_ERROR) return WriteFailed(path_, written);
  return {};
}

core::Result<void> XlsxFile::AppendRows(std::span<const core::Row> rows) {
  XLSYNC_CHECK(workbook_ != nullptr && !sheets_.empty());
  Sheet& sheet = *sheets_.back();
  if (sheet.rows + 1 + static_cast<int64_t>(rows.size()) > kMaxRows) {
    return core::InvalidInput(
        "The export has more rows than an Excel sheet holds (1,048,576): "
        "narrow the filter or split the task.");
  }
  for (const core::Row& row : rows) {
    if (row.size() != sheet.columns.size()) {
      return core::Internal("A row has " + std::to_string(row.size()) +
                            " cells but the export has " + std::to_string(sheet.columns.size()) +
                            " columns: this is a bug in xlsync, please report it.");
    }
    for (size_t i = 0; i < row.size(); ++i) {
      XLSYNC_RETURN_IF_ERROR(WriteCell(sheet, static_cast<int>(i), row[i]));
    }
    ++sheet.rows;
  }
  return {};
}

core::Result<void> XlsxFile::FinishSheet(Sheet& sheet) {
  for (size_t i = 0; i < sheet.widths.size(); ++i) {
    const double width = std::clamp(sheet.widths[i] + kPadding, kMinWidth, kMaxWidth);
    worksheet_set_column(sheet.worksheet, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i),
                         width, nullptr);
  }
  // Printed, the sheet fits the page's width in landscape, with the header on every page.
  worksheet_set_landscape(sheet.worksheet);
  worksheet_fit_to_pages(sheet.worksheet, 1, 0);
  worksheet_repeat_rows(sheet.worksheet, 0, 0);
  const auto last_column = static_cast<lxw_col_t>(sheet.columns.size() - 1);
  if (sheet.table.name.empty()) {
    worksheet_autofilter(sheet.worksheet, 0, 0, static_cast<lxw_row_t>(sheet.rows), last_column);
    return {};
  }
  // The header cells are written already (rows stream in order); the table's column names are
  // the same labels, as Excel requires. A table keeps at least one body row.
  std::vector<lxw_table_column> columns(sheet.labels.size());
  std::vector<lxw_table_column*> column_list;
  for (size_t i = 0; i < sheet.labels.size(); ++i) {
    columns[i].header = sheet.labels[i].data();
    column_list.push_back(&columns[i]);
  }
  column_list.push_back(nullptr);
  lxw_table_options options{};
  options.name = sheet.table.name.data();
  const auto [type, number] = TableStyleOf(sheet.table.style);
  options.style_type = type;
  options.style_type_number = number;
  options.columns = column_list.data();
  const auto last_row = static_cast<lxw_row_t>(std::max<int64_t>(1, sheet.rows));
  const lxw_error added = worksheet_add_table(sheet.worksheet, 0, 0, last_row, last_column, &options);
  if (added != LXW_NO_ERROR) return WriteFailed(path_, added);
  return {};
}

core::Result<void> XlsxFile::Close() {
  XLSYNC_CHECK(workbook_ != nullptr);
  if (sheets_.empty()) {
    return core::InvalidInput("The Excel file has no sheet: add a sheet before closing it.");
  }
  for (auto& sheet : sheets_) XLSYNC_RETURN_IF_ERROR(FinishSheet(*sheet));
  // workbook_close frees the workbook whatever it returns.
  const lxw_error closed = workbook_close(workbook_);
  workbook_ = nullptr;
  if (closed != LXW_NO_ERROR) return WriteFailed(path_, closed);
  return {};
}

}  // namespace xlsync::excel
