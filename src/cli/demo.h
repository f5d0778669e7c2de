#pragma once

#include <string>

namespace xlsync::cli {

struct DemoOptions {
  int orders = 2'000;                       // sale.order records in the fake Odoo
  std::string local_xlsx = "xlsync-demo.xlsx";
  std::string progress = "auto";
};

/// Runs the demo with no account anywhere: starts the fake Odoo and the fake Microsoft Graph
/// (built beside xlsync) on 127.0.0.1, checks both connections, exports sample sales orders
/// into a workbook, saves the same sheet as a local .xlsx, and explains how to connect a real
/// Odoo and Microsoft 365 tenant. Returns the process exit code.
int RunDemo(const DemoOptions& options);

}  // namespace xlsync::cli
