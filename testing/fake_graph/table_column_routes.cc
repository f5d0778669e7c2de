#include "testing/fake_graph/table_column_routes.h"

#include <string_view>
#include <vector>

#include "testing/fake_graph/odata_path.h"
#include "testing/fake_graph/range_routes.h"
#include "testing/fake_graph/route_helpers.h"
#include "testing/fake_graph/table_edit.h"
#include "testing/fake_graph/table_routes.h"

namespace xlsync::fakes {
namespace {

const std::vector<std::string_view> kColumnProperties = {"id", "index", "name", "values"};

Reply Invalid(std::string message) {
  return Reply::Fail(GraphError::Excel(400, "invalidArgument", std::move(message)));
}

GridRange ColumnRange(const Table& table, int index) {
  const int column = table.left + index;
  return {table.top, column, table.bottom(), column, false, false};
}

nlohmann::json ColumnJson(const Worksheet& sheet, const Table& table, int index) {
  const TableColumn& column = table.columns[static_cast<std::size_t>(index)];
  return {{"id", column.id},
          {"index", index},
          {"name", column.name},
          {"values", TableRoutes::Values(sheet, ColumnRange(table, index))}};
}

/// The column a segment names: "{id-or-name}" or "itemAt(index=n)"; -1 if none.
int FindColumn(const Table& table, const std::string& segment) {
  const auto call = ODataPath::ParseCall(segment);
  if (call && call->name == "itemAt") {
    const auto index = call->arguments.find("index");
    if (index == call->arguments.end() || index->second.empty() || index->second.size() > 5 ||
        index->second.find_first_not_of("0123456789") != std::string::npos) {
      return -1;
    }
    const int at = std::stoi(index->second);  // at most 5 digits: cannot throw
    return at < table.width() ? at : -1;
  }
  return table.FindColumn(segment);
}

/// The body of columns/add.
struct NewColumn {
  std::optional<int> index;
  const nlohmann::json* values = nullptr;
  std::optional<std::string> name;
};

std::optional<Reply> ReadNewColumn(const nlohmann::json& body, NewColumn& column) {
  if (!body.is_object()) return Invalid("The request body must be a JSON object.");
  if (body.contains("index") && !body["index"].is_null()) {
    if (!body["index"].is_number_integer()) {
      return Invalid("The property 'index' must be an integer or null.");
    }
    column.index = body["index"].get<int>();
  }
  if (body.contains("values") && !body["values"].is_null()) {
    if (!body["values"].is_array()) {
      return Invalid("The property 'values' must be a 2-D array with one inner array per row.");
    }
    column.values = &body["values"];
  }
  if (body.contains("name") && !body["name"].is_null()) {
    if (!body["name"].is_string()) return Invalid("The property 'name' must be a string.");
    column.name = body["name"].get<std::string>();
  }
  return std::nullopt;
}

/// Names a new column, unique among the others (Excel renames the newcomer, not the others).
void Rename(Table& table, Worksheet& sheet, int index, const std::string& name) {
  const std::string unique = table.UniqueName(name, index);
  if (table.show_headers) {
    CellValue text;
    text.kind = ValueKind::kText;
    text.text = unique;
    sheet.cells.SetValue(table.top, table.left + index, text);
  }
  table.columns[static_cast<std::size_t>(index)].name = unique;
}

}  // namespace

Reply TableColumnRoutes::Handle(GraphCall& call, WorkbookTarget& target,
                                const std::string& table_id, std::span<const std::string> rest) {
  const std::string& method = call.exchange.method;
  const Table& table = *target.workbook->tables().Find(table_id);
  if (rest.empty()) {
    if (method == "POST") return Add(call, target, table_id);
    if (method != "GET") return RouteHelpers::MethodNotAllowed();
    std::size_t top = 0, skip = 0;
    if (auto refused = TableRoutes::Paging(call.exchange, top, skip)) return std::move(*refused);
    const Worksheet& sheet = TableRoutes::SheetOf(target, table);
    nlohmann::json columns = nlohmann::json::array();
    for (std::size_t index = skip;
         index < static_cast<std::size_t>(table.width()) && index - skip < top; ++index) {
      nlohmann::json column = ColumnJson(sheet, table, static_cast<int>(index));
      if (auto refused = RouteHelpers::ApplySelect(
              call.exchange, "microsoft.graph.workbookTableColumn", kColumnProperties, column)) {
        return std::move(*refused);
      }
      columns.push_back(std::move(column));
    }
    return Reply::Json(200, {{"value", std::move(columns)}});
  }
  const std::string first = ODataPath::Decode(rest[0]);
  if (first == "add" && rest.size() == 1) {
    return method == "POST" ? Add(call, target, table_id) : RouteHelpers::MethodNotAllowed();
  }
  if (first == "$count" && rest.size() == 1) {
    if (method != "GET") return RouteHelpers::MethodNotAllowed();
    Reply reply = Reply::Json(200, table.width());
    reply.content_type = "text/plain";
    return reply;
  }
  const int index = FindColumn(table, first);
  if (index < 0) return TableRoutes::NotFound();
  return OnColumn(call, target, table_id, index, rest.subspan(1));
}

Reply TableColumnRoutes::Add(GraphCall& call, WorkbookTarget& target, const std::string& table_id) {
  const auto body = RouteHelpers::ParseBody(call.exchange.body);
  if (!body) return RouteHelpers::InvalidJson();
  NewColumn column;
  if (auto refused = ReadNewColumn(*body, column)) return std::move(*refused);
  const Table* table = target.workbook->tables().Find(table_id);
  Worksheet& sheet = TableRoutes::SheetOf(target, *table);
  std::uint64_t written = 0;
  // `values` covers the whole column, header and totals included, as a range of one column.
  const GridRange shape{0, 0, table->bottom() - table->top, 0, false, false};
  if (column.values) {
    if (auto refused = TableRoutes::WriteValues(call, sheet, *column.values, shape, true, written))
      return std::move(*refused);
  }
  auto position = TableEdit::AddColumn(*target.workbook, sheet, table_id, column.index);
  if (!position) return Reply::Fail(GraphError::FromCore(position.error()));
  Table& grown = *target.workbook->tables().Find(table_id);
  const GridRange cells = ColumnRange(grown, *position);
  if (column.values) TableRoutes::WriteValues(call, sheet, *column.values, cells, false, written);
  if (column.name) Rename(grown, sheet, *position, *column.name);
  grown.SyncHeader(sheet.cells);
  TableRoutes::Touch(call, target);
  Reply reply = Reply::Json(201, ColumnJson(sheet, grown, *position));
  reply.cells_written = written;
  return reply;
}

Reply TableColumnRoutes::OnColumn(GraphCall& call, WorkbookTarget& target,
                                  const std::string& table_id, int index,
                                  std::span<const std::string> rest) {
  const std::string& method = call.exchange.method;
  const Table& table = *target.workbook->tables().Find(table_id);
  Worksheet& sheet = TableRoutes::SheetOf(target, table);
  if (!rest.empty()) {
    const std::string part = ODataPath::Decode(rest[0]);
    GridRange range = ColumnRange(table, index);
    if (part == "dataBodyRange") {
      range.first_row = table.first_body_row();
      range.last_row = table.last_body_row();
    } else if (part == "headerRowRange" && table.show_headers) {
      range.last_row = range.first_row;
    } else if (part == "totalRowRange" && table.show_totals) {
      range.first_row = range.last_row;
    } else if (part != "range") {
      return RouteHelpers::UnknownSegment(part);
    }
    return RangeRoutes::OnRange(call, target, sheet, range, true, rest.subspan(1));
  }
  if (method == "GET") return Reply::Json(200, ColumnJson(sheet, table, index));
  if (method != "DELETE") return RouteHelpers::MethodNotAllowed();
  auto deleted = TableEdit::DeleteColumn(*target.workbook, sheet, table_id, index);
  if (!deleted) return Reply::Fail(GraphError::FromCore(deleted.error()));
  TableRoutes::Touch(call, target);
  return Reply::Empty(204);
}

}  // namespace xlsync::fakes
