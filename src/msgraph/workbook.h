#pragma once

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
#include "msgraph/workbook_session.h"

namespace xlsync::msgraph {

/// A worksheet as Excel names it; `id` keeps its braces ("{00000000-0001-…}") and is stable
/// across renames and moves (msgraph.md §6.3).
struct Worksheet {
  std::string id;
  std::string name;
  int position = 0;
};

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
  core::Result<void> PatchRange(const Worksheet& sheet, const std::string& address,
                                const std::string& json_body);
  /// The range object, with only the `select`ed properties ("values", "values,numberFormat";
  /// empty = all).
  core::Result<nlohmann::json> GetRange(const Worksheet& sheet, const std::string& address,
                                        std::string_view select = "values");

  int sessions_created() const { return session_.sessions_created(); }
  const DriveItem& item() const { return item_; }

 private:
  core::Result<nlohmann::json> SendJson(http::Method method, const std::string& relative,
                                        std::string body, http::Idempotency idempotency,
                                        std::string_view what);

  GraphClient& graph_;
  DriveItem item_;
  WorkbookSession session_;
};

/// "/worksheets/{id}/range(address='…')" with the id and the OData literal percent-encoded
/// (msgraph.md §6.3, §6.4): the part of a range URL after the workbook path.
std::string RangePath(const Worksheet& sheet, std::string_view address);

}  // namespace xlsync::msgraph
