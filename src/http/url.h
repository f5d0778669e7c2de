#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace xlsync::http {

/// RFC 3986 percent-encoding of everything but unreserved characters (A-Z a-z 0-9 - . _ ~).
std::string PercentEncode(std::string_view text);
/// application/x-www-form-urlencoded body from name/value pairs (every value encoded).
std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields);
/// Decodes %XX and '+' (form decoding); invalid escapes are kept as they are.
std::string PercentDecode(std::string_view text);
/// Base64 (RFC 4648 §4, with padding) and base64url (§5, no padding).
std::string Base64Encode(std::string_view bytes);
std::string Base64UrlEncode(std::string_view bytes);

/// The parts of an absolute http(s) URL that xlsync cares about.
struct UrlParts {
  std::string scheme;  // "http" or "https", lower case
  std::string host;    // without brackets for IPv6
  int port = 0;        // 0 when absent
  std::string path;    // from the first '/', query included; "" when absent
};

core::Result<UrlParts> ParseUrl(std::string_view url);
/// "scheme://host[:port]" of a URL, or the URL itself when it cannot be parsed (for messages).
std::string OriginOf(std::string_view url);
/// True for localhost, 127.0.0.0/8 and ::1.
bool IsLoopbackHost(std::string_view host);

/// Checks a configured service base URL: absolute http(s), https unless the host is loopback.
/// `what` names the setting in the message ("the Odoo URL").
core::Result<void> ValidateServiceUrl(std::string_view url, std::string_view what);

/// Joins a base URL and a path with exactly one '/' between them.
std::string JoinUrl(std::string_view base, std::string_view path);

}  // namespace xlsync::http
