#include "cli/admin_output.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace xlsync::cli {

int ReportError(const core::Error& error) {
  std::fprintf(stderr, "xlsync: %s\n", error.ForUser().c_str());
  switch (error.code) {
    case core::ErrorCode::kInvalidInput:
    case core::ErrorCode::kNotFound:
    case core::ErrorCode::kConflict:
      return 2;
    default:
      return 1;
  }
}

void PrintTable(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - row[i].size() + 2, ' ');
    }
    std::printf("%s\n", line.c_str());
  }
}

std::string FormatLocalTime(core::TimePoint at) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(at);
  std::tm local{};
  ::localtime_r(&seconds, &local);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
  return text;
}

std::string FormatSeconds(double seconds) {
  char text[48];
  if (seconds < 60) {
    std::snprintf(text, sizeof text, "%.1f s", seconds);
  } else {
    const long whole = static_cast<long>(seconds);
    std::snprintf(text, sizeof text, "%ld min %ld s", whole / 60, whole % 60);
  }
  return text;
}

}  // namespace xlsync::cli
