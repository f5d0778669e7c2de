#pragma once

#include <string>

#include "testing/fake_graph/sheet_cells.h"

namespace xlsync::fakes {

/// The `text` of a cell as a range read returns it: the value shown through its number format.
/// Covers General, "@", fixed decimals ("0.00", "#,##0.00"), percentages and date/time codes
/// made of yyyy, yy, m, mm, d, dd, hh, mm, ss; other codes fall back to General. Approximate
/// by design: the fake's contract is values and formats, not Excel's renderer.
class NumberText {
 public:
  static std::string Render(const CellView& cell);
  static std::string General(double number);
};

}  // namespace xlsync::fakes
