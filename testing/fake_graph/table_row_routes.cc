#include "testing/fake_graph/table_row_routes.h"

#include "testing/fake_graph/odata_path.h"
#include "testing/fake_graph/range_routes.h"
#include "testing/fake_graph/route_helpers.h"
#include "testing/fake_graph/table_edit.h"
#include "testing/fake_graph/table_routes.h"

namespace xlsync::fakes {
namespace {

Reply Invalid(std::string message) {
  return Reply::Fail(GraphError::Excel(400, "invalidArgument", std::move(message)));
}

GridRange RowRange(const Table& table, int index, int count = 1) {
  const int row = table.first_body_row() + index;
  return {row, table.left, row + count - 1, table.right(), false, false};
}

/// The row index of "itemAt(index=n)", or nullopt.
std::optional<int> ItemAt(const std::string& segment) {
  const auto call = ODataPath::ParseCall(segment);
  if (!call || call->name != "itemAt") return std::nullopt;
  const auto index = call->arguments.find("index");
  if (index == call->arguments.end() || index->second.empty() || index->second.size() > 7 ||
      index->second.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoi(index->second);  // at most 7 digits: cannot throw
}

}  // namespace

Reply TableRowRoutes::Handle(GraphCall& call, WorkbookTarget& target, const std::string& table_id,
                             std::span<const std::string> rest) {
  const std::string& method = call.exchange.method;
  const Table& table = *target.workbook->tables().Find(table_id);
  if (rest.empty()) {
    if (method == "GET") return List(call, target, table);
    return method == "POST" ? Add(call, target, table_id) : RouteHelpers::MethodNotAllowed();
  }
  const std::string first = ODataPath::Decode(rest[0]);
  if (first == "add" && rest.size() == 1) {
    return method == "POST" ? Add(call, target, table_id) : RouteHelpers::MethodNotAllowed();
  }
  if (first == "$count" && rest.size() == 1) {
    if (method != "GET") return RouteHelpers::MethodNotAllowed();
    Reply reply = Reply::Json(200, table.body_rows);
    reply.content_type = "text/plain";
    return reply;
  }
  if (first.starts_with("itemAt")) {
    const auto index = ItemAt(first);
    if (!index) return RouteHelpers::QuerySyntax();
    return OnRow(call, target, table_id, *index, rest.subspan(1));
  }
  return RouteHelpers::UnknownSegment(first);
}

Reply TableRowRoutes::List(GraphCall& call, WorkbookTarget& target, const Table& table) {
  std::size_t top = 0, skip = 0;
  if (auto refused = TableRoutes::Paging(call.exchange, top, skip)) return std::move(*refused);
  const Worksheet& sheet = TableRoutes::SheetOf(target, table);
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t index = skip;
       index < static_cast<std::size_t>(table.body_rows) && index - skip < top; ++index) {
    const int row = static_cast<int>(index);
    rows.push_back({{"index", row}, {"values", TableRoutes::Values(sheet, RowRange(table, row))}});
  }
  return Reply::Json(200, {{"value", std::move(rows)}});
}

Reply TableRowRoutes::Add(GraphCall& call, WorkbookTarget& target, const std::string& table_id) {
  const auto body = RouteHelpers::ParseBody(call.exchange.body);
  if (!body) return RouteHelpers::InvalidJson();
  if (!body->is_object() || !body->contains("values") || !(*body)["values"].is_array() ||
      (*body)["values"].empty()) {
    return Invalid("The property 'values' must be a 2-D array with one inner array per row.");
  }
  std::optional<int> index;
  if (body->contains("index") && !(*body)["index"].is_null()) {
    if (!(*body)["index"].is_number_integer())
      return Invalid("The property 'index' must be an integer or null.");
    index = (*body)["index"].get<int>();
  }
  const nlohmann::json& values = (*body)["values"];
  const int count = static_cast<int>(values.size());
  Table* table = target.workbook->tables().Find(table_id);
  Worksheet& sheet = TableRoutes::SheetOf(target, *table);
  std::uint64_t written = 0;
  // Checked against the table's width before any cell moves: a 400 leaves the table as it was.
  const GridRange shape{0, 0, count - 1, table->width() - 1, false, false};
  if (auto refused = TableRoutes::WriteValues(call, sheet, values, shape, true, written)) {
    return std::move(*refused);
  }
  auto first = TableEdit::AddRows(*target.workbook, sheet, table_id, count, index);
  if (!first) return Reply::Fail(GraphError::FromCore(first.error()));
  table = target.workbook->tables().Find(table_id);
  const GridRange rows = RowRange(*table, *first, count);
  if (auto refused = TableRoutes::WriteValues(call, sheet, values, rows, false, written)) {
    return std::move(*refused);
  }
  TableRoutes::Touch(call, target);
  // msgraph.md §6.7: 200 or 201 in the samples; the fake answers 201 like tables/add.
  Reply reply = Reply::Json(201, {{"index", *first}, {"values", TableRoutes::Values(sheet, rows)}});
  reply.cells_written = written;
  return reply;
}

Reply TableRowRoutes::OnRow(GraphCall& call, WorkbookTarget& target, const std::string& table_id,
                            int index, std::span<const std::string> rest) {
  const std::string& method = call.exchange.method;
  const Table& table = *target.workbook->tables().Find(table_id);
  Worksheet& sheet = TableRoutes::SheetOf(target, table);
  if (index >= table.body_rows) {
    return Invalid("The row index " + std::to_string(index) + " is outside the table's " +
                   std::to_string(table.body_rows) + " rows.");
  }
  if (!rest.empty()) {
    if (ODataPath::Decode(rest[0]) != "range") {
      return RouteHelpers::UnknownSegment(ODataPath::Decode(rest[0]));
    }
    return RangeRoutes::OnRange(call, target, sheet, RowRange(table, index), true, rest.subspan(1));
  }
  if (method == "GET") {
    return Reply::Json(
        200, {{"index", index}, {"values", TableRoutes::Values(sheet, RowRange(table, index))}});
  }
  if (method != "DELETE") return RouteHelpers::MethodNotAllowed();
  auto deleted = TableEdit::DeleteRow(*target.workbook, sheet, table_id, index);
  if (!deleted) return Reply::Fail(GraphError::FromCore(deleted.error()));
  TableRoutes::Touch(call, target);
  return Reply::Empty(204);
}

}  // namespace xlsync::fakes
