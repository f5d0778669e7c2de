#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "store/secret_box.h"

namespace xlsync::store {

/// The key that seals the store's secrets, and where it came from: "environment variable
/// XLSYNC_MASTER_KEY" or the key file's path. `generated`: the key file was just created, so the
/// caller tells the operator to back it up.
struct MasterKey {
  SecretBox box;
  std::string origin;
  bool generated = false;
};

/// `env_value` (getenv("XLSYNC_MASTER_KEY")) wins: 32 bytes in standard base64. Otherwise the key
/// file is read (it must not be readable or writable by group or others), or created with a new
/// random key (mode 0600, parent folders 0700) when it does not exist.
core::Result<MasterKey> LoadMasterKey(const std::optional<std::string>& env_value,
                                      const std::string& key_file);

}  // namespace xlsync::store
