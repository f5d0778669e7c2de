#include "cli/demo.h"

#include <cstdio>

#include "cli/child_process.h"
#include "cli/commands.h"
#include "cli/progress_printer.h"
#include "cli/run_context.h"
#include "sync/checker.h"
#include "sync/exporter.h"

namespace xlsync::cli {
namespace {

constexpr char kHowToConnect[] = R"(
To connect your own Odoo and Microsoft 365 tenant, write xlsync.toml (see README.md):

  [odoo]
  url = "https://mycompany.odoo.com"
  database = "mycompany"
  login = "admin@mycompany.com"
  api_key_file = "/etc/xlsync/odoo-api-key"        # Odoo: Preferences > Account Security > New API Key

  [microsoft]
  tenant_id = "contoso.onmicrosoft.com"            # Entra ID > Overview > Tenant ID
  client_id = "00000000-0000-0000-0000-000000000000"
  client_secret_file = "/etc/xlsync/client-secret" # the secret's Value, not its ID
  user_upn = "analyst@contoso.com"                 # whose OneDrive holds the workbook

The app registration needs the application permission Files.ReadWrite.All (or
Sites.ReadWrite.All) with admin consent. Then:

  xlsync check  --workbook "/Reports/Sales.xlsx" --sheet Orders --model sale.order --fields name,partner_id
  xlsync export --workbook "/Reports/Sales.xlsx" --sheet Orders --model sale.order --fields name,partner_id
)";

}  // namespace

sync::ExportTask DemoTask() {
  sync::ExportTask task;
  task.name = "Demo: sales orders";
  task.model = "sale.order";
  task.fields = {"name", "partner_id", "date_order", "state", "user_id", "amount_untaxed", "amount_total",
                 "invoice_status", "validity_date", "order_line"};
  task.time_zone = "Europe/Brussels";
  task.sheet = "Sales Orders";
  return task;
}

core::Result<DemoServers> StartDemoServers(int orders) {
  const std::string dir = ExecutableDirectory();
  auto odoo = ChildProcess::Start(dir + "/xlsync-fake-odoo",
                                  {"--port", "0", "--count", "sale.order=" + std::to_string(orders)});
  if (!odoo) return std::move(odoo).error();
  auto odoo_line = odoo->WaitForLine("xlsync-fake-odoo listening on ", std::chrono::seconds(20));
  if (!odoo_line) return std::move(odoo_line).error();
  auto graph = ChildProcess::Start(dir + "/xlsync-fake-graph", {"--port", "0"});
  if (!graph) return std::move(graph).error();
  auto graph_line = graph->WaitForLine("xlsync-fake-graph listening on ", std::chrono::seconds(20));
  if (!graph_line) return std::move(graph_line).error();
  auto settings = graph->ReadSettings(std::chrono::milliseconds(500));
  settings["url"] = graph_line->substr(graph_line->rfind(' ') + 1);
  return DemoServers{std::move(*odoo), std::move(*graph), odoo_line->substr(odoo_line->rfind(' ') + 1),
                     std::move(settings)};
}

namespace {

sync::ExportRequest DemoRequest(const DemoServers& servers, const DemoOptions& options) {
  sync::ExportRequest request;
  request.odoo.url = servers.odoo_url;
  request.odoo.database = "demo";
  request.odoo.login = "admin";
  request.odoo.api_key = core::Secret(kDemoOdooApiKey);
  const auto& graph = servers.graph_settings;
  auto get = [&](const char* key) { return graph.count(key) ? graph.at(key) : std::string(); };
  request.graph.tenant_id = get("tenant_id");
  request.graph.client_id = get("client_id");
  request.graph.client_secret = core::Secret(get("client_secret"));
  request.graph.user_upn = get("user_upn");
  request.graph.authority_host = get("url");
  request.graph.graph_url = get("url");
  request.task = DemoTask();
  request.task.workbook = get("workbook_path");
  request.local_xlsx = options.local_xlsx;
  return request;
}

}  // namespace

int RunDemo(const DemoOptions& options) {
  std::printf("No connection is configured, so xlsync runs its demo: a fake Odoo and a fake Microsoft\n"
              "Graph start on 127.0.0.1, and %d sample sales orders go into a workbook.\n\n", options.orders);
  auto servers = StartDemoServers(options.orders);
  if (!servers) {
    std::fprintf(stderr, "xlsync: %s\n", servers.error().ForUser().c_str());
    return kExitFailed;
  }
  std::printf("fake Odoo:            %s\nfake Microsoft Graph: %s\n\nxlsync check:\n", servers->odoo_url.c_str(),
              servers->graph_settings["url"].c_str());
  const sync::ExportRequest request = DemoRequest(*servers, options);
  RunContext context;
  sync::Checker checker(context.http(), context.sleeper(), core::SystemClock());
  auto checked = checker.Run(request, [](const sync::CheckStep& step) {
    std::printf("  %s %s: %s\n", step.ok ? "ok  " : "FAIL", step.name.c_str(), step.detail.c_str());
  });
  if (!checked) return kExitFailed;
  std::printf("\nxlsync export:\n");
  std::fflush(stdout);
  ProgressPrinter printer(stderr, options.progress == "none" ? ProgressStyle::kNone : ProgressStyle::kLines);
  sync::Exporter exporter(context.http(), context.sleeper(), core::SystemClock());
  auto report = exporter.Run(request, [&](const sync::ExportProgress& progress) { printer.Update(progress); },
                             &context.stop_requested());
  printer.Done();
  if (!report) {
    std::fprintf(stderr, "xlsync: %s\n", report.error().ForUser().c_str());
    return kExitFailed;
  }
  std::printf("  sheet = source (%s rows) in \"%s\" sheet \"%s\", %.1f s\n", FormatCount(report->rows).c_str(),
              report->workbook_name.c_str(), report->sheet.c_str(), report->seconds);
  std::printf("  the same sheet saved locally: %s (open it in Excel or LibreOffice)\n", options.local_xlsx.c_str());
  std::printf("%s", kHowToConnect);
  return kExitOk;
}

}  // namespace xlsync::cli
