#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "excel/cell_digest.h"
#include "http/url.h"
#include "sync/graph_sheet_sink.h"
#include "tests/unit/msgraph/workbook_harness.h"

namespace xlsync::fakes {

inline constexpr char kSheets[] =
    R"({"value":[{"id":"{00000000-0001-0000-0000-000000000000}","name":"Sheet1","position":0}]})";

inline const std::vector<core::Column> kColumns{
    {"partner_id", "Customer", ""}, {"amount_total", "Total", "0.00"}, {"state", "Status", ""}};

inline core::Row Row(int i) {
  return {core::Cell::Text("Acme " + std::to_string(i)), core::Cell::Number(i * 10),
          core::Cell::Text("sale")};
}

inline std::vector<core::Row> Rows(int first, int count) {
  std::vector<core::Row> rows;
  for (int i = first; i < first + count; ++i) rows.push_back(Row(i));
  return rows;
}

/// The JSON `values` Graph reads back for Rows(first, count).
inline std::string Values(int first, int count) {
  nlohmann::json values = nlohmann::json::array();
  for (int i = first; i < first + count; ++i)
    values.push_back({"Acme " + std::to_string(i), i * 10, "sale"});
  return nlohmann::json{{"values", values}}.dump();
}

inline uint64_t DigestOf(const std::vector<core::Row>& rows) {
  excel::RowDigest digest;
  for (const auto& row : rows) digest.AddRow(row);
  return digest.value();
}

/// The sink over a workbook with an open session; requests are read back as "METHOD path" with
/// the workbook prefix dropped, the sheet's id path shortened to "/sheet" and addresses decoded.
struct SinkHarness : WorkbookHarness {
  explicit SinkHarness(sync::GraphSinkOptions options = {})
      : sink(workbook, "Sheet1", std::move(options)) {}

  void Reply(std::string body = "{}", int status = 200) {
    http.Enqueue(fakes::Reply(status, std::move(body)));
  }
  void Used(const std::string& address) { Reply(R"({"address":"Sheet1!)" + address + R"("})"); }
  void BlankSheet() {
    Used("A1");
    Reply(R"({"values":[[""]]})");
  }
  void Header(const std::vector<std::string>& cells) {
    Reply(nlohmann::json{{"values", {cells}}}.dump());
  }
  void TableRange(const std::string& address, int rows, int columns) {
    Reply(
        nlohmann::json{{"address", address}, {"rowCount", rows}, {"columnCount", columns}}.dump());
  }

  std::vector<std::string> Lines() const {
    std::vector<std::string> lines;
    for (size_t i = 0; i < Calls(); ++i) {
      std::string path = http::PercentDecode(GraphPath(Call(i)));
      path = path.substr(std::string(kWorkbookPath).size());
      const std::string sheet_path = "/worksheets/{00000000-0001-0000-0000-000000000000}";
      if (path.starts_with(sheet_path)) path = "/sheet" + path.substr(sheet_path.size());
      lines.push_back(std::string(http::MethodName(Call(i).method)) + " " + path);
    }
    return lines;
  }
  std::string Body(size_t i) const { return Call(i).body; }

  sync::GraphSheetSink sink;
};

inline sync::GraphSinkOptions TableOptions(int64_t expected_rows, size_t max_cells = 20'000) {
  sync::GraphSinkOptions options;
  options.table = "OdooOrders";
  options.table_style = "TableStyleMedium4";
  options.expected_rows = expected_rows;
  options.budget.max_cells = max_cells;
  options.budget.ceiling_cells = max_cells;
  options.budget.min_rows = 1;
  return options;
}

/// The replies for Begin on a sheet whose table OdooOrders (id 1) spans `table`, header ours.
inline void ExistingTable(SinkHarness& h, const std::string& table, int rows, int columns,
                          const std::vector<std::string>& header) {
  h.Reply(kSheets);
  h.Reply(R"({"value":[{"id":"1","name":"OdooOrders","style":"TableStyleMedium4"}]})");
  h.TableRange("Sheet1!" + table, rows, columns);
  h.Used(table);
  h.Header(header);
}

}  // namespace xlsync::fakes
