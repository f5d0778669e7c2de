#include "testing/fake_graph/worksheet_routes.h"

#include "http/url.h"
#include "testing/fake_graph/range_routes.h"
#include "testing/fake_graph/route_helpers.h"
#include "testing/fake_graph/table_routes.h"

namespace xlsync::fakes {
namespace {

Reply SheetNotFound() {
  return Reply::Fail(
      GraphError::Excel(404, "itemNotFound", "The requested resource doesn't exist."));
}

Reply BadField(std::string_view name, std::string_view expected) {
  return Reply::Fail(GraphError::Excel(
      400, "invalidArgument",
      "The property '" + std::string(name) + "' must be " + std::string(expected) + "."));
}

void Touch(GraphCall& call, WorkbookTarget& target) {
  if (target.persisted) call.state.drives.MarkModified(*target.item, call.exchange.time);
}

}  // namespace

Reply WorksheetRoutes::Handle(GraphCall& call, WorkbookTarget& target, const ODataCall& worksheets,
                              std::span<const std::string> rest) {
  const std::string& method = call.exchange.method;
  std::string reference;
  if (worksheets.key) {
    reference = *worksheets.key;
  } else if (worksheets.has_parentheses) {
    return RouteHelpers::QuerySyntax();
  } else if (rest.empty()) {
    if (method == "POST") return Add(call, target);
    if (method != "GET") return RouteHelpers::MethodNotAllowed();
    nlohmann::json sheets = nlohmann::json::array();
    for (const auto& sheet : target.workbook->sheets()) sheets.push_back(SheetJson(target, *sheet));
    return Reply::Json(200, {{"value", std::move(sheets)}});
  } else {
    reference = ODataPath::Decode(rest[0]);
    if (reference == "add" && rest.size() == 1) {
      return method == "POST" ? Add(call, target) : RouteHelpers::MethodNotAllowed();
    }
    // msgraph.md §6.3: names with ( # ' & or spaces broke as path segments at Graph.
    if (reference.find_first_of("()#'& ") != std::string::npos) return RouteHelpers::QuerySyntax();
    rest = rest.subspan(1);
  }
  Worksheet* sheet = reference.starts_with("{") ? target.workbook->FindById(reference)
                                                : target.workbook->FindByName(reference);
  if (!sheet) return SheetNotFound();
  return OnSheet(call, target, *sheet, rest);
}

nlohmann::json WorksheetRoutes::SheetJson(const WorkbookTarget& target, const Worksheet& sheet) {
  return {{"@odata.id", "/drives('" + target.drive->id + "')/items('" + target.item->id +
                            "')/workbook/worksheets(%27" + http::PercentEncode(sheet.id) + "%27)"},
          {"id", sheet.id},
          {"name", sheet.name},
          {"position", target.workbook->PositionOf(sheet)},
          {"visibility", sheet.visibility}};
}

Reply WorksheetRoutes::Add(GraphCall& call, WorkbookTarget& target) {
  const auto body = RouteHelpers::ParseBody(call.exchange.body);
  if (!body) return RouteHelpers::InvalidJson();
  if (!body->is_object()) return BadField("body", "a JSON object");
  std::optional<std::string> name;
  if (body->contains("name") && !(*body)["name"].is_null()) {
    if (!(*body)["name"].is_string()) return BadField("name", "a string");
    name = (*body)["name"].get<std::string>();
  }
  auto added = target.workbook->Add(std::move(name), call.state.ids.WorksheetId());
  if (!added) return Reply::Fail(GraphError::FromCore(added.error()));
  Touch(call, target);
  return Reply::Json(200, SheetJson(target, **added));
}

Reply WorksheetRoutes::OnSheet(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                               std::span<const std::string> rest) {
  if (!rest.empty()) {
    const auto tables = ODataPath::ParseCall(ODataPath::Decode(rest[0]));
    if (tables && tables->name == "tables") {
      return TableRoutes::Handle(call, target, &sheet, *tables, rest.subspan(1));
    }
    return RangeRoutes::Handle(call, target, sheet, rest);
  }
  const std::string& method = call.exchange.method;
  if (method == "GET") return Reply::Json(200, SheetJson(target, sheet));
  if (method == "PATCH") return Update(call, target, sheet);
  if (method != "DELETE") return RouteHelpers::MethodNotAllowed();
  auto removed = target.workbook->Remove(sheet);
  if (!removed) return Reply::Fail(GraphError::FromCore(removed.error()));
  Touch(call, target);
  return Reply::Empty(204);
}

Reply WorksheetRoutes::Update(GraphCall& call, WorkbookTarget& target, Worksheet& sheet) {
  const auto body = RouteHelpers::ParseBody(call.exchange.body);
  if (!body) return RouteHelpers::InvalidJson();
  if (!body->is_object()) return BadField("body", "a JSON object");
  for (const auto& [key, value] : body->items()) {
    if (key == "name" && !value.is_string()) return BadField(key, "a string");
    if (key == "visibility" && !value.is_string()) return BadField(key, "a string");
    if (key == "position" && !value.is_number_integer()) return BadField(key, "an integer");
    if (key != "name" && key != "visibility" && key != "position" && !key.starts_with("@odata.")) {
      return Reply::Fail(GraphError::BadRequest(
          "The property '" + key +
          "' does not exist on type 'microsoft.graph.workbookWorksheet'. Make sure to only use property names that are defined by the type."));
    }
  }
  const int count = static_cast<int>(target.workbook->sheets().size());
  if (body->contains("position") && ((*body)["position"] < 0 || (*body)["position"] >= count)) {
    return BadField("position", "between 0 and " + std::to_string(count - 1));
  }
  if (body->contains("name")) {
    auto renamed = target.workbook->Rename(sheet, (*body)["name"].get<std::string>());
    if (!renamed) return Reply::Fail(GraphError::FromCore(renamed.error()));
  }
  if (body->contains("visibility")) {
    auto shown = target.workbook->SetVisibility(sheet, (*body)["visibility"].get<std::string>());
    if (!shown) return Reply::Fail(GraphError::FromCore(shown.error()));
  }
  if (body->contains("position")) {
    auto moved = target.workbook->Move(sheet, (*body)["position"].get<int>());
    if (!moved) return Reply::Fail(GraphError::FromCore(moved.error()));
  }
  Touch(call, target);
  return Reply::Json(200, SheetJson(target, sheet));
}

}  // namespace xlsync::fakes
