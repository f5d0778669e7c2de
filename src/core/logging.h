#pragma once

#include <string_view>

namespace xlsync::core {

/// Sets up the process logger (spdlog, to stderr): level is one of trace, debug, info, warn,
/// error, off. Call once from main. Never log a Secret's Reveal().
void SetupLogging(std::string_view level);

}  // namespace xlsync::core
