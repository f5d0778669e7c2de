#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "core/sleeper.h"
#include "msgraph/drive_item.h"
#include "msgraph/graph_client.h"
#include "msgraph/graph_error.h"
#include "msgraph/table.h"
#include "msgraph/workbook_session.h"

namespace xlsync::msgraph {

/// A worksheet as Excel names it; `id` keeps its braces ("{00000000-0001-…}") and is stable
/// across renames and moves (msgraph.md §6.3).
struct Worksheet {
  std::string id;
  std::string name;
  int position = 0;
};

/// Where the cells next to an inserted range go (msgraph.md §6.4).
enum class InsertShift { kDown, kRight };
/// Where the cells next to a deleted range come from (msgraph.md §6.4).
enum class DeleteShift { kUp, kLeft };

/// Re-reads the workbook after a structural call failed without a clear answer (a timeout, a
/// reset, a 5xx): true when the call was applied, false when it provably was not; an Error when
/// the state is neither (someone else changed the sheet).
using AppliedCheck = std::function<core::Result<bool>()>;

/// Every Excel call on one workbook, addressed by ids (never names) inside one persistent
/// session (msgraph.md §6.2): created on Open, refreshed when idle >= 2 minutes (KeepAlive),
/// re-created and the call replayed on invalidSessionReCreatable / 502 / 503, closed at the end.
/// Not thread-safe: one writer per workbook (§4.1).
class Workbook {
 public:
  Workbook(GraphClient& graph, const core::Clock& clock, core::Sleeper& sleeper, DriveItem item);

  core::Result<void> Open();
  core::Result<void> KeepAlive();
  /// A failure is logged and returned; callers need not treat it as fatal.
  core::Result<void> Close();

  core::Result<std::vector<Worksheet>> Worksheets();
  core::Result<Worksheet> AddWorksheet(const std::string& name);
  /// The sheet whose name matches case-insensitively (as Excel compares them), if any.
  core::Result<std::optional<Worksheet>> FindWorksheet(const std::string& name);
  /// The sheet whose name matches case-insensitively (as Excel compares them), else a new one.
  core::Result<Worksheet> FindOrAddWorksheet(const std::string& name, bool* created);
  /// The bare used-range address ("A1:J200"), or nullopt for a blank sheet.
  core::Result<std::optional<std::string>> UsedRange(const Worksheet& sheet);
  /// Clears values and formats (applyTo "All").
  core::Result<void> ClearRange(const Worksheet& sheet, const std::string& address);
  /// Writes `json_body` ({"values":[[…]], …}) to the range: idempotent, so retried on 429, 503,
  /// 504 and resets; too large a body comes back as an Error for which IsPayloadTooLarge().
  /// The size of Excel's answer (it repeats the range) in bytes.
  core::Result<size_t> PatchRange(const Worksheet& sheet, const std::string& address,
                                const std::string& json_body);
  /// The range object, with only the `select`ed properties ("values", "values,numberFormat";
  /// empty = all).
  core::Result<nlohmann::json> GetRange(const Worksheet& sheet, const std::string& address,
                                        std::string_view select = "values");
  /// The same read, Excel's answer left as JSON text: for pages of values parsed as they stream
  /// (excel::RowDigest::AddRangeValues), not held as a tree.
  core::Result<std::string> GetRangeText(const Worksheet& sheet, const std::string& address,
                                         std::string_view select = "values");

  // Ranges (§6.4, §6.8), in workbook_ranges.cc. Inserts and deletes are not idempotent (a replay
  // inserts or deletes again): they are replayed only on a reply proving nothing happened (429),
  // or when `applied` re-reads the sheet and finds the attempt did not apply; without `applied`,
  // never.
  core::Result<void> InsertRange(const Worksheet& sheet, const std::string& address,
                                 InsertShift shift, const AppliedCheck& applied = {});
  core::Result<void> DeleteRange(const Worksheet& sheet, const std::string& address,
                                 DeleteShift shift, const AppliedCheck& applied = {});
  /// Makes the range's font bold (§6.8); idempotent.
  core::Result<void> SetBold(const Worksheet& sheet, const std::string& address);
  /// Fits the widths of the columns of `address` ("A:K") to their content (§6.8); idempotent.
  core::Result<void> AutofitColumns(const Worksheet& sheet, const std::string& address);

  // Tables (§6.7), in workbook_tables.cc.
  /// Every table of the workbook, or of one sheet.
  core::Result<std::vector<Table>> ListTables();
  core::Result<std::vector<Table>> ListTables(const Worksheet& sheet);
  /// Adds a table over `address`, which must be sheet-qualified ("Orders!A1:K11", §6.7). Not
  /// idempotent: after an unclear failure the sheet's tables are re-read and the add is repeated
  /// only when no table lies exactly over the address.
  core::Result<Table> AddTable(const Worksheet& sheet, const std::string& address,
                               bool has_headers);
  /// Renames the table and sets its style; idempotent.
  core::Result<Table> UpdateTable(const std::string& table_id, const std::string& name,
                                  const std::string& style);
  /// The table's range: address and size, header row included.
  core::Result<TableExtent> TableRange(const std::string& table_id);
  /// The table's columns in order (ids, positions and names; not their values).
  core::Result<std::vector<TableColumn>> ListTableColumns(const std::string& table_id);
  /// Adds a column named `name` at `index` (nullopt: after the last); the cells to its right in
  /// the table's rows move right. Not idempotent: replayed as InsertRange is.
  core::Result<void> AddTableColumn(const std::string& table_id, std::optional<int> index,
                                    const std::string& name, const AppliedCheck& applied = {});
  /// Deletes the table's column `column_id`; the cells to its right in the table's rows move
  /// left. Not idempotent: replayed as DeleteRange is.
  core::Result<void> DeleteTableColumn(const std::string& table_id, const std::string& column_id,
                                       const AppliedCheck& applied = {});

  int sessions_created() const { return session_.sessions_created(); }
  const DriveItem& item() const { return item_; }

 private:
  core::Result<nlohmann::json> SendJson(http::Method method, const std::string& relative,
                                        std::string body, http::Idempotency idempotency,
                                        std::string_view what);
  /// A non-idempotent call, repeated (a few times at most) only while `applied` says the last
  /// attempt did not apply; an applied attempt without an answer gives an empty object.
  core::Result<nlohmann::json> SendStructural(http::Method method, const std::string& relative,
                                              const std::string& body, std::string_view what,
                                              const AppliedCheck& applied);
  core::Result<std::vector<Table>> ReadTables(const std::string& relative, std::string_view what);

  GraphClient& graph_;
  core::Sleeper& sleeper_;
  DriveItem item_;
  WorkbookSession session_;
};

/// "/worksheets/{id}/range(address='…')" with the id and the OData literal percent-encoded
/// (msgraph.md §6.3, §6.4): the part of a range URL after the workbook path.
std::string RangePath(const Worksheet& sheet, std::string_view address);

}  // namespace xlsync::msgraph
