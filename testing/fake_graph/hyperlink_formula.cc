#include "testing/fake_graph/hyperlink_formula.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "core/text.h"

namespace xlsync::fakes {
namespace {

void SkipSpaces(std::string_view text, size_t& at) {
  while (at < text.size() && text[at] == ' ') ++at;
}

/// An Excel string literal at `at` ("a ""b"" c"); advances past it.
std::optional<std::string> StringLiteral(std::string_view text, size_t& at) {
  if (at >= text.size() || text[at] != '"') return std::nullopt;
  std::string out;
  for (++at; at < text.size(); ++at) {
    if (text[at] != '"') {
      out.push_back(text[at]);
    } else if (at + 1 < text.size() && text[at + 1] == '"') {
      out.push_back('"');
      ++at;
    } else {
      ++at;
      return out;
    }
  }
  return std::nullopt;
}

/// A plain decimal number at `at` (-12, 3.5, 1e3); advances past it.
std::optional<double> NumberLiteral(std::string_view text, size_t& at) {
  const size_t start = at;
  while (at < text.size() &&
         (std::isdigit(static_cast<unsigned char>(text[at])) || text[at] == '.' ||
          text[at] == '-' || text[at] == '+' || text[at] == 'e' || text[at] == 'E')) {
    ++at;
  }
  const std::string token(text.substr(start, at - start));
  if (token.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(token.c_str(), &end);
  if (end != token.c_str() + token.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

std::optional<HyperlinkFormula> HyperlinkFormula::Parse(std::string_view formula) {
  constexpr std::string_view kName = "=HYPERLINK(";
  if (!core::StartsWithIgnoreCase(formula, kName)) return std::nullopt;
  size_t at = kName.size();
  HyperlinkFormula link;
  SkipSpaces(formula, at);
  auto url = StringLiteral(formula, at);
  if (!url) return std::nullopt;
  link.url = std::move(*url);
  SkipSpaces(formula, at);
  if (at >= formula.size() || formula[at++] != ',') return std::nullopt;
  SkipSpaces(formula, at);
  if (at < formula.size() && formula[at] == '"') {
    auto shown = StringLiteral(formula, at);
    if (!shown) return std::nullopt;
    link.text = std::move(*shown);
  } else {
    link.number = NumberLiteral(formula, at);
    if (!link.number) return std::nullopt;
  }
  SkipSpaces(formula, at);
  if (at + 1 != formula.size() || formula[at] != ')') return std::nullopt;
  return link;
}

DisplayedCell::DisplayedCell(const CellView& stored) : view_(stored) {
  if (!stored.formula || stored.kind != ValueKind::kText) return;
  link_ = HyperlinkFormula::Parse(stored.text);
  if (!link_) return;
  view_.formula = false;
  if (link_->number) {
    view_.kind = ValueKind::kNumber;
    view_.number = *link_->number;
    view_.text = {};
  } else {
    view_.text = link_->text;
  }
}

}  // namespace xlsync::fakes
