#include "odoo/html_text.h"

#include <array>
#include <charconv>
#include <cstdint>

#include "core/text.h"

namespace xlsync::odoo {
namespace {

// Elements whose start or end begins a new line in a browser.
constexpr std::array<std::string_view, 22> kBlockTags = {
    "address", "blockquote", "dd",  "div",     "dl",    "dt",     "footer", "h1",
    "h2",      "h3",         "h4",  "h5",      "h6",    "header", "hr",     "li",
    "ol",      "p",          "pre", "section", "table", "tr"};

struct Entity {
  std::string_view name;
  std::string_view text;
};

constexpr std::array<Entity, 9> kEntities = {{{"amp", "&"},
                                              {"lt", "<"},
                                              {"gt", ">"},
                                              {"quot", "\""},
                                              {"apos", "'"},
                                              {"#39", "'"},
                                              {"nbsp", " "},
                                              {"ndash", "\u2013"},
                                              {"mdash", "\u2014"}}};

void AppendUtf8(std::string& out, uint32_t code) {
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

// Decodes the entity whose name is `name` (between '&' and ';'); false when unknown.
bool DecodeEntity(std::string_view name, std::string& out) {
  if (name.size() > 1 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    uint32_t code = 0;
    const auto [end, error] =
        std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
    if (error != std::errc() || end != digits.data() + digits.size()) return false;
    AppendUtf8(out, code);
    return true;
  }
  for (const auto& entity : kEntities) {
    if (entity.name == name) {
      out += entity.text;
      return true;
    }
  }
  return false;
}

// "</P class=x>" -> "p"; "<br/>" -> "br".
std::string TagName(std::string_view tag) {
  size_t start = tag.starts_with('/') ? 1 : 0;
  size_t end = start;
  while (end < tag.size() && tag[end] != ' ' && tag[end] != '/' && tag[end] != '\t' &&
         tag[end] != '\n') {
    ++end;
  }
  return core::ToLower(tag.substr(start, end - start));
}

bool IsBlock(const std::string& name) {
  for (const auto block : kBlockTags) {
    if (block == name) return true;
  }
  return false;
}

// Builds the text, collapsing source whitespace to one space and keeping explicit breaks.
class TextBuilder {
 public:
  void Space() { pending_space_ = !out_.empty() && out_.back() != '\n'; }
  // A block boundary: ends the current line, if any.
  void SoftBreak() {
    Flush();
    if (!out_.empty() && out_.back() != '\n') out_.push_back('\n');
  }
  // A <br>: always a new line, but never more than one blank line in a row.
  void HardBreak() {
    Flush();
    if (!out_.empty() && !out_.ends_with("\n\n")) out_.push_back('\n');
  }
  void Text(std::string_view text) {
    if (pending_space_) out_.push_back(' ');
    pending_space_ = false;
    out_ += text;
  }
  std::string Finish() { return std::string(core::Trim(out_)); }

 private:
  void Flush() {
    pending_space_ = false;
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
  }

  std::string out_;
  bool pending_space_ = false;
};

// Skips the comment or tag at `at` (a '<'), noting the line breaks it makes; returns where the
// text goes on. Script and style contents are skipped with their tag.
size_t SkipMarkup(std::string_view html, size_t at, TextBuilder& text) {
  if (html.substr(at, 4) == "<!--") {
    const auto end = html.find("-->", at + 4);
    return end == std::string_view::npos ? html.size() : end + 3;
  }
  const auto end = html.find('>', at);
  if (end == std::string_view::npos) return html.size();  // a cut-off tag: drop it
  const std::string name = TagName(html.substr(at + 1, end - at - 1));
  if (name == "br") text.HardBreak();
  if (IsBlock(name)) text.SoftBreak();
  if (name == "script" || name == "style") {
    const auto close = html.find("</", end + 1);
    return close == std::string_view::npos ? html.size() : close;
  }
  return end + 1;
}

// Decodes the entity at `at` (a '&'); an unknown or unterminated one stays as written.
size_t ReadEntity(std::string_view html, size_t at, TextBuilder& text) {
  const auto semicolon = html.find(';', at);
  std::string decoded;
  if (semicolon != std::string_view::npos && semicolon - at <= 10 &&
      DecodeEntity(html.substr(at + 1, semicolon - at - 1), decoded)) {
    text.Text(decoded);
    return semicolon + 1;
  }
  text.Text("&");
  return at + 1;
}

}  // namespace

std::string HtmlToText(std::string_view html) {
  TextBuilder text;
  size_t at = 0;
  while (at < html.size()) {
    const char c = html[at];
    if (c == '<') {
      at = SkipMarkup(html, at, text);
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      text.Space();
      ++at;
    } else if (c == '&') {
      at = ReadEntity(html, at, text);
    } else {
      text.Text(html.substr(at, 1));
      ++at;
    }
  }
  return text.Finish();
}

}  // namespace xlsync::odoo
