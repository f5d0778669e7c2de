#pragma once

#include <string>

#include "core/result.h"
#include "testing/fake_graph/workbook.h"

namespace xlsync::fakes {

/// Writes a workbook as a real .xlsx with libxlsxwriter: every sheet in order, values, cell
/// styles (number format, bold, italic, font, fill, wrap, alignment), formulas as formulas
/// (HYPERLINK with its cached result), column widths, row heights and tables with their names
/// and styles (a totals row as plain cells). libxlsxwriter 1.1 has no quote-prefix style, so
/// quote-prefixed cells are written as plain text (which is what they read back as).
class XlsxDump {
 public:
  static core::Result<void> Save(const Workbook& workbook, const std::string& path);
};

}  // namespace xlsync::fakes
