#pragma once

#include <chrono>
#include <cstdio>
#include <string>

#include "sync/exporter.h"

namespace xlsync::cli {

/// How progress is shown: a redrawn bar on a terminal, plain lines otherwise (logs, CI).
enum class ProgressStyle { kBar, kLines, kNone };

/// Prints export progress (rows, rows/s, ETA) to a stream, at most a few times a second.
class ProgressPrinter {
 public:
  ProgressPrinter(std::FILE* out, ProgressStyle style);
  void Update(const sync::ExportProgress& progress);
  /// Ends the bar's line so later output starts on a fresh line.
  void Done();

  static std::string FormatLine(const sync::ExportProgress& progress, bool with_bar);

 private:
  std::FILE* out_;
  ProgressStyle style_;
  std::chrono::steady_clock::time_point last_print_{};
  bool printed_ = false;
};

/// "12,345" — thousands separators for counts shown to people.
std::string FormatCount(long long value);

}  // namespace xlsync::cli
