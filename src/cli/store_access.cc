#include "cli/store_access.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "store/master_key.h"
#include "store/sqlite_store.h"

namespace xlsync::cli {
namespace {

std::optional<std::string> NonEmpty(const EnvironmentLookup& env, std::string_view name) {
  auto value = env(name);
  if (!value || value->empty()) return std::nullopt;
  return value;
}

std::filesystem::path HomeDirectory(const EnvironmentLookup& env) {
  if (auto home = NonEmpty(env, "HOME")) return *home;
  if (const passwd* entry = ::getpwuid(::geteuid()); entry != nullptr && entry->pw_dir != nullptr) {
    return entry->pw_dir;
  }
  return ".";
}

/// Creates `directory` (and its parents) readable by the owner only: it holds the database or
/// the key, neither of which other users have any business reading.
core::Result<void> MakePrivateDirectory(const std::filesystem::path& directory) {
  if (directory.empty()) return {};
  std::error_code error;
  if (std::filesystem::is_directory(directory, error)) return {};
  std::filesystem::create_directories(directory, error);
  if (error) {
    return core::Unavailable("Could not create the directory " + directory.string() + " (" + error.message() +
                             "): create it yourself or choose another with --data-dir.");
  }
  std::filesystem::permissions(directory, std::filesystem::perms::owner_all, error);
  return {};
}

}  // namespace

StoreLocation LocateStore(const std::string& data_dir_flag, const EnvironmentLookup& env) {
  std::filesystem::path data_dir;
  if (!data_dir_flag.empty()) {
    data_dir = data_dir_flag;
  } else if (auto from_env = NonEmpty(env, "XLSYNC_DATA_DIR")) {
    data_dir = *from_env;
  } else if (auto xdg = NonEmpty(env, "XDG_DATA_HOME")) {
    data_dir = std::filesystem::path(*xdg) / "xlsync";
  } else {
    data_dir = HomeDirectory(env) / ".local" / "share" / "xlsync";
  }
  std::filesystem::path key_file;
  if (auto from_env = NonEmpty(env, "XLSYNC_MASTER_KEY_FILE")) {
    key_file = *from_env;
  } else if (auto xdg = NonEmpty(env, "XDG_CONFIG_HOME")) {
    key_file = std::filesystem::path(*xdg) / "xlsync" / "master.key";
  } else {
    key_file = HomeDirectory(env) / ".config" / "xlsync" / "master.key";
  }
  return StoreLocation{(data_dir / "xlsync.db").string(), key_file.string()};
}

core::Result<std::unique_ptr<store::Store>> OpenStore(const StoreLocation& where, const EnvironmentLookup& env) {
  const auto key_value = NonEmpty(env, "XLSYNC_MASTER_KEY");
  if (!key_value) {
    XLSYNC_RETURN_IF_ERROR(MakePrivateDirectory(std::filesystem::path(where.key_file).parent_path()));
  }
  auto key = store::LoadMasterKey(key_value, where.key_file);
  if (!key) return std::move(key).error();
  if (key->generated) {
    std::fprintf(stderr, "xlsync: created the master key %s: back it up, without it the stored secrets cannot be read.\n",
                 where.key_file.c_str());
  }
  XLSYNC_RETURN_IF_ERROR(MakePrivateDirectory(std::filesystem::path(where.database).parent_path()));
  auto opened = store::SqliteStore::Open(where.database, std::move(key->box));
  if (!opened) return std::move(opened).error();
  return std::unique_ptr<store::Store>(std::move(*opened));
}

std::string CurrentActor() {
  const passwd* entry = ::getpwuid(::geteuid());
  if (entry != nullptr && entry->pw_name != nullptr) return std::string("cli:") + entry->pw_name;
  return "cli:uid " + std::to_string(::geteuid());
}

}  // namespace xlsync::cli
