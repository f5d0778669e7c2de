#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "testing/fake_graph/id_source.h"
#include "testing/fake_graph/workbook.h"

namespace xlsync::fakes {

/// A file or folder. Only .xlsx files carry a workbook; other files are plain bytes to Graph.
struct DriveItem {
  std::string id;
  std::string name;
  std::string parent_id;  // empty for the root
  bool folder = false;
  std::vector<std::string> children;
  std::int64_t size = 0;
  int version = 1;        // bumped on every persisted workbook change (eTag/cTag)
  std::string etag_guid;  // "{...}", stable per item
  core::TimePoint created;
  core::TimePoint modified;
  std::unique_ptr<Workbook> workbook;
};

/// A OneDrive for Business drive.
struct Drive {
  std::string id;
  std::string tenant_guid;
  std::string owner_upn;
  std::string owner_id;
  std::string root_id;
  core::TimePoint created;
  std::unordered_map<std::string, DriveItem> items;
};

/// Drives, their items and the sharing links that point at items (msgraph.md §5). Not
/// thread-safe: callers hold the fake's state lock.
class DriveStore {
 public:
  Drive& AddDrive(std::string tenant_guid, std::string owner_upn, std::string owner_id,
                  IdSource& ids, core::TimePoint now);
  Drive* FindDrive(std::string_view drive_id);
  DriveItem* FindItem(Drive& drive, std::string_view item_id);
  /// `segments` are decoded names from the root; matching is case-insensitive like OneDrive.
  DriveItem* FindByPath(Drive& drive, const std::vector<std::string>& segments);
  /// Creates the item and any missing parent folders; fails when the path is taken.
  core::Result<DriveItem*> AddItem(Drive& drive, std::string_view path, bool folder, IdSource& ids,
                                   core::TimePoint now);

  void AddShare(std::string url, std::string drive_id, std::string item_id);
  /// {drive id, item id} of a sharing URL, compared exactly.
  const std::pair<std::string, std::string>* FindShare(std::string_view url) const;

  nlohmann::json ItemJson(const Drive& drive, const DriveItem& item) const;
  nlohmann::json DriveJson(const Drive& drive) const;
  /// "/Reports/Sales.xlsx"; "/" for the root.
  std::string PathOf(const Drive& drive, const DriveItem& item) const;
  void MarkModified(DriveItem& item, core::TimePoint now);
  /// Every item holding a workbook, as {drive, item}.
  std::vector<std::pair<Drive*, DriveItem*>> Workbooks();

 private:
  std::string WebUrl(const Drive& drive, std::string_view path) const;

  std::map<std::string, Drive> drives_;
  std::map<std::string, std::pair<std::string, std::string>> shares_;
};

}  // namespace xlsync::fakes
