#include "testing/fake_graph/table_routes.h"

#include <algorithm>
#include <set>

#include "core/text.h"
#include "http/url.h"
#include "testing/fake_graph/range_json.h"
#include "testing/fake_graph/range_patch.h"
#include "testing/fake_graph/range_routes.h"
#include "testing/fake_graph/route_helpers.h"
#include "testing/fake_graph/table_column_routes.h"
#include "testing/fake_graph/table_edit.h"
#include "testing/fake_graph/table_row_routes.h"
#include "testing/fake_graph/worksheet_routes.h"

namespace xlsync::fakes {
namespace {

const std::vector<std::string_view> kTableProperties = {"id",
                                                        "name",
                                                        "showHeaders",
                                                        "showTotals",
                                                        "style",
                                                        "legacyId",
                                                        "highlightFirstColumn",
                                                        "highlightLastColumn",
                                                        "showBandedRows",
                                                        "showBandedColumns",
                                                        "showFilterButton",
                                                        "worksheet"};

Reply BadField(std::string_view name, std::string_view expected) {
  return Reply::Fail(GraphError::Excel(
      400, "invalidArgument",
      "The property '" + std::string(name) + "' must be " + std::string(expected) + "."));
}

Reply Invalid(std::string message) {
  return Reply::Fail(GraphError::Excel(400, "invalidArgument", std::move(message)));
}

/// The sheet a tables/add address names: its own qualifier, else the URL's worksheet, else the
/// first visible sheet (Excel's active sheet, §6.7).
Worksheet* SheetForAdd(const WorkbookTarget& target, Worksheet* scope, const SheetAddress& address,
                       std::optional<Reply>& refused) {
  if (address.sheet) {
    Worksheet* named = target.workbook->FindByName(*address.sheet);
    if (!named) {
      refused = Invalid("The address names the sheet '" + *address.sheet +
                        "', which this workbook does not have.");
    } else if (scope && named != scope) {
      refused = Invalid("The address names the sheet '" + *address.sheet + "', not '" +
                        scope->name + "' of the URL.");
    }
    return named;
  }
  if (scope) return scope;
  for (const auto& sheet : target.workbook->sheets()) {
    if (sheet->visibility == "Visible") return sheet.get();
  }
  return target.workbook->sheets().front().get();
}

/// Checks a table PATCH whole before anything changes; a property the type lacks is a 400
/// BadRequest as Graph answers it.
std::optional<Reply> CheckUpdate(const nlohmann::json& body, const Tables& tables,
                                 const Table& table) {
  if (!body.is_object()) return BadField("body", "a JSON object");
  for (const auto& [key, value] : body.items()) {
    if (key.starts_with("@odata.")) continue;
    if (key == "name") {
      if (!value.is_string()) return BadField(key, "a string");
      auto valid = tables.CheckName(value.get<std::string>(), table.id);
      if (!valid) return Reply::Fail(GraphError::FromCore(valid.error()));
    } else if (key == "style") {
      if (!value.is_string()) return BadField(key, "a string");
      auto valid = Tables::CheckStyle(value.get<std::string>());
      if (!valid) return Reply::Fail(GraphError::FromCore(valid.error()));
    } else if (key == "id" || key == "legacyId") {
      return Invalid("The property '" + key + "' is read-only.");
    } else if (std::find(kTableProperties.begin(), kTableProperties.end(), key) !=
                   kTableProperties.end() &&
               key != "worksheet") {
      if (!value.is_boolean()) return BadField(key, "true or false");
    } else {
      return Reply::Fail(
          GraphError::BadRequest("The property '" + key +
                                 "' does not exist on type 'microsoft.graph.workbookTable'. Make "
                                 "sure to only use property names that are defined by the type."));
    }
  }
  return std::nullopt;
}

/// The table's range, headerRowRange, dataBodyRange or totalRowRange.
GridRange RangeOf(const Table& table, const std::string& part, std::optional<Reply>& refused) {
  if (part == "range") return table.Range();
  if (part == "dataBodyRange") return table.BodyRange();
  if (part == "headerRowRange" || part == "totalRowRange") {
    const bool header = part == "headerRowRange";
    if (header ? table.show_headers : table.show_totals) {
      return header ? table.HeaderRange() : table.TotalsRange();
    }
    refused = Invalid("The table '" + table.name + "' shows no " + (header ? "header" : "totals") +
                      " row.");
    return {};
  }
  refused = RouteHelpers::UnknownSegment(part);
  return {};
}

}  // namespace

Reply TableRoutes::Handle(GraphCall& call, WorkbookTarget& target, Worksheet* scope,
                          const ODataCall& tables, std::span<const std::string> rest) {
  const std::string& method = call.exchange.method;
  std::string reference;
  if (tables.key) {
    reference = *tables.key;
  } else if (tables.has_parentheses) {
    return RouteHelpers::QuerySyntax();
  } else if (rest.empty()) {
    return method == "GET" ? List(call, target, scope) : RouteHelpers::MethodNotAllowed();
  } else {
    reference = ODataPath::Decode(rest[0]);
    if (reference == "add" && rest.size() == 1) {
      return method == "POST" ? Add(call, target, scope) : RouteHelpers::MethodNotAllowed();
    }
    rest = rest.subspan(1);
  }
  Table* table = target.workbook->tables().Find(reference);
  if (!table || (scope && table->sheet_id != scope->id)) return NotFound();
  return OnTable(call, target, *table, rest);
}

nlohmann::json TableRoutes::TableJson(const WorkbookTarget& target, const Table& table) {
  return {{"@odata.id", "/drives('" + target.drive->id + "')/items('" + target.item->id +
                            "')/workbook/tables(%27" + http::PercentEncode(table.id) + "%27)"},
          {"id", table.id},
          {"name", table.name},
          {"showHeaders", table.show_headers},
          {"showTotals", table.show_totals},
          {"style", table.style},
          {"highlightFirstColumn", table.highlight_first_column},
          {"highlightLastColumn", table.highlight_last_column},
          {"showBandedRows", table.show_banded_rows},
          {"showBandedColumns", table.show_banded_columns},
          {"showFilterButton", table.show_filter_button},
          {"legacyId", table.legacy_id}};
}

Reply TableRoutes::NotFound() {
  return Reply::Fail(
      GraphError::Excel(404, "itemNotFound", "The requested resource doesn't exist."));
}

void TableRoutes::Touch(GraphCall& call, WorkbookTarget& target) {
  if (target.persisted) call.state.drives.MarkModified(*target.item, call.exchange.time);
}

Worksheet& TableRoutes::SheetOf(const WorkbookTarget& target, const Table& table) {
  Worksheet* sheet = target.workbook->FindById(table.sheet_id);
  XLSYNC_CHECK(sheet != nullptr);  // a sheet's tables go with it
  return *sheet;
}

nlohmann::json TableRoutes::Values(const Worksheet& sheet, const GridRange& range) {
  return RangeJson::Build(sheet, range, std::set<std::string>{"values"})["values"];
}

std::optional<Reply> TableRoutes::Paging(const Exchange& exchange, std::size_t& top,
                                         std::size_t& skip) {
  top = static_cast<std::size_t>(-1);
  skip = 0;
  for (auto [name, target] : {std::pair{"$top", &top}, std::pair{"$skip", &skip}}) {
    const auto found = exchange.query.find(name);
    if (found == exchange.query.end()) continue;
    const std::string& text = found->second;
    if (text.empty() || text.size() > 9 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return Reply::Fail(GraphError::BadRequest("The query parameter '" + std::string(name) +
                                                "' must be a whole number."));
    }
    *target = std::stoul(text);  // at most 9 digits: cannot throw
  }
  return std::nullopt;
}

std::optional<Reply> TableRoutes::WriteValues(GraphCall& call, Worksheet& sheet,
                                              const nlohmann::json& values, const GridRange& range,
                                              bool check_only, std::uint64_t& written) {
  const std::size_t cap = call.state.options.max_cells_per_request;
  if (cap > 0 && static_cast<std::size_t>(range.cells()) > cap) {
    return Reply::Fail(GraphError::Excel(
        413, "rangeExceedsLimit",
        "The range has more cells than one request may write: use several smaller ranges."));
  }
  const nlohmann::json body = {{"values", values}};
  auto patch = RangePatch::Prepare(body, range);
  if (!patch) {
    if (patch.error().upstream.empty()) {
      return Reply::Fail(GraphError::BadRequest(patch.error().message));
    }
    return Reply::Fail(GraphError::FromCore(patch.error()));
  }
  if (check_only) return std::nullopt;
  auto applied = patch->Apply(sheet.cells);
  if (!applied) return Reply::Fail(GraphError::FromCore(applied.error()));
  written = *applied;
  return std::nullopt;
}

Reply TableRoutes::List(GraphCall& call, WorkbookTarget& target, const Worksheet* scope) {
  const auto expand = call.exchange.query.find("$expand");
  const bool with_sheet = expand != call.exchange.query.end() && expand->second == "worksheet";
  if (expand != call.exchange.query.end() && !with_sheet) {
    return Reply::Fail(GraphError::BadRequest("Only $expand=worksheet is supported on tables."));
  }
  nlohmann::json tables = nlohmann::json::array();
  for (const Table& table : target.workbook->tables().all()) {
    if (scope && table.sheet_id != scope->id) continue;
    nlohmann::json json = TableJson(target, table);
    if (with_sheet) json["worksheet"] = WorksheetRoutes::SheetJson(target, SheetOf(target, table));
    if (auto refused = RouteHelpers::ApplySelect(call.exchange, "microsoft.graph.workbookTable",
                                                 kTableProperties, json)) {
      return std::move(*refused);
    }
    tables.push_back(std::move(json));
  }
  return Reply::Json(200, {{"value", std::move(tables)}});
}

Reply TableRoutes::Add(GraphCall& call, WorkbookTarget& target, Worksheet* scope) {
  const auto body = RouteHelpers::ParseBody(call.exchange.body);
  if (!body) return RouteHelpers::InvalidJson();
  if (!body->is_object()) return BadField("body", "a JSON object");
  if (!body->contains("address") || !(*body)["address"].is_string()) {
    return BadField("address", "a string such as 'Orders!A1:J1'");
  }
  if (!body->contains("hasHeaders") || !(*body)["hasHeaders"].is_boolean()) {
    return BadField("hasHeaders", "true or false");
  }
  auto address = ParseAddress((*body)["address"].get<std::string>());
  if (!address) return Reply::Fail(GraphError::FromCore(address.error()));
  std::optional<Reply> refused;
  Worksheet* sheet = SheetForAdd(target, scope, *address, refused);
  if (refused) return std::move(*refused);
  auto created = TableEdit::Create(*target.workbook, *sheet, address->range,
                                   (*body)["hasHeaders"].get<bool>());
  if (!created) return Reply::Fail(GraphError::FromCore(created.error()));
  Touch(call, target);
  // msgraph.md §6.7: 200 or 201 in the samples; the fake answers 201 Created.
  return Reply::Json(201, TableJson(target, *target.workbook->tables().Find(*created)));
}

Reply TableRoutes::OnTable(GraphCall& call, WorkbookTarget& target, Table& table,
                           std::span<const std::string> rest) {
  const std::string& method = call.exchange.method;
  if (rest.empty()) {
    if (method == "GET") {
      nlohmann::json json = TableJson(target, table);
      if (auto refused = RouteHelpers::ApplySelect(call.exchange, "microsoft.graph.workbookTable",
                                                   kTableProperties, json)) {
        return std::move(*refused);
      }
      return Reply::Json(200, json);
    }
    if (method == "PATCH") return Update(call, target, table);
    if (method == "DELETE") return Remove(call, target, table, false);
    return RouteHelpers::MethodNotAllowed();
  }
  const std::string part = ODataPath::Decode(rest[0]);
  Worksheet& sheet = SheetOf(target, table);
  // A copy: rows and columns edits may move every table in memory.
  const std::string id = table.id;
  if (part == "rows") return TableRowRoutes::Handle(call, target, id, rest.subspan(1));
  if (part == "columns") return TableColumnRoutes::Handle(call, target, id, rest.subspan(1));
  if (part == "worksheet" && rest.size() == 1) {
    if (method != "GET") return RouteHelpers::MethodNotAllowed();
    return Reply::Json(200, WorksheetRoutes::SheetJson(target, sheet));
  }
  if (part == "convertToRange" && rest.size() == 1) {
    return method == "POST" ? Remove(call, target, table, true) : RouteHelpers::MethodNotAllowed();
  }
  std::optional<Reply> refused;
  const GridRange range = RangeOf(table, part, refused);
  if (refused) return std::move(*refused);
  return RangeRoutes::OnRange(call, target, sheet, range, true, rest.subspan(1));
}

Reply TableRoutes::Update(GraphCall& call, WorkbookTarget& target, Table& table) {
  const auto body = RouteHelpers::ParseBody(call.exchange.body);
  if (!body) return RouteHelpers::InvalidJson();
  if (auto refused = CheckUpdate(*body, target.workbook->tables(), table)) {
    return std::move(*refused);
  }
  const std::string id = table.id;
  Worksheet& sheet = SheetOf(target, table);
  for (const char* key : {"showHeaders", "showTotals"}) {
    if (!body->contains(key)) continue;
    const bool show = (*body)[key].get<bool>();
    auto shown = std::string_view(key) == "showHeaders"
                     ? TableEdit::ShowHeaders(*target.workbook, sheet, id, show)
                     : TableEdit::ShowTotals(*target.workbook, sheet, id, show);
    if (!shown) return Reply::Fail(GraphError::FromCore(shown.error()));
  }
  Table& updated = *target.workbook->tables().Find(id);
  for (const auto& [key, value] : body->items()) {
    if (key == "name") updated.name = value.get<std::string>();
    if (key == "style") updated.style = *Tables::CheckStyle(value.get<std::string>());
    if (key == "highlightFirstColumn") updated.highlight_first_column = value.get<bool>();
    if (key == "highlightLastColumn") updated.highlight_last_column = value.get<bool>();
    if (key == "showBandedRows") updated.show_banded_rows = value.get<bool>();
    if (key == "showBandedColumns") updated.show_banded_columns = value.get<bool>();
    if (key == "showFilterButton") updated.show_filter_button = value.get<bool>();
  }
  Touch(call, target);
  return Reply::Json(200, TableJson(target, updated));
}

Reply TableRoutes::Remove(GraphCall& call, WorkbookTarget& target, Table& table, bool keep_cells) {
  Worksheet& sheet = SheetOf(target, table);
  const GridRange range = table.Range();
  target.workbook->tables().Remove(table.id);  // `table` is gone from here on
  Touch(call, target);
  if (keep_cells) {
    // msgraph.md §6.7: convertToRange answers the range; the data stays.
    return Reply::JsonText(200, RangeJson::Render(sheet, range, std::nullopt));
  }
  // msgraph.md §6.7 [Inf]: deleting a table deletes its cells too.
  sheet.cells.Clear(range, true, true);
  return Reply::Empty(204);
}

}  // namespace xlsync::fakes
