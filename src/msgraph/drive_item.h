#pragma once

#include <string>

namespace xlsync::msgraph {

/// A resolved file or folder: the ids every later call uses (msgraph.md §5: address workbooks
/// by {drive id, item id}, never by path), plus its name and web address for messages.
struct DriveItem {
  std::string drive_id;
  std::string item_id;
  std::string name;
  std::string web_url;
  bool is_folder = false;
};

}  // namespace xlsync::msgraph
