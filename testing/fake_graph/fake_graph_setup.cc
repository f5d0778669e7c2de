// FakeGraph's C++ API: setup, behaviour switches, faults and read-back. Every call takes the
// state lock, so tests may call them while requests are in flight.
#include "core/text.h"
#include "testing/fake_graph/fake_graph.h"
#include "testing/fake_graph/fake_graph_impl.h"
#include "testing/fake_graph/hyperlink_formula.h"
#include "testing/fake_graph/xlsx_dump.h"

namespace xlsync::fakes {
namespace {

const Tenant& RequireTenant(const GraphState& state, const std::string& tenant) {
  const Tenant* found = state.directory.FindTenant(tenant);
  XLSYNC_CHECK(found != nullptr);
  return *found;
}

Drive& RequireDrive(GraphState& state, const std::string& drive_id) {
  Drive* drive = state.drives.FindDrive(drive_id);
  XLSYNC_CHECK(drive != nullptr);
  return *drive;
}

const Workbook* FindWorkbook(GraphState& state, const std::string& drive_id,
                             const std::string& item_id) {
  Drive* drive = state.drives.FindDrive(drive_id);
  DriveItem* item = drive ? state.drives.FindItem(*drive, item_id) : nullptr;
  return item ? item->workbook.get() : nullptr;
}

SnapshotCell ToSnapshot(const CellView& stored) {
  const DisplayedCell shown(stored);
  const CellView& view = shown.view();
  SnapshotCell cell;
  switch (view.kind) {
    case ValueKind::kEmpty:
      break;
    case ValueKind::kNumber:
      cell.value = shown.link() ? core::Cell::Link(shown.link()->url, view.number)
                                : core::Cell::Number(view.number);
      break;
    case ValueKind::kBoolean:
      cell.value = core::Cell::Boolean(view.boolean);
      break;
    case ValueKind::kText:
      cell.value = core::Cell::Text(std::string(view.text));
      break;
  }
  cell.formula = stored.formula;
  if (stored.formula) cell.formula_text = std::string(stored.text);
  cell.quote_prefix = stored.quote_prefix;
  cell.number_format = std::string(stored.number_format);
  cell.bold = stored.style->bold;
  return cell;
}

TableSnapshot ToSnapshot(const Worksheet& sheet, const Table& table) {
  TableSnapshot snapshot{table.id,           table.name,        table.style,
                         QualifiedAddress(sheet.name, table.Range()),
                         table.show_headers, table.show_totals, table.body_rows,
                         {}};
  for (const auto& column : table.columns) snapshot.columns.push_back(column.name);
  return snapshot;
}

}  // namespace

void FakeGraph::AddTenant(const std::string& guid, const std::vector<std::string>& domains) {
  std::lock_guard lock(impl_->state.mutex);
  XLSYNC_CHECK(impl_->state.directory.AddTenant(Tenant{guid, domains}));
}

void FakeGraph::AddApp(const std::string& tenant, const std::string& client_id,
                       const std::string& secret, AppAccess access, bool secret_expired) {
  std::lock_guard lock(impl_->state.mutex);
  const Tenant& found = RequireTenant(impl_->state, tenant);
  XLSYNC_CHECK(impl_->state.directory.AddApp(
      AppRegistration{found.guid, client_id, secret, access, secret_expired}));
}

std::string FakeGraph::AddUser(const std::string& tenant, const std::string& upn, bool has_drive) {
  std::lock_guard lock(impl_->state.mutex);
  GraphState& state = impl_->state;
  const Tenant& found = RequireTenant(state, tenant);
  DirectoryUser user{found.guid, upn, state.ids.Guid(), ""};
  if (has_drive)
    user.drive_id =
        state.drives.AddDrive(found.guid, upn, user.id, state.ids, state.clock.Now()).id;
  XLSYNC_CHECK(state.directory.AddUser(user));
  return user.drive_id;
}

std::string FakeGraph::AddWorkbook(const std::string& drive_id, const std::string& path,
                                   const std::vector<std::string>& sheet_names) {
  XLSYNC_CHECK(path.size() > 5 && core::EqualsIgnoreCase(path.substr(path.size() - 5), ".xlsx"));
  XLSYNC_CHECK(!sheet_names.empty());
  auto workbook = std::make_unique<Workbook>(std::vector<std::string>{});
  for (const auto& name : sheet_names) XLSYNC_CHECK(workbook->Add(name, "").has_value());
  std::lock_guard lock(impl_->state.mutex);
  GraphState& state = impl_->state;
  auto item = state.drives.AddItem(RequireDrive(state, drive_id), path, false, state.ids,
                                   state.clock.Now());
  XLSYNC_CHECK(item.has_value());
  (*item)->workbook = std::make_unique<Workbook>(sheet_names);
  return (*item)->id;
}

std::string FakeGraph::AddFolder(const std::string& drive_id, const std::string& path) {
  std::lock_guard lock(impl_->state.mutex);
  GraphState& state = impl_->state;
  auto item =
      state.drives.AddItem(RequireDrive(state, drive_id), path, true, state.ids, state.clock.Now());
  XLSYNC_CHECK(item.has_value());
  return (*item)->id;
}

std::string FakeGraph::AddFile(const std::string& drive_id, const std::string& path) {
  std::lock_guard lock(impl_->state.mutex);
  GraphState& state = impl_->state;
  auto item = state.drives.AddItem(RequireDrive(state, drive_id), path, false, state.ids,
                                   state.clock.Now());
  XLSYNC_CHECK(item.has_value());
  return (*item)->id;
}

void FakeGraph::AddShareLink(const std::string& url, const std::string& drive_id,
                             const std::string& item_id) {
  std::lock_guard lock(impl_->state.mutex);
  XLSYNC_CHECK(impl_->state.drives.FindItem(RequireDrive(impl_->state, drive_id), item_id) !=
               nullptr);
  impl_->state.drives.AddShare(url, drive_id, item_id);
}

DemoIds FakeGraph::SeedDemo() {
  DemoIds ids;
  ids.tenant_id = "5f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
  ids.tenant_domain = "contoso.onmicrosoft.com";
  ids.client_id = "0d9e8f7a-6b5c-4d3e-9f2a-1b0c9d8e7f6a";
  ids.client_secret = "demo-secret~+/=";
  ids.user_upn = "analyst@contoso.onmicrosoft.com";
  ids.workbook_path = "/Reports/Odoo Export.xlsx";
  ids.sheet_name = "Sheet1";
  ids.share_url =
      "https://contoso-my.sharepoint.com/:x:/g/personal/analyst_contoso_onmicrosoft_com/EdOdooExportDemo1?e=Xy12Ab";
  AddTenant(ids.tenant_id, {ids.tenant_domain});
  AddApp(ids.tenant_id, ids.client_id, ids.client_secret,
         AppAccess{AppPermission::kFilesReadWriteAll, false});
  ids.drive_id = AddUser(ids.tenant_id, ids.user_upn);
  ids.item_id = AddWorkbook(ids.drive_id, ids.workbook_path, {ids.sheet_name});
  AddShareLink(ids.share_url, ids.drive_id, ids.item_id);
  return ids;
}

void FakeGraph::SetTokenLifetime(std::chrono::seconds lifetime) {
  std::lock_guard lock(impl_->state.mutex);
  impl_->state.options.token_lifetime = lifetime;
}

void FakeGraph::SetSessionIdleTimeout(std::chrono::milliseconds timeout) {
  std::lock_guard lock(impl_->state.mutex);
  impl_->state.options.session_idle_timeout = timeout;
}

void FakeGraph::SetAsyncCreateSession(bool async) {
  std::lock_guard lock(impl_->state.mutex);
  impl_->state.options.async_create_session = async;
}

void FakeGraph::SetMaxCellsPerRequest(std::size_t cells) {
  std::lock_guard lock(impl_->state.mutex);
  impl_->state.options.max_cells_per_request = cells;
}

void FakeGraph::SetMaxRequestBytes(std::size_t bytes) {
  std::lock_guard lock(impl_->state.mutex);
  impl_->state.options.max_request_bytes = bytes;
}

void FakeGraph::SetMaxResponseBytes(std::size_t bytes) {
  std::lock_guard lock(impl_->state.mutex);
  impl_->state.options.max_response_bytes = bytes;
}

void FakeGraph::SetLatency(std::chrono::milliseconds per_call, std::chrono::microseconds per_kib) {
  impl_->call_latency_ms = per_call.count();
  impl_->per_kib_latency_us = per_kib.count();
}

core::Result<void> FakeGraph::InjectFault(FaultSpec fault) {
  return impl_->state.faults.Add(std::move(fault));
}

void FakeGraph::ClearFaults() { impl_->state.faults.Clear(); }

bool FakeGraph::KillSession(const std::string& session_id) {
  std::lock_guard lock(impl_->state.mutex);
  return impl_->state.sessions.Kill(session_id);
}

void FakeGraph::KillAllSessions() {
  std::lock_guard lock(impl_->state.mutex);
  impl_->state.sessions.KillAll();
}

void FakeGraph::ExpireAllTokens() {
  std::lock_guard lock(impl_->state.mutex);
  impl_->state.directory.ExpireAllTokens(impl_->state.clock.Now());
}

void FakeGraph::Reset() {
  impl_->state.faults.Clear();
  impl_->state.log.Clear();
  std::lock_guard lock(impl_->state.mutex);
  impl_->state.sessions.Clear();
  impl_->state.directory.ForgetTokens();
  for (auto& [drive, item] : impl_->state.drives.Workbooks()) item->workbook->Reset();
}

std::optional<SheetSnapshot> FakeGraph::Sheet(const std::string& drive_id,
                                              const std::string& item_id,
                                              const std::string& sheet_name,
                                              std::size_t max_rows) const {
  std::lock_guard lock(impl_->state.mutex);
  const Workbook* workbook = FindWorkbook(impl_->state, drive_id, item_id);
  const Worksheet* sheet = workbook ? workbook->FindByName(sheet_name) : nullptr;
  if (!sheet) return std::nullopt;
  SheetSnapshot snapshot;
  snapshot.id = sheet->id;
  snapshot.name = sheet->name;
  snapshot.position = workbook->PositionOf(*sheet);
  snapshot.used_range = FormatRange(sheet->cells.UsedRange(false).value_or(GridRange{}));
  snapshot.used_range_values = FormatRange(sheet->cells.UsedRange(true).value_or(GridRange{}));
  snapshot.stored_rows = sheet->cells.stored_rows();
  const auto rows = std::min<std::size_t>(max_rows, static_cast<std::size_t>(snapshot.stored_rows));
  snapshot.rows.resize(rows);
  for (std::size_t row = 0; row < rows; ++row) {
    const int columns = sheet->cells.stored_columns(static_cast<int>(row));
    for (int column = 0; column < columns; ++column) {
      snapshot.rows[row].push_back(ToSnapshot(sheet->cells.Get(static_cast<int>(row), column)));
    }
  }
  for (const Table* table : workbook->tables().OnSheet(sheet->id)) {
    snapshot.tables.push_back(ToSnapshot(*sheet, *table));
  }
  for (const auto& [column, width] : sheet->layout.column_widths) {
    snapshot.column_widths[ColumnLetters(column)] = width;
  }
  for (const auto& [row, height] : sheet->layout.row_heights) {
    snapshot.row_heights[row + 1] = height;
  }
  return snapshot;
}

std::vector<std::string> FakeGraph::SheetNames(const std::string& drive_id,
                                               const std::string& item_id) const {
  std::lock_guard lock(impl_->state.mutex);
  std::vector<std::string> names;
  if (const Workbook* workbook = FindWorkbook(impl_->state, drive_id, item_id)) {
    for (const auto& sheet : workbook->sheets()) names.push_back(sheet->name);
  }
  return names;
}

std::vector<WorkbookInfo> FakeGraph::Workbooks() const {
  std::lock_guard lock(impl_->state.mutex);
  std::vector<WorkbookInfo> found;
  for (const auto& [drive, item] : impl_->state.drives.Workbooks()) {
    found.push_back({drive->id, item->id, impl_->state.drives.PathOf(*drive, *item)});
  }
  return found;
}

std::vector<std::string> FakeGraph::SessionIds() const {
  std::lock_guard lock(impl_->state.mutex);
  return impl_->state.sessions.Ids();
}

std::vector<LoggedRequest> FakeGraph::RequestLog() const { return impl_->state.log.Entries(); }

RequestCounters FakeGraph::Counters() const { return impl_->state.log.Counters(); }

core::Result<void> FakeGraph::SaveXlsx(const std::string& drive_id, const std::string& item_id,
                                       const std::string& path) const {
  std::lock_guard lock(impl_->state.mutex);
  const Workbook* workbook = FindWorkbook(impl_->state, drive_id, item_id);
  if (!workbook)
    return core::NotFound("The fake Graph holds no workbook " + item_id + " in drive " + drive_id +
                          ".");
  return XlsxDump::Save(*workbook, path);
}

}  // namespace xlsync::fakes
