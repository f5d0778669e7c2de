#pragma once

#include <map>
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

}  // namespace xlsync::fakes
