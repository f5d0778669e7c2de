#pragma once

#include <map>
#include <string>

#include "cli/child_process.h"
#include "core/result.h"
#include "sync/export_task.h"

namespace xlsync::cli {

struct DemoOptions {
  int orders = 2'000;                       // sale.order records in the fake Odoo
  std::string local_xlsx = "xlsync-demo.xlsx";
  std::string progress = "auto";
};

/// The fake Odoo and fake Microsoft Graph of the demo, running as child processes; their URLs and
/// the fake tenant's settings (tenant_id, client_id, client_secret, user_upn, workbook_path, url).
struct DemoServers {
  ChildProcess odoo;
  ChildProcess graph;
  std::string odoo_url;
  std::map<std::string, std::string> graph_settings;
};

/// Starts both fakes (built beside xlsync) on 127.0.0.1 with `orders` sales orders.
core::Result<DemoServers> StartDemoServers(int orders);

/// The demo's task: sales orders with their customer, dates, amounts and lines.
sync::ExportTask DemoTask();

/// The API key of the fake Odoo's admin user.
inline constexpr char kDemoOdooApiKey[] = "0123456789abcdef0123456789abcdef01234567";

/// Runs the demo with no account anywhere: starts the fake Odoo and the fake Microsoft Graph
/// (built beside xlsync) on 127.0.0.1, checks both connections, exports sample sales orders
/// into a workbook, saves the same sheet as a local .xlsx, and explains how to connect a real
/// Odoo and Microsoft 365 tenant. Returns the process exit code.
int RunDemo(const DemoOptions& options);

}  // namespace xlsync::cli
