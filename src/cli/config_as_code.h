#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cli/config.h"
#include "core/result.h"
#include "store/store.h"

namespace xlsync::cli {

/// What `apply` did: counts per outcome, and one line per object ("created task \"orders\"").
struct ApplySummary {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  std::vector<std::string> lines;
};

/// Creates or updates, by name, the [[odoo_connection]], [[microsoft_connection]] and [[task]]
/// tables of `toml_text` (docs/examples/xlsync-config.toml). Everything is checked first (task
/// keys, schedules, connection names, secret references read), so a refused file writes nothing.
/// Never deletes; changes are audited as `actor`. `origin` names the file in messages.
core::Result<ApplySummary> ApplyConfig(store::Store& store, std::string_view toml_text, std::string_view origin,
                                       const std::string& actor, const EnvironmentLookup& env);

/// Every connection and task as TOML that ApplyConfig reads back; secrets by reference only.
core::Result<std::string> DumpConfig(store::Store& store);

}  // namespace xlsync::cli
