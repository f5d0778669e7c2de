#pragma once

#include <memory>
#include <string>

#include "cli/config.h"
#include "core/result.h"
#include "store/store.h"

namespace xlsync::cli {

/// Where the service keeps its data: the SQLite database and, apart from it, the master key
/// that seals the stored secrets (a copied database leaves its key behind).
struct StoreLocation {
  std::string database;
  std::string key_file;
};

/// The database: <--data-dir, else $XLSYNC_DATA_DIR, else $XDG_DATA_HOME/xlsync, else
/// ~/.local/share/xlsync>/xlsync.db. The key: $XLSYNC_MASTER_KEY_FILE, else
/// $XDG_CONFIG_HOME/xlsync/master.key, else ~/.config/xlsync/master.key.
StoreLocation LocateStore(const std::string& data_dir_flag, const EnvironmentLookup& env);

/// Loads the master key ($XLSYNC_MASTER_KEY wins over the file) and opens the store, creating
/// the directories; when the key file was just generated, prints one notice on stderr.
core::Result<std::unique_ptr<store::Store>> OpenStore(const StoreLocation& where, const EnvironmentLookup& env);

/// Who the audit log names for a command-line change: "cli:<unix user name>".
std::string CurrentActor();

}  // namespace xlsync::cli
