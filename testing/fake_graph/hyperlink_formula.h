#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "testing/fake_graph/sheet_cells.h"

namespace xlsync::fakes {

/// A formula of the exact form =HYPERLINK("url",n) or =HYPERLINK("url","text") (function name
/// in any case, "" for a quote inside a string): the one formula the fake evaluates, because
/// xlsync writes its row links with it. Other formulas stay unevaluated text (README.md).
struct HyperlinkFormula {
  std::string url;
  std::optional<double> number;  // the value shown, when it is a number
  std::string text;              // the value shown, when it is text

  static std::optional<HyperlinkFormula> Parse(std::string_view formula);
};

/// A cell as reads show it: a HYPERLINK formula as its result (a number or a text, not a
/// formula), every other cell as stored. Owns the text its view points into; not copyable.
class DisplayedCell {
 public:
  explicit DisplayedCell(const CellView& stored);
  DisplayedCell(const DisplayedCell&) = delete;
  DisplayedCell& operator=(const DisplayedCell&) = delete;

  const CellView& view() const { return view_; }
  const std::optional<HyperlinkFormula>& link() const { return link_; }

 private:
  std::optional<HyperlinkFormula> link_;
  CellView view_;
};

}  // namespace xlsync::fakes
