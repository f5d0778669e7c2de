#pragma once

#include <span>
#include <string>

#include "testing/fake_graph/exchange.h"
#include "testing/fake_graph/graph_state.h"

namespace xlsync::fakes {

/// The workbook a call works on: the item's own, or a persistChanges:false session's scratch copy.
struct WorkbookTarget {
  Drive* drive = nullptr;
  DriveItem* item = nullptr;
  Workbook* workbook = nullptr;
  bool persisted = true;
};

/// .../workbook/...: sessions (createSession 201 or 202 + operation polling, refreshSession,
/// closeSession, idle expiry → invalidSessionReCreatable; msgraph.md §6.2), then worksheets and
/// tables.
class WorkbookRoutes {
 public:
  static Reply Handle(GraphCall& call, Drive& drive, DriveItem& item,
                      std::span<const std::string> rest);
  /// 404 invalidSessionReCreatable (§6.2: the fake's status for it).
  static Reply SessionGone();

 private:
  static Reply CreateSession(GraphCall& call, Drive& drive, DriveItem& item);
  static Reply KeepOrClose(GraphCall& call, Drive& drive, DriveItem& item, bool close);
  static Reply Operation(GraphCall& call, Drive& drive, DriveItem& item, const std::string& id);
  static Reply SessionInfo(GraphCall& call, Drive& drive, DriveItem& item, const std::string& key);
  static std::string WorkbookUrl(const GraphCall& call, const Drive& drive, const DriveItem& item);
};

}  // namespace xlsync::fakes
