#pragma once

#include <span>
#include <string>
#include <vector>

#include "testing/fake_graph/exchange.h"
#include "testing/fake_graph/graph_state.h"

namespace xlsync::fakes {

/// Finding the drive and the item (msgraph.md §5): /users/{upn}/drive, /drives/{d},
/// /drives/{d}/items/{id}, /drives/{d}/root:/{path}, /shares/{u!..}/driveItem; then hands
/// .../workbook/... to WorkbookRoutes. `rest` holds the raw segments after the resource name.
class DriveRoutes {
 public:
  static Reply Users(GraphCall& call, std::span<const std::string> rest);
  static Reply Drives(GraphCall& call, std::span<const std::string> rest);
  static Reply Shares(GraphCall& call, std::span<const std::string> rest);

 private:
  static Reply InDrive(GraphCall& call, Drive& drive, std::span<const std::string> rest);
  static Reply ByPath(GraphCall& call, Drive& drive, std::span<const std::string> rest);
  static Reply OnItem(GraphCall& call, Drive& drive, DriveItem& item,
                      std::span<const std::string> rest);
};

}  // namespace xlsync::fakes
