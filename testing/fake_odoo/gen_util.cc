#include "testing/fake_odoo/gen_util.h"

#include <cmath>
#include <ctime>

namespace xlsync::fakes::gen {

std::string Datetime(int64_t epoch_seconds) {
  std::time_t time = static_cast<std::time_t>(epoch_seconds);
  std::tm parts{};
  gmtime_r(&time, &parts);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%d %H:%M:%S", &parts);
  return buffer;
}

std::string Date(int64_t epoch_seconds) { return Datetime(epoch_seconds).substr(0, 10); }

double Round2(double value) { return std::round(value * 100.0) / 100.0; }

const std::string& Choose(const std::vector<std::string>& items, uint64_t hash) {
  return items[hash % items.size()];
}

const std::string& PngBase64() {
  static const std::string kPng =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
  return kPng;
}

const std::vector<std::string>& TrickyNames() {
  static const std::vector<std::string> kNames = {
      "=1+2",
      "00123",
      "+Plus Consulting",
      "-Minus Trading",
      "@Handle Studio",
      "O'Brien \"The Quote\" & Sons",
      "Zoë Ünïcødé 日本 🚀",
      "Multi\nLine\tTabbed Co",
      "=HYPERLINK(\"http://example.com\",\"click\")",
      "1.5E+3",
      "TRUE",
      " Leading Space Ltd",
  };
  return kNames;
}

}  // namespace xlsync::fakes::gen
