#include "testing/fake_graph/time_text.h"

#include <ctime>

namespace xlsync::fakes {
namespace {

std::string Format(core::TimePoint time, const char* pattern) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char buffer[40];
  const size_t length = std::strftime(buffer, sizeof buffer, pattern, &parts);
  return std::string(buffer, length);
}

}  // namespace

std::string TimeText::Iso(core::TimePoint time) { return Format(time, "%Y-%m-%dT%H:%M:%SZ"); }

std::string TimeText::GraphDate(core::TimePoint time) { return Format(time, "%Y-%m-%dT%H:%M:%S"); }

std::string TimeText::Aad(core::TimePoint time) { return Format(time, "%Y-%m-%d %H:%M:%SZ"); }

}  // namespace xlsync::fakes
