#pragma once

#include <string>
#include <string_view>

namespace xlsync::excel {

/// Appends `bytes` (valid UTF-8) escaped for the inside of a JSON string: quote, backslash and
/// control characters; everything else is copied as is.
void AppendJsonEscaped(std::string& out, std::string_view bytes);
/// Appends `text` as a complete JSON string literal, quotes included.
void AppendJsonString(std::string& out, std::string_view text);
/// Appends a finite number as its shortest round-trip JSON text ("1", "0.5", "1e+20"; -0 -> "0").
void AppendJsonNumber(std::string& out, double value);

}  // namespace xlsync::excel
