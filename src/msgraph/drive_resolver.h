#pragma once

#include <mutex>
#include <string>

#include "core/result.h"
#include "msgraph/drive_item.h"
#include "msgraph/graph_client.h"
#include "msgraph/workbook_locator.h"

namespace xlsync::msgraph {

/// Finds the user's OneDrive drive id (asked once, then cached) and turns a WorkbookLocator into
/// the workbook's {drive id, item id} (msgraph.md §5). Thread-safe.
class DriveResolver {
 public:
  DriveResolver(GraphClient& graph, std::string user_upn);

  core::Result<std::string> DriveId();
  /// The workbook named by `locator`; a folder or a file that is not .xlsx is a plain error.
  core::Result<DriveItem> Resolve(const WorkbookLocator& locator);

 private:
  core::Result<DriveItem> Fetch(const std::string& path, const std::string& what,
                                const std::string& not_found, const std::string& fallback_drive);

  GraphClient& graph_;
  const std::string user_upn_;
  std::mutex mutex_;
  std::string drive_id_;
};

}  // namespace xlsync::msgraph
