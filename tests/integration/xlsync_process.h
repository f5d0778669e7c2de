#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace xlsync::fakes {

/// What one run of the real xlsync binary did.
struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs the xlsync binary built beside the tests (XLSYNC_BINARY) with `args`, in `directory`,
/// with the test's environment less XLSYNC_* plus `env`, and waits for it to end.
ProcessResult RunXlsync(const std::vector<std::string>& args, const std::string& directory,
                        const std::map<std::string, std::string>& env = {});

/// The xlsync binary running in the background (xlsync serve), started like RunXlsync; its
/// output goes to <directory>/<name>.out and .err. Killed (SIGKILL) when destroyed.
class XlsyncProcess {
 public:
  XlsyncProcess(const std::vector<std::string>& args, const std::string& directory,
                const std::map<std::string, std::string>& env, const std::string& name);
  ~XlsyncProcess();
  XlsyncProcess(const XlsyncProcess&) = delete;
  XlsyncProcess& operator=(const XlsyncProcess&) = delete;

  void Signal(int signal);
  /// Waits up to `timeout` for the process to end: its exit code (128 + signal when killed),
  /// or nullopt while it runs.
  std::optional<int> Wait(std::chrono::milliseconds timeout);
  /// What it printed so far (stdout, then stderr).
  std::string Output() const;

 private:
  std::string out_path_;
  std::string err_path_;
  int pid_ = -1;
  std::optional<int> exit_code_;
};

}  // namespace xlsync::fakes
