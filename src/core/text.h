#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xlsync::core {

std::string ToLower(std::string_view text);
/// A whole number with thousands separators, as messages show counts: 1200000 -> "1,200,000".
std::string GroupThousands(int64_t value);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix);
std::string_view Trim(std::string_view text);
std::vector<std::string> Split(std::string_view text, char separator);
/// Replaces every occurrence of each needle with "********" (defence in depth for messages
/// that quote upstream text; empty needles are ignored).
std::string Redact(std::string text, const std::vector<std::string>& needles);
/// A random RFC 4122 version-4 GUID, lower case ("client-request-id", session ids).
std::string NewGuid();
/// The version-4 GUID made of 128 random bits (version and variant bits overwritten).
std::string FormatGuid(std::uint64_t high, std::uint64_t low);

}  // namespace xlsync::core
