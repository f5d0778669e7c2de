#include "cli/text_table.h"

#include <algorithm>
#include <numeric>

namespace xlsync::cli {
namespace {

constexpr std::string_view kSeparator = " | ";
constexpr std::string_view kEllipsis = "…";

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string OneLine(std::string_view text) {
  std::string line(text);
  std::replace_if(line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return line;
}

std::string Padded(std::string_view text, size_t width, bool right) {
  const std::string fitted = FitText(text, width);
  const std::string pad(width - std::min(width, TextWidth(fitted)), ' ');
  return right ? pad + fitted : fitted + pad;
}

}  // namespace

size_t TextWidth(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return !IsContinuationByte(c); }));
}

std::string FitText(std::string_view text, size_t width) {
  if (TextWidth(text) <= width) return std::string(text);
  if (width == 0) return {};
  size_t kept = 0;
  size_t end = 0;
  while (end < text.size()) {
    if (!IsContinuationByte(text[end]) && kept++ == width - 1) break;
    ++end;
  }
  return std::string(text.substr(0, end)) + std::string(kEllipsis);
}

TextTable::TextTable(std::vector<std::string> header, std::vector<bool> right_aligned)
    : header_(std::move(header)), right_aligned_(std::move(right_aligned)) {
  for (auto& label : header_) label = OneLine(label);
  right_aligned_.resize(header_.size(), false);
}

void TextTable::AddRow(std::vector<std::string> cells) {
  cells.resize(header_.size());
  for (auto& cell : cells) cell = OneLine(cell);
  rows_.push_back(std::move(cells));
}

// Natural widths when they fit; otherwise the narrow columns keep theirs and the wide ones
// share the rest equally (at least one character each).
std::vector<size_t> TextTable::Widths(size_t width) const {
  const size_t n = header_.size();
  std::vector<size_t> natural(n, 1);
  for (size_t i = 0; i < n; ++i) {
    natural[i] = std::max(natural[i], TextWidth(header_[i]));
    for (const auto& row : rows_) natural[i] = std::max(natural[i], TextWidth(row[i]));
  }
  const size_t separators = n > 1 ? (n - 1) * TextWidth(kSeparator) : 0;
  size_t room = width > separators ? width - separators : 0;
  if (std::accumulate(natural.begin(), natural.end(), size_t{0}) <= room) return natural;
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return natural[a] < natural[b]; });
  std::vector<size_t> widths(n, 1);
  for (size_t k = 0; k < n; ++k) {
    const size_t left = n - k;
    const size_t fair = std::max<size_t>(1, room / left);
    widths[order[k]] = std::min(natural[order[k]], fair);
    room -= std::min(room, widths[order[k]]);
  }
  return widths;
}

std::string TextTable::Render(size_t width) const {
  const std::vector<size_t> widths = Widths(width);
  const auto line = [&](const std::vector<std::string>& cells, bool header) {
    std::string text;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) text += kSeparator;
      text += Padded(cells[i], widths[i], !header && right_aligned_[i]);
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text + "\n";
  };
  std::string out = line(header_, true);
  std::string rule;
  for (size_t i = 0; i < widths.size(); ++i) rule += (i > 0 ? "-+-" : "") + std::string(widths[i], '-');
  out += rule + "\n";
  for (const auto& row : rows_) out += line(row, false);
  return out;
}

}  // namespace xlsync::cli
