#include "cli/secret_reference.h"

#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/text.h"

namespace xlsync::cli {
namespace {

constexpr std::string_view kFilePrefix = "file:";
constexpr std::string_view kEnvPrefix = "env:";

core::Result<core::Secret> ReadFromFile(const std::string& path, std::string_view what) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return core::InvalidInput("Could not read the " + std::string(what) + " file \"" + path +
                              "\": check the path and that xlsync may read it.");
  }
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && (info.st_mode & S_IROTH) != 0) {
    spdlog::warn("the {} file {} is readable by every user: chmod 600 it", what, path);
  }
  std::stringstream content;
  content << file.rdbuf();
  const std::string value(core::Trim(content.str()));
  if (value.empty()) {
    return core::InvalidInput("The " + std::string(what) + " file \"" + path +
                              "\" is empty: write the secret into it and try again.");
  }
  return core::Secret(value);
}

}  // namespace

std::string FileReference(const std::string& path) {
  // Absolute, so a later `apply` or `dump` from another directory still names the same file.
  std::error_code ignored;
  const auto absolute = std::filesystem::absolute(path, ignored);
  return std::string(kFilePrefix) + (absolute.empty() ? path : absolute.lexically_normal().string());
}

std::string EnvReference(const std::string& variable) { return std::string(kEnvPrefix) + variable; }

core::Result<core::Secret> ReadSecretReference(const std::string& reference, std::string_view what,
                                               const EnvironmentLookup& env) {
  const std::string_view text = reference;
  if (text.substr(0, kFilePrefix.size()) == kFilePrefix) {
    return ReadFromFile(std::string(text.substr(kFilePrefix.size())), what);
  }
  if (text.substr(0, kEnvPrefix.size()) == kEnvPrefix) {
    const std::string variable(text.substr(kEnvPrefix.size()));
    auto value = env(variable);
    if (!value || value->empty()) {
      return core::InvalidInput("The environment variable " + variable + " named for the " + std::string(what) +
                                " is not set: export it before running xlsync.");
    }
    return core::Secret(std::move(*value));
  }
  return core::InvalidInput("The " + std::string(what) + " reference \"" + reference +
                            "\" is not understood: give a file or an environment variable.");
}

}  // namespace xlsync::cli
