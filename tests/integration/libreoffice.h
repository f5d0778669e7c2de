#pragma once

#include <string>
#include <vector>

namespace xlsync::fakes {

/// One cell as LibreOffice Calc read it from a workbook: its value type ("float", "date",
/// "currency", "percentage", "boolean", "string", "" for empty), its value (office:value,
/// date-value or boolean-value), the text it displays with its number format, and its formula.
struct CalcCell {
  std::string type;
  std::string value;
  std::string text;
  std::string formula;
};

/// One sheet as Calc read it, rows of cells (trailing empty cells and rows left out), and the
/// named ranges Calc made of the workbook's tables.
struct CalcSheet {
  std::string name;
  std::vector<std::vector<CalcCell>> rows;
};

struct CalcWorkbook {
  std::vector<CalcSheet> sheets;
  std::vector<std::string> tables;  // database ranges: "OdooOrders Orders.A1:F21"
  std::string error;                // why the workbook could not be read, "" when it was
};

/// True when LibreOffice (soffice) is installed.
bool HaveLibreOffice();

/// Opens `xlsx` with headless LibreOffice Calc (its own profile under `work_dir`) and reads what
/// it sees back from the flat ODS it saves.
CalcWorkbook ReadWithLibreOffice(const std::string& xlsx, const std::string& work_dir);

/// Renders the first printed page of `xlsx` to a PNG at `png` with headless LibreOffice and
/// pdftoppm; false on failure.
bool RenderWithLibreOffice(const std::string& xlsx, const std::string& png, const std::string& work_dir);

}  // namespace xlsync::fakes
