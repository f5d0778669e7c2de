#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace xlsync::cli {

/// Lays rows of texts out as a plain table for a terminal of `width` columns: a header, a rule,
/// then the rows, columns separated by " | ". Columns get the width their longest text needs;
/// when the table would be wider than the terminal, the widest columns share what is left and
/// longer texts are cut with "…". Line breaks and tabs in a text show as spaces. Widths count
/// characters (UTF-8 code points), not bytes.
class TextTable {
 public:
  TextTable(std::vector<std::string> header, std::vector<bool> right_aligned);

  void AddRow(std::vector<std::string> cells);
  /// The table, one line per row, each ending in "\n".
  std::string Render(size_t width) const;

 private:
  std::vector<size_t> Widths(size_t width) const;

  std::vector<std::string> header_;
  std::vector<bool> right_aligned_;
  std::vector<std::vector<std::string>> rows_;
};

/// Characters (code points) in UTF-8 text.
size_t TextWidth(std::string_view text);
/// `text` in at most `width` characters: cut, with "…" as its last one, when longer.
std::string FitText(std::string_view text, size_t width);

}  // namespace xlsync::cli
