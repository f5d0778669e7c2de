// Workbook: Excel tables (msgraph.md §6.7).
#include <optional>

#include "core/text.h"
#include "http/url.h"
#include "msgraph/json_fields.h"
#include "msgraph/workbook.h"
#include "msgraph/workbook_paths.h"

namespace xlsync::msgraph {
namespace {

// Table and column ids are text ("2", "{…}") in most replies and numbers in some samples.
std::string IdField(const nlohmann::json& json) {
  const nlohmann::json* id = Field(json, "id");
  if (id && id->is_number_integer()) return std::to_string(id->get<long long>());
  return StringField(json, "id");
}

core::Result<Table> ReadTable(const nlohmann::json& json, std::string_view origin) {
  Table table{IdField(json), StringField(json, "name"), StringField(json, "style")};
  if (table.id.empty()) {
    return core::Unavailable("Excel described a table without its id: try again in a few minutes.",
                             std::string(origin));
  }
  return table;
}

core::Error UnexpectedShape(std::string_view what, std::string_view origin) {
  return core::Unavailable("Excel answered in an unexpected form while " + std::string(what) +
                               ": try again in a few minutes.",
                           std::string(origin));
}

}  // namespace

core::Result<std::vector<Table>> Workbook::ReadTables(const std::string& relative,
                                                      std::string_view what) {
  auto json = SendJson(http::Method::kGet, relative, "", http::Idempotency::kIdempotent, what);
  if (!json) return std::move(json).error();
  const nlohmann::json* value = Field(*json, "value");
  if (!value || !value->is_array()) return UnexpectedShape(what, "tables");
  std::vector<Table> tables;
  for (const auto& each : *value) {
    auto table = ReadTable(each, "tables");
    if (!table) return std::move(table).error();
    tables.push_back(*std::move(table));
  }
  return tables;
}

core::Result<std::vector<Table>> Workbook::ListTables() {
  return ReadTables("/tables", "listing the tables of \"" + item_.name + "\"");
}

core::Result<std::vector<Table>> Workbook::ListTables(const Worksheet& sheet) {
  return ReadTables(SheetPath(sheet) + "/tables", "listing the tables on " + OnSheet(sheet));
}

core::Result<Table> Workbook::AddTable(const Worksheet& sheet, const std::string& address,
                                       bool has_headers) {
  const std::string bare = BareAddress(address);
  // Tables cannot overlap (§6.7), so a table lying exactly over the address after an unanswered
  // add is the one this add created.
  std::optional<Table> found;
  const AppliedCheck applied = [&]() -> core::Result<bool> {
    auto tables = ListTables(sheet);
    if (!tables) return std::move(tables).error();
    for (const auto& table : *tables) {
      auto extent = TableRange(table.id);
      if (!extent) return std::move(extent).error();
      if (core::EqualsIgnoreCase(BareAddress(extent->address), bare)) {
        found = table;
        return true;
      }
    }
    return false;
  };
  const std::string body =
      DumpJson(nlohmann::json{{"address", address}, {"hasHeaders", has_headers}});
  auto json = SendStructural(http::Method::kPost, SheetPath(sheet) + "/tables/add", body,
                             "adding a table over " + bare + " on " + OnSheet(sheet), applied);
  if (!json) {
    core::Error error = std::move(json).error();
    if (core::EqualsIgnoreCase(error.upstream, "InvalidArgument")) {
      error.message = "Excel could not add a table over " + bare + " on " + OnSheet(sheet) +
                      " because another table or merged cells lie there: remove them, then try "
                      "again.";
    }
    return error;
  }
  if (found) return *found;
  return ReadTable(*json, "tables/add");
}

core::Result<Table> Workbook::UpdateTable(const std::string& table_id, const std::string& name,
                                          const std::string& style) {
  const std::string body = DumpJson(nlohmann::json{{"name", name}, {"style", style}});
  // Setting the same name and style again changes nothing: a replay is harmless.
  auto json =
      SendJson(http::Method::kPatch, TablePath(table_id), body, http::Idempotency::kIdempotent,
               "naming the table \"" + name + "\" in \"" + item_.name + "\"");
  if (!json) {
    core::Error error = std::move(json).error();
    if (core::EqualsIgnoreCase(error.upstream, "ItemAlreadyExists") ||
        core::EqualsIgnoreCase(error.upstream, "NameAlreadyExists")) {
      error.message = "A table or defined name called \"" + name + "\" already exists in \"" +
                      item_.name + "\": choose another table name.";
    } else if (core::EqualsIgnoreCase(error.upstream, "InvalidArgument")) {
      error.message = "Excel does not accept the table name \"" + name + "\" with the style \"" +
                      style + "\": use a name no other table or defined name in \"" + item_.name +
                      "\" has and a built-in style such as TableStyleMedium2.";
    }
    return error;
  }
  return ReadTable(*json, "table");
}

core::Result<TableExtent> Workbook::TableRange(const std::string& table_id) {
  const std::string what = "reading the size of a table in \"" + item_.name + "\"";
  auto json = SendJson(http::Method::kGet,
                       TablePath(table_id) + "/range" + SelectQuery("address,rowCount,columnCount"),
                       "", http::Idempotency::kIdempotent, what);
  if (!json) return std::move(json).error();
  TableExtent extent;
  extent.address = StringField(*json, "address");
  extent.row_count = static_cast<int64_t>(NumberField(*json, "rowCount").value_or(0));
  extent.column_count = static_cast<int>(NumberField(*json, "columnCount").value_or(0));
  if (extent.address.empty() || extent.row_count < 1 || extent.column_count < 1) {
    return UnexpectedShape(what, "table range");
  }
  return extent;
}

core::Result<std::vector<TableColumn>> Workbook::ListTableColumns(const std::string& table_id) {
  const std::string what = "listing the columns of a table in \"" + item_.name + "\"";
  auto json =
      SendJson(http::Method::kGet, TablePath(table_id) + "/columns" + SelectQuery("id,index,name"),
               "", http::Idempotency::kIdempotent, what);
  if (!json) return std::move(json).error();
  const nlohmann::json* value = Field(*json, "value");
  if (!value || !value->is_array()) return UnexpectedShape(what, "columns");
  std::vector<TableColumn> columns;
  for (const auto& each : *value) {
    TableColumn column{IdField(each), static_cast<int>(NumberField(each, "index").value_or(-1)),
                       StringField(each, "name")};
    if (column.id.empty() || column.index < 0) return UnexpectedShape(what, "columns");
    columns.push_back(std::move(column));
  }
  return columns;
}

core::Result<void> Workbook::AddTableColumn(const std::string& table_id, std::optional<int> index,
                                            const std::string& name, const AppliedCheck& applied) {
  // §6.7: an index must name an existing column, so a column after the last one has none.
  nlohmann::json body{{"index", nullptr}, {"name", name}};
  if (index) body["index"] = *index;
  auto reply = SendStructural(
      http::Method::kPost, TablePath(table_id) + "/columns/add", DumpJson(body),
      "adding the column \"" + name + "\" to a table in \"" + item_.name + "\"", applied);
  if (!reply) return std::move(reply).error();
  return {};
}

core::Result<void> Workbook::DeleteTableColumn(const std::string& table_id,
                                               const std::string& column_id,
                                               const AppliedCheck& applied) {
  auto reply = SendStructural(
      http::Method::kDelete, TablePath(table_id) + "/columns/" + http::PercentEncode(column_id), "",
      "deleting a column of a table in \"" + item_.name + "\"", applied);
  if (!reply) return std::move(reply).error();
  return {};
}

}  // namespace xlsync::msgraph
