#pragma once

#include <cstdio>
#include <string>

namespace xlsync::fakes {

/// One part of an .xlsx zip ("xl/worksheets/sheet1.xml"), read with unzip (installed by the
/// bootstrap); "" when the file or the part is missing.
inline std::string ReadXlsxPart(const std::string& file, const std::string& part) {
  const std::string command = "unzip -p '" + file + "' " + part + " 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return {};
  std::string content;
  char buffer[4096];
  size_t read = 0;
  while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) content.append(buffer, read);
  ::pclose(pipe);
  return content;
}

}  // namespace xlsync::fakes
