#include "http/url.h"

#include <cctype>

#include "core/text.h"

namespace xlsync::http {
namespace {

constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body.push_back('&');
    body += PercentEncode(name) + "=" + PercentEncode(value);
  }
  return body;
}

std::string PercentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%' && i + 2 < text.size() &&
               HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::string Base64Encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += {kBase64Alphabet[n >> 18], kBase64Alphabet[(n >> 12) & 63],
            kBase64Alphabet[(n >> 6) & 63], kBase64Alphabet[n & 63]};
  }
  if (i + 1 == bytes.size()) {
    const unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    out += {kBase64Alphabet[n >> 18], kBase64Alphabet[(n >> 12) & 63], '=', '='};
  } else if (i + 2 == bytes.size()) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += {kBase64Alphabet[n >> 18], kBase64Alphabet[(n >> 12) & 63],
            kBase64Alphabet[(n >> 6) & 63], '='};
  }
  return out;
}

std::string Base64UrlEncode(std::string_view bytes) {
  std::string out = Base64Encode(bytes);
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return out;
}

core::Result<UrlParts> ParseUrl(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) {
    return core::InvalidInput("\"" + std::string(url) + "\" is not a full address: start it "
                              "with https://.");
  }
  UrlParts parts;
  parts.scheme = core::ToLower(url.substr(0, scheme_end));
  if (parts.scheme != "http" && parts.scheme != "https") {
    return core::InvalidInput("\"" + std::string(url) + "\" must start with https://.");
  }
  std::string_view rest = url.substr(scheme_end + 3);
  const auto path_start = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, path_start);
  if (path_start != std::string_view::npos) parts.path = std::string(rest.substr(path_start));
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    authority = authority.substr(at + 1);
  }
  std::string_view port_text;
  if (authority.starts_with('[')) {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return core::InvalidInput("\"" + std::string(url) + "\" has a broken IPv6 address.");
    parts.host = std::string(authority.substr(1, close - 1));
    if (close + 1 < authority.size() && authority[close + 1] == ':') port_text = authority.substr(close + 2);
  } else {
    const auto colon = authority.rfind(':');
    parts.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
  }
  if (parts.host.empty()) return core::InvalidInput("\"" + std::string(url) + "\" has no host name.");
  parts.host = core::ToLower(parts.host);
  if (!port_text.empty()) {
    int port = 0;
    for (char c : port_text) {
      if (!std::isdigit(static_cast<unsigned char>(c)) || port > 65535) {
        return core::InvalidInput("\"" + std::string(url) + "\" has an invalid port.");
      }
      port = port * 10 + (c - '0');
    }
    if (port == 0 || port > 65535) return core::InvalidInput("\"" + std::string(url) + "\" has an invalid port.");
    parts.port = port;
  }
  return parts;
}

std::string OriginOf(std::string_view url) {
  auto parts = ParseUrl(url);
  if (!parts) return std::string(url);
  std::string host = parts->host.find(':') != std::string::npos ? "[" + parts->host + "]" : parts->host;
  return parts->scheme + "://" + host + (parts->port ? ":" + std::to_string(parts->port) : "");
}

bool IsLoopbackHost(std::string_view host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

core::Result<void> ValidateServiceUrl(std::string_view url, std::string_view what) {
  auto parts = ParseUrl(url);
  if (!parts) {
    return core::InvalidInput(std::string(what) + " \"" + std::string(url) +
                              "\" is not a valid address: write it as https://host/.");
  }
  if (parts->scheme == "http" && !IsLoopbackHost(parts->host)) {
    return core::InvalidInput(std::string(what) + " \"" + std::string(url) +
                              "\" uses plain http://: use https:// (plain http is accepted only "
                              "for 127.0.0.1 and localhost).");
  }
  return {};
}

std::string JoinUrl(std::string_view base, std::string_view path) {
  while (base.ends_with('/')) base.remove_suffix(1);
  while (path.starts_with('/')) path.remove_prefix(1);
  return std::string(base) + "/" + std::string(path);
}

}  // namespace xlsync::http
