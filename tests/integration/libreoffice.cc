#include "tests/integration/libreoffice.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>

namespace xlsync::fakes {
namespace {

namespace fs = std::filesystem;

// soffice with a profile of its own, so tests running side by side do not share one.
bool RunSoffice(const std::string& arguments, const std::string& work_dir) {
  const std::string profile = "file://" + (fs::path(work_dir) / "lo-profile").string();
  const std::string command = "soffice -env:UserInstallation=" + profile + " --headless --norestore " + arguments +
                              " >" + (fs::path(work_dir) / "soffice.log").string() + " 2>&1";
  return std::system(command.c_str()) == 0;
}

std::string Attribute(xmlNode* node, std::string_view name) {
  for (xmlAttr* attribute = node->properties; attribute != nullptr; attribute = attribute->next) {
    if (std::string_view(reinterpret_cast<const char*>(attribute->name)) != name) continue;
    xmlChar* value = xmlNodeListGetString(node->doc, attribute->children, 1);
    std::string text = value != nullptr ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return text;
  }
  return {};
}

bool Is(xmlNode* node, std::string_view name) {
  return node->type == XML_ELEMENT_NODE && std::string_view(reinterpret_cast<const char*>(node->name)) == name;
}

// The displayed text: the <text:p> paragraphs of the cell, joined by newlines.
std::string CellText(xmlNode* cell) {
  std::string text;
  for (xmlNode* child = cell->children; child != nullptr; child = child->next) {
    if (!Is(child, "p")) continue;
    xmlChar* content = xmlNodeGetContent(child);
    if (!text.empty()) text += "\n";
    text += content != nullptr ? reinterpret_cast<const char*>(content) : "";
    xmlFree(content);
  }
  return text;
}

CalcCell ReadCell(xmlNode* node) {
  CalcCell cell;
  cell.type = Attribute(node, "value-type");
  cell.value = Attribute(node, "value");
  if (cell.value.empty()) cell.value = Attribute(node, "date-value");
  if (cell.value.empty()) cell.value = Attribute(node, "boolean-value");
  cell.text = CellText(node);
  cell.formula = Attribute(node, "formula");
  return cell;
}

std::vector<CalcCell> ReadRow(xmlNode* row) {
  std::vector<CalcCell> cells;
  for (xmlNode* node = row->children; node != nullptr; node = node->next) {
    if (!Is(node, "table-cell") && !Is(node, "covered-table-cell")) continue;
    const std::string repeated = Attribute(node, "number-columns-repeated");
    const long times = repeated.empty() ? 1 : std::strtol(repeated.c_str(), nullptr, 10);
    const CalcCell cell = ReadCell(node);
    // A repeat of empty cells to the sheet's end says nothing.
    if (cell.type.empty() && times > 16) continue;
    for (long i = 0; i < times; ++i) cells.push_back(cell);
  }
  while (!cells.empty() && cells.back().type.empty() && cells.back().text.empty()) cells.pop_back();
  return cells;
}

void ReadSheet(xmlNode* table, CalcWorkbook& workbook) {
  CalcSheet sheet;
  sheet.name = Attribute(table, "name");
  for (xmlNode* node = table->children; node != nullptr; node = node->next) {
    if (Is(node, "table-row")) sheet.rows.push_back(ReadRow(node));
    if (Is(node, "table-row-group") || Is(node, "table-header-rows") || Is(node, "table-rows")) {
      for (xmlNode* row = node->children; row != nullptr; row = row->next) {
        if (Is(row, "table-row")) sheet.rows.push_back(ReadRow(row));
      }
    }
  }
  while (!sheet.rows.empty() && sheet.rows.back().empty()) sheet.rows.pop_back();
  workbook.sheets.push_back(std::move(sheet));
}

void Walk(xmlNode* node, CalcWorkbook& workbook) {
  for (; node != nullptr; node = node->next) {
    if (Is(node, "table")) {
      ReadSheet(node, workbook);
      continue;
    }
    if (Is(node, "database-range")) {
      workbook.tables.push_back(Attribute(node, "name") + " " + Attribute(node, "target-range-address"));
    }
    Walk(node->children, workbook);
  }
}

}  // namespace

bool HaveLibreOffice() { return std::system("command -v soffice >/dev/null 2>&1") == 0; }

CalcWorkbook ReadWithLibreOffice(const std::string& xlsx, const std::string& work_dir) {
  CalcWorkbook workbook;
  const fs::path out_dir = fs::path(work_dir) / "calc";
  fs::create_directories(out_dir);
  if (!RunSoffice("--convert-to fods --outdir " + out_dir.string() + " " + xlsx, work_dir)) {
    workbook.error = "soffice failed to convert " + xlsx;
    return workbook;
  }
  const fs::path fods = out_dir / (fs::path(xlsx).stem().string() + ".fods");
  xmlDoc* document = xmlReadFile(fods.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_HUGE);
  if (document == nullptr) {
    workbook.error = "cannot parse " + fods.string();
    return workbook;
  }
  Walk(xmlDocGetRootElement(document), workbook);
  xmlFreeDoc(document);
  return workbook;
}

bool RenderWithLibreOffice(const std::string& xlsx, const std::string& png, const std::string& work_dir) {
  // Calc has no PNG filter of its own for a whole sheet: print to PDF, then the top of the first
  // page (where the sample's 41 rows sit) to PNG.
  const fs::path out_dir = fs::path(work_dir) / "render";
  fs::create_directories(out_dir);
  if (!RunSoffice("--convert-to pdf --outdir " + out_dir.string() + " " + xlsx, work_dir)) return false;
  const fs::path pdf = out_dir / (fs::path(xlsx).stem().string() + ".pdf");
  const fs::path page = out_dir / "page";
  const std::string command = "pdftoppm -png -r 200 -x 120 -y 130 -W 1940 -H 610 -f 1 -l 1 -singlefile " + pdf.string() + " " + page.string();
  if (std::system(command.c_str()) != 0) return false;
  std::error_code error;
  fs::copy_file(out_dir / "page.png", png, fs::copy_options::overwrite_existing, error);
  return !error;
}

}  // namespace xlsync::fakes
