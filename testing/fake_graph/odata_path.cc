#include "testing/fake_graph/odata_path.h"

#include <cctype>

#include "core/text.h"

namespace xlsync::fakes {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// Splits "a='x,y',b=true" on commas outside quotes.
std::optional<std::vector<std::string_view>> SplitArguments(std::string_view text) {
  std::vector<std::string_view> parts;
  bool quoted = false;
  size_t start = 0;
  for (size_t at = 0; at < text.size(); ++at) {
    if (text[at] == '\'') quoted = !quoted;  // a doubled '' toggles twice: still balanced
    if (text[at] == ',' && !quoted) {
      parts.push_back(text.substr(start, at - start));
      start = at + 1;
    }
  }
  if (quoted) return std::nullopt;
  parts.push_back(text.substr(start));
  return parts;
}

}  // namespace

std::vector<std::string> ODataPath::Split(std::string_view raw_path) {
  std::vector<std::string> segments;
  for (auto& segment : core::Split(raw_path, '/')) {
    if (!segment.empty()) segments.push_back(std::move(segment));
  }
  return segments;
}

std::string ODataPath::Decode(std::string_view segment) {
  std::string out;
  out.reserve(segment.size());
  for (size_t at = 0; at < segment.size(); ++at) {
    if (segment[at] == '%' && at + 2 < segment.size() && HexValue(segment[at + 1]) >= 0 &&
        HexValue(segment[at + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(segment[at + 1]) * 16 + HexValue(segment[at + 2])));
      at += 2;
    } else {
      out.push_back(segment[at]);
    }
  }
  return out;
}

std::optional<ODataCall> ODataPath::ParseCall(std::string_view segment) {
  ODataCall call;
  const auto open = segment.find('(');
  if (open == std::string_view::npos) {
    if (segment.find_first_of(")'") != std::string_view::npos) return std::nullopt;
    call.name = std::string(segment);
    return call;
  }
  if (segment.back() != ')') return std::nullopt;
  call.name = std::string(segment.substr(0, open));
  call.has_parentheses = true;
  const std::string_view inside = segment.substr(open + 1, segment.size() - open - 2);
  if (inside.empty()) return call;
  if (inside.front() == '\'') {
    call.key = Unquote(inside);
    if (!call.key) return std::nullopt;
    return call;
  }
  auto arguments = SplitArguments(inside);
  if (!arguments) return std::nullopt;
  for (std::string_view argument : *arguments) {
    const auto equals = argument.find('=');
    if (equals == std::string_view::npos) return std::nullopt;
    const std::string name(core::Trim(argument.substr(0, equals)));
    const std::string_view value = core::Trim(argument.substr(equals + 1));
    if (!value.empty() && value.front() == '\'') {
      auto unquoted = Unquote(value);
      if (!unquoted) return std::nullopt;
      call.arguments[name] = *unquoted;
    } else {
      if (value.find_first_of("'()") != std::string_view::npos) return std::nullopt;
      call.arguments[name] = std::string(value);
    }
  }
  return call;
}

std::optional<std::string> ODataPath::Unquote(std::string_view literal) {
  if (literal.size() < 2 || literal.front() != '\'' || literal.back() != '\'') return std::nullopt;
  std::string out;
  for (size_t at = 1; at + 1 < literal.size(); ++at) {
    if (literal[at] == '\'') {
      if (at + 2 >= literal.size() || literal[at + 1] != '\'') return std::nullopt;
      ++at;
    }
    out.push_back(literal[at]);
  }
  return out;
}

std::optional<std::string> Base64Decode(std::string_view text, bool url_alphabet) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    int value = -1;
    if (c >= 'A' && c <= 'Z')
      value = c - 'A';
    else if (c >= 'a' && c <= 'z')
      value = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      value = c - '0' + 52;
    else if (c == (url_alphabet ? '-' : '+'))
      value = 62;
    else if (c == (url_alphabet ? '_' : '/'))
      value = 63;
    if (value < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xff));
    }
  }
  return out;
}

}  // namespace xlsync::fakes
