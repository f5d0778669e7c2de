#include "sync/checker.h"

#include "core/text.h"
#include "excel/a1.h"
#include "excel/sheet_name.h"
#include "msgraph/drive_resolver.h"
#include "msgraph/graph_client.h"
#include "msgraph/token_provider.h"
#include "msgraph/workbook.h"
#include "odoo/cell_converter.h"
#include "odoo/related_fields.h"
#include "sync/grouped_plan.h"

namespace xlsync::sync {
namespace {

/// Reports a step and turns its outcome into the run's outcome.
template <typename T>
core::Result<T> Step(const std::function<void(const CheckStep&)>& on_step, std::string name,
                     core::Result<T> outcome, const std::function<std::string(const T&)>& describe) {
  if (!outcome) {
    on_step({std::move(name), false, outcome.error().ForUser()});
    return outcome;
  }
  on_step({std::move(name), true, describe(*outcome)});
  return outcome;
}

core::Result<void> StepVoid(const std::function<void(const CheckStep&)>& on_step, std::string name,
                            core::Result<void> outcome, std::string detail) {
  on_step({std::move(name), outcome.has_value(), outcome ? std::move(detail) : outcome.error().ForUser()});
  return outcome;
}

/// Writes a marker into a cell that holds nothing (right of the used range), reads it back and
/// empties the cell again, so the check proves write access without touching the user's data.
core::Result<std::string> TestWrite(msgraph::Workbook& workbook, const msgraph::Worksheet& sheet) {
  auto used = workbook.UsedRange(sheet);
  if (!used) return std::move(used).error();
  int column = 0;
  if (used->has_value()) {
    auto range = excel::ParseRangeAddress(**used);
    if (!range) return std::move(range).error();
    column = range->last_column + 1;
  }
  if (column >= excel::kMaxColumns) column = excel::kMaxColumns - 1;
  const std::string address = excel::CellAddress(1, column);
  XLSYNC_RETURN_IF_ERROR(workbook.PatchRange(sheet, address, R"({"values":[["'xlsync check"]]})"));
  auto back = workbook.GetRange(sheet, address);
  if (!back) return std::move(back).error();
  XLSYNC_RETURN_IF_ERROR(workbook.PatchRange(sheet, address, R"({"values":[[""]]})"));
  const auto& values = (*back)["values"];
  if (!values.is_array() || values.empty() || values[0].empty() || values[0][0] != "xlsync check") {
    return core::Internal("The test write to the workbook did not read back as written: try again, "
                          "and report it if it persists.", "testWrite");
  }
  return "wrote and removed a test value in " + sheet.name + "!" + address;
}

}  // namespace

Checker::Checker(http::Client& http, core::Sleeper& sleeper, const core::Clock& clock)
    : http_(http), sleeper_(sleeper), clock_(clock) {}

core::Result<void> Checker::Run(const ExportRequest& request, const std::function<void(const CheckStep&)>& on_step) {
  XLSYNC_RETURN_IF_ERROR(CheckMicrosoft(request, on_step));
  return CheckOdoo(request, on_step);
}

core::Result<void> Checker::CheckMicrosoft(const ExportRequest& request,
                                           const std::function<void(const CheckStep&)>& on_step) {
  const auto& graph_settings = request.graph;
  XLSYNC_RETURN_IF_ERROR(StepVoid(on_step, "Microsoft settings", msgraph::ValidateSettings(graph_settings),
                                  "tenant " + graph_settings.tenant_id + ", client " + graph_settings.client_id));
  msgraph::TokenProvider tokens(http_, clock_, sleeper_, graph_settings);
  auto token = Step<std::string>(on_step, "Token obtained", tokens.AccessToken(), [&](const std::string&) {
    return "from " + graph_settings.authority_host;
  });
  if (!token) return std::move(token).error();
  msgraph::GraphClient graph(http_, tokens, sleeper_, graph_settings);
  msgraph::DriveResolver drives(graph, graph_settings.user_upn);
  auto drive = Step<std::string>(on_step, "User found, drive ID discovered", drives.DriveId(),
                                 [&](const std::string& id) { return graph_settings.user_upn + ": drive " + id; });
  if (!drive) return std::move(drive).error();
  if (request.task.workbook.empty()) return {};

  auto locator = msgraph::WorkbookLocator::Parse(request.task.workbook);
  auto item = locator ? drives.Resolve(*locator) : core::Result<msgraph::DriveItem>(locator.error());
  item = Step<msgraph::DriveItem>(on_step, "Workbook found", std::move(item), [](const msgraph::DriveItem& found) {
    return found.name + (found.web_url.empty() ? "" : " (" + found.web_url + ")");
  });
  if (!item) return std::move(item).error();
  msgraph::Workbook workbook(graph, clock_, sleeper_, *item);
  XLSYNC_RETURN_IF_ERROR(StepVoid(on_step, "Workbook session opened", workbook.Open(), "persistent session"));
  auto outcome = [&]() -> core::Result<void> {
    auto sheets = workbook.Worksheets();
    if (!sheets) return StepVoid(on_step, "Worksheet reachable", std::move(sheets).error(), "");
    const msgraph::Worksheet* target = nullptr;
    for (const auto& sheet : *sheets) {
      if (core::EqualsIgnoreCase(sheet.name, request.task.sheet)) target = &sheet;
    }
    XLSYNC_RETURN_IF_ERROR(StepVoid(on_step, "Worksheet reachable", excel::ValidateSheetName(request.task.sheet),
                                    target ? "\"" + target->name + "\" exists"
                                           : "\"" + request.task.sheet + "\" will be created by the first run"));
    if (sheets->empty()) return {};
    auto written = Step<std::string>(on_step, "Test write and removal", TestWrite(workbook, target ? *target : sheets->front()),
                                     [](const std::string& what) { return what; });
    if (!written) return std::move(written).error();
    return {};
  }();
  (void)workbook.Close();
  return outcome;
}

core::Result<void> Checker::CheckOdoo(const ExportRequest& request, const std::function<void(const CheckStep&)>& on_step) {
  odoo::Client client(http_, sleeper_, request.odoo);
  auto version = Step<odoo::ServerVersion>(on_step, "Odoo reachable, version", client.DetectVersion(),
                                           [&](const odoo::ServerVersion& found) {
    return "Odoo " + found.text + " at " + request.odoo.url + " (" +
           (client.protocol() == odoo::Protocol::kJson2 ? "JSON-2" : "JSON-RPC") + ")";
  });
  if (!version) return std::move(version).error();
  auto uid = Step<int64_t>(on_step, "Login", client.Login(), [&](const int64_t& id) {
    return (request.odoo.login.empty() ? std::string("API key") : request.odoo.login) + " (uid " + std::to_string(id) +
           ") on database " + request.odoo.database;
  });
  if (!uid) return std::move(uid).error();
  const ExportTask& task = request.task;
  if (task.model.empty()) return {};
  const odoo::Context context = OdooContextOf(task);
  auto schema = client.FieldsGet(task.model, context);
  auto count = schema ? client.SearchCount(task.model, task.domain, context) : core::Result<int64_t>(schema.error());
  count = Step<int64_t>(on_step, "Model readable", std::move(count), [&](const int64_t& n) {
    return task.model + ": " + std::to_string(n) + " records match the filter";
  });
  if (!count) return std::move(count).error();
  if (!task.group_by.empty()) {
    auto grouped = Step<GroupedPlan>(on_step, "Groups readable", PlanGroupedExport(task, *schema),
                                     [&](const GroupedPlan& ready) {
      return std::to_string(ready.columns.size()) + " columns";
    });
    return grouped ? core::Result<void>() : core::Result<void>(std::move(grouped).error());
  }
  if (task.fields.empty()) return {};
  // The same plan and converter as an export: dotted paths are checked on their comodels.
  auto converter = [&]() -> core::Result<odoo::CellConverter> {
    auto options = ConvertOptionsOf(task);
    if (!options) return std::move(options).error();
    auto plan = odoo::RelatedPlan::Build(client, *schema, task.fields, context);
    if (!plan) return std::move(plan).error();
    return odoo::CellConverter::Create(*schema, task.fields, *options, &*plan);
  }();
  auto fields = Step<odoo::CellConverter>(on_step, "Fields readable", std::move(converter),
                                          [&](const odoo::CellConverter& ready) {
    std::string detail = std::to_string(ready.columns().size()) + " columns";
    for (const auto& warning : ready.warnings()) detail += "; " + warning;
    return detail;
  });
  if (!fields) return std::move(fields).error();
  return {};
}

}  // namespace xlsync::sync
