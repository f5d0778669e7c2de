#include "odoo/server_version.h"

#include <cctype>
#include <charconv>

namespace xlsync::odoo {
namespace {

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Parses the digits at `at`, moving `at` past them; false when there are none or too many.
bool ReadNumber(std::string_view text, size_t& at, int& number) {
  const char* first = text.data() + at;
  const auto [end, error] = std::from_chars(first, text.data() + text.size(), number);
  if (error != std::errc() || end == first) return false;
  at += static_cast<size_t>(end - first);
  return true;
}

}  // namespace

core::Result<ServerVersion> ParseServerVersion(std::string_view text) {
  // Online builds say "saas~17.4" (odoo-api.md §2, common.version), so skip any prefix.
  size_t at = 0;
  while (at < text.size() && !IsDigit(text[at])) ++at;
  ServerVersion version;
  version.text = std::string(text);
  if (at == text.size() || !ReadNumber(text, at, version.major)) {
    return core::Internal("xlsync did not understand the Odoo version \"" + std::string(text) +
                          "\": check that the URL points to an Odoo server.");
  }
  if (at + 1 < text.size() && text[at] == '.' && IsDigit(text[at + 1])) {
    ++at;
    if (!ReadNumber(text, at, version.minor)) version.minor = 0;
  }
  return version;
}

}  // namespace xlsync::odoo
