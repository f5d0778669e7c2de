#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xlsync::fakes {

/// One OData path segment in call syntax: "range(address='A1:B2')" has name "range" and argument
/// address=A1:B2; "worksheets('{..}')" has name "worksheets" and key "{..}"; "usedRange" has
/// neither. Argument values are unquoted ('' -> ').
struct ODataCall {
  std::string name;
  bool has_parentheses = false;
  std::optional<std::string> key;
  std::map<std::string, std::string> arguments;
};

/// Splits and decodes Graph URL paths the way Graph does: per segment, with %XX decoding only
/// ('+' stays a plus in a path).
class ODataPath {
 public:
  /// "/v1.0/drives/b!x/root:/A%20B" -> {"v1.0", "drives", "b!x", "root:", "A%20B"}.
  static std::vector<std::string> Split(std::string_view raw_path);
  static std::string Decode(std::string_view segment);
  /// nullopt on a syntax error (unbalanced quotes or parentheses).
  static std::optional<ODataCall> ParseCall(std::string_view decoded_segment);
  /// 'it''s' -> it's; nullopt when not a well-formed quoted literal.
  static std::optional<std::string> Unquote(std::string_view literal);
};

/// RFC 4648 base64 (§4) or base64url (§5) decoding; padding optional; nullopt on bad input.
std::optional<std::string> Base64Decode(std::string_view text, bool url_alphabet);

}  // namespace xlsync::fakes
