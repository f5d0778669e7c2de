#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace xlsync::msgraph {

/// How the user named the workbook: an https:// sharing link (shares API), a path starting with
/// "/" in the user's OneDrive, or a drive item id (msgraph.md §5).
struct WorkbookLocator {
  enum class Kind { kItemId, kPath, kShareLink };
  Kind kind = Kind::kItemId;
  std::string value;

  static core::Result<WorkbookLocator> Parse(std::string_view text);
};

/// The shares API id of a sharing URL: "u!" + base64url of its UTF-8 bytes, unpadded (§5).
std::string EncodeShareUrl(std::string_view url);

}  // namespace xlsync::msgraph
