#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"

namespace xlsync::cli {

/// A helper program started by the demo (the fake servers), with its stdout piped to us.
/// Stopped with SIGTERM (then SIGKILL) when destroyed.
class ChildProcess {
 public:
  static core::Result<ChildProcess> Start(const std::string& program, const std::vector<std::string>& args);
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&&) = delete;
  ChildProcess(const ChildProcess&) = delete;
  ~ChildProcess();

  /// Reads lines until one starts with `prefix`, or the time runs out; returns that line.
  core::Result<std::string> WaitForLine(const std::string& prefix, std::chrono::milliseconds timeout);
  /// Reads "key=value" lines that arrive within `quiet` of each other.
  std::map<std::string, std::string> ReadSettings(std::chrono::milliseconds quiet);
  void Stop();

 private:
  ChildProcess(pid_t pid, int out, std::string name) : pid_(pid), out_(out), name_(std::move(name)) {}
  bool ReadLine(std::string& line, std::chrono::milliseconds timeout);

  pid_t pid_ = -1;
  int out_ = -1;
  std::string name_;
  std::string buffer_;
};

/// The directory holding this executable (/proc/self/exe), where the fake servers are built.
std::string ExecutableDirectory();

}  // namespace xlsync::cli
