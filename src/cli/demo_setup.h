#pragma once

#include <optional>

#include "cli/demo.h"
#include "core/result.h"
#include "store/store.h"

namespace xlsync::cli {

/// The demo of `xlsync serve`. On an empty store it starts the fake Odoo and fake Graph, stores
/// them as the connections "demo-odoo" and "demo-microsoft", adds the task "demo-sales-orders"
/// (every 15 minutes) and queues its first run, so a newcomer sees a run at once. When the demo
/// connections exist already, it starts the fakes again and points the connections at them.
/// nullopt when the store holds the user's own configuration (no demo then).
core::Result<std::optional<DemoServers>> SetUpDemo(store::Store& store, int orders);

}  // namespace xlsync::cli
