#include "testing/fake_graph/control_routes.h"

#include "testing/fake_graph/a1_address.h"
#include "testing/fake_graph/fault_injector.h"
#include "testing/fake_graph/time_text.h"

namespace xlsync::fakes {
namespace {

Reply Problem(int status, std::string message) {
  Reply reply = Reply::Json(status, {{"error", std::move(message)}});
  reply.content_type = "application/json";
  return reply;
}

Reply Ok(const nlohmann::json& body) {
  Reply reply = Reply::Json(200, body);
  reply.content_type = "application/json";
  return reply;
}

nlohmann::json CellJson(const SnapshotCell& cell) {
  switch (cell.value.kind) {
    case core::CellKind::kEmpty:
      return "";
    case core::CellKind::kBoolean:
      return cell.value.boolean;
    case core::CellKind::kNumber:
    case core::CellKind::kLink:  // what a HYPERLINK formula shows
      return cell.value.number;
    case core::CellKind::kText:
      return cell.value.text;
  }
  return nullptr;
}

}  // namespace

Reply ControlRoutes::Handle(FakeGraph& fake, const Exchange& exchange) {
  const std::string route = exchange.path.substr(std::string_view("/__fake__").size());
  const std::string& method = exchange.method;
  nlohmann::json body = nlohmann::json::object();
  if (!exchange.body.empty()) {
    body = nlohmann::json::parse(exchange.body, nullptr, false);
    if (body.is_discarded()) return Problem(400, "The body is not JSON.");
  }
  if (route == "/faults" && (method == "POST" || method == "DELETE")) return Faults(fake, exchange);
  if (route == "/log" && method == "GET") return Log(fake);
  if (route == "/sheet" && method == "GET") return SheetValues(fake, exchange);
  if (route == "/save" && method == "POST") return Save(fake, body);
  if (method != "POST")
    return Problem(404, "Unknown control route " + method + " " + exchange.path + ".");
  if (route == "/reset") {
    fake.Reset();
  } else if (route == "/tokens/expire") {
    fake.ExpireAllTokens();
  } else if (route == "/sessions/kill") {
    if (body.contains("session_id") && body["session_id"].is_string()) {
      if (!fake.KillSession(body["session_id"].get<std::string>()))
        return Problem(404, "No such session.");
    } else {
      fake.KillAllSessions();
    }
  } else if (route == "/latency") {
    fake.SetLatency(std::chrono::milliseconds(body.value("call_ms", 0)),
                    std::chrono::microseconds(body.value("per_kib_us", 0)));
  } else {
    return Problem(404, "Unknown control route POST " + exchange.path + ".");
  }
  return Reply::Empty(204);
}

Reply ControlRoutes::Faults(FakeGraph& fake, const Exchange& exchange) {
  if (exchange.method == "DELETE") {
    fake.ClearFaults();
    return Reply::Empty(204);
  }
  const auto body = nlohmann::json::parse(exchange.body, nullptr, false);
  if (body.is_discarded()) return Problem(400, "The body is not JSON.");
  const nlohmann::json faults = body.is_array() ? body : nlohmann::json::array({body});
  for (const auto& json : faults) {
    auto spec = FaultInjector::FromJson(json);
    if (!spec) return Problem(400, spec.error().message);
    auto added = fake.InjectFault(*spec);
    if (!added) return Problem(400, added.error().message);
  }
  Reply reply = Reply::Json(201, {{"armed", faults.size()}});
  reply.content_type = "application/json";
  return reply;
}

Reply ControlRoutes::Log(const FakeGraph& fake) {
  nlohmann::json requests = nlohmann::json::array();
  for (const auto& entry : fake.RequestLog()) {
    requests.push_back({{"method", entry.method},
                        {"path", entry.path},
                        {"status", entry.status},
                        {"request_bytes", entry.request_bytes},
                        {"response_bytes", entry.response_bytes},
                        {"route_kind", entry.route_kind},
                        {"session_id", entry.session_id},
                        {"client_request_id", entry.client_request_id},
                        {"fault", entry.fault},
                        {"time", TimeText::Iso(entry.time)}});
  }
  const RequestCounters counters = fake.Counters();
  return Ok({{"requests", std::move(requests)},
             {"counters",
              {{"requests", counters.requests},
               {"by_route_kind", counters.by_route_kind},
               {"max_request_bytes", counters.max_request_bytes},
               {"cells_written", counters.cells_written}}}});
}

Reply ControlRoutes::SheetValues(const FakeGraph& fake, const Exchange& exchange) {
  const auto get = [&](const char* name) {
    const auto found = exchange.query.find(name);
    return found == exchange.query.end() ? std::string() : found->second;
  };
  std::size_t max_rows = 1000;
  if (!get("max_rows").empty()) max_rows = std::strtoull(get("max_rows").c_str(), nullptr, 10);
  const auto sheet = fake.Sheet(get("drive"), get("item"), get("name"), max_rows);
  if (!sheet) return Problem(404, "No such workbook or sheet: give drive, item and name.");
  nlohmann::json values = nlohmann::json::array();
  nlohmann::json formats = nlohmann::json::array();
  nlohmann::json formulas = nlohmann::json::array();
  nlohmann::json bold = nlohmann::json::array();
  for (std::size_t r = 0; r < sheet->rows.size(); ++r) {
    nlohmann::json value_row = nlohmann::json::array();
    nlohmann::json format_row = nlohmann::json::array();
    nlohmann::json formula_row = nlohmann::json::array();
    for (std::size_t c = 0; c < sheet->rows[r].size(); ++c) {
      const SnapshotCell& cell = sheet->rows[r][c];
      value_row.push_back(CellJson(cell));
      format_row.push_back(cell.number_format);
      // Graph's `formulas` convention: the formula where there is one, else the value.
      formula_row.push_back(cell.formula ? nlohmann::json(cell.formula_text) : CellJson(cell));
      if (cell.bold) bold.push_back(ColumnLetters(static_cast<int>(c)) + std::to_string(r + 1));
    }
    values.push_back(std::move(value_row));
    formats.push_back(std::move(format_row));
    formulas.push_back(std::move(formula_row));
  }
  nlohmann::json tables = nlohmann::json::array();
  for (const auto& table : sheet->tables) {
    tables.push_back({{"name", table.name},
                      {"id", table.id},
                      {"style", table.style},
                      {"address", table.address},
                      {"showHeaders", table.show_headers},
                      {"showTotals", table.show_totals},
                      {"rows", table.body_rows},
                      {"columns", table.columns}});
  }
  nlohmann::json heights = nlohmann::json::object();
  for (const auto& [row, height] : sheet->row_heights) heights[std::to_string(row)] = height;
  return Ok({{"id", sheet->id},
             {"name", sheet->name},
             {"used_range", sheet->used_range},
             {"used_range_values", sheet->used_range_values},
             {"stored_rows", sheet->stored_rows},
             {"values", std::move(values)},
             {"number_formats", std::move(formats)},
             {"formulas", std::move(formulas)},
             {"bold", std::move(bold)},
             {"column_widths", sheet->column_widths},
             {"row_heights", std::move(heights)},
             {"tables", std::move(tables)}});
}

Reply ControlRoutes::Save(const FakeGraph& fake, const nlohmann::json& body) {
  const std::string drive = body.value("drive", "");
  const std::string item = body.value("item", "");
  const std::string path = body.value("path", "");
  if (path.empty()) return Problem(400, "Give drive, item and path.");
  auto saved = fake.SaveXlsx(drive, item, path);
  if (!saved) return Problem(400, saved.error().message);
  return Reply::Empty(204);
}

}  // namespace xlsync::fakes
