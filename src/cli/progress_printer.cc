#include "cli/progress_printer.h"

#include <cmath>

namespace xlsync::cli {

std::string FormatCount(long long value) {
  const std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  if (value < 0) out.push_back('-');
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

ProgressPrinter::ProgressPrinter(std::FILE* out, ProgressStyle style) : out_(out), style_(style) {}

std::string ProgressPrinter::FormatLine(const sync::ExportProgress& progress, bool with_bar) {
  const double rate = progress.seconds > 0 ? static_cast<double>(progress.rows_written) / progress.seconds : 0;
  std::string line;
  if (with_bar && progress.rows_expected > 0) {
    constexpr int kWidth = 24;
    const double done = std::min(1.0, static_cast<double>(progress.rows_written) /
                                          static_cast<double>(progress.rows_expected));
    const int filled = static_cast<int>(std::lround(done * kWidth));
    line += "[" + std::string(static_cast<size_t>(filled), '#') + std::string(static_cast<size_t>(kWidth - filled), '.') + "] ";
  }
  line += FormatCount(progress.rows_written);
  if (progress.rows_expected > 0) line += "/" + FormatCount(progress.rows_expected);
  line += " rows, " + FormatCount(std::llround(rate)) + " rows/s";
  if (rate > 0 && progress.rows_expected > progress.rows_written) {
    const double eta = static_cast<double>(progress.rows_expected - progress.rows_written) / rate;
    line += ", ETA " + std::to_string(static_cast<long long>(std::ceil(eta))) + " s";
  }
  return line;
}

void ProgressPrinter::Update(const sync::ExportProgress& progress) {
  if (style_ == ProgressStyle::kNone) return;
  const auto now = std::chrono::steady_clock::now();
  const auto every = style_ == ProgressStyle::kBar ? std::chrono::milliseconds(200) : std::chrono::milliseconds(2000);
  const bool finished = progress.rows_expected > 0 && progress.rows_written >= progress.rows_expected;
  if (printed_ && now - last_print_ < every && !finished) return;
  last_print_ = now;
  printed_ = true;
  if (style_ == ProgressStyle::kBar) {
    std::fprintf(out_, "\r\033[K%s", FormatLine(progress, true).c_str());
  } else {
    std::fprintf(out_, "progress: %s\n", FormatLine(progress, false).c_str());
  }
  std::fflush(out_);
}

void ProgressPrinter::Done() {
  if (style_ == ProgressStyle::kBar && printed_) std::fputc('\n', out_);
  std::fflush(out_);
}

}  // namespace xlsync::cli
