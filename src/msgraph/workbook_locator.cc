#include "msgraph/workbook_locator.h"

#include <cctype>

#include "core/text.h"
#include "http/url.h"

namespace xlsync::msgraph {
namespace {

// Drive item ids are opaque but plain: letters, digits and a few marks ("01BYE5RZ…",
// "8BADF00D!123" on older drives).
bool IsItemId(std::string_view text) {
  for (unsigned char c : text) {
    if (!std::isalnum(c) && c != '!' && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

}  // namespace

core::Result<WorkbookLocator> WorkbookLocator::Parse(std::string_view text) {
  const std::string_view trimmed = core::Trim(text);
  if (trimmed.empty()) {
    return core::InvalidInput(
        "The workbook is missing: paste its OneDrive or SharePoint link, or "
        "give its path in the user's OneDrive (starting with /).");
  }
  const std::string quoted = "\"" + std::string(trimmed) + "\"";
  if (core::StartsWithIgnoreCase(trimmed, "https://")) {
    return WorkbookLocator{Kind::kShareLink, std::string(trimmed)};
  }
  if (core::StartsWithIgnoreCase(trimmed, "http://")) {
    return core::InvalidInput("The workbook link " + quoted +
                              " is not an https:// link: copy the "
                              "link from OneDrive or SharePoint (Share, Copy link).");
  }
  if (trimmed.starts_with('/')) {
    if (trimmed.ends_with('/')) {
      return core::InvalidInput("The workbook path " + quoted +
                                " names a folder: end it with "
                                "the workbook's file name, such as /Reports/Sales.xlsx.");
    }
    return WorkbookLocator{Kind::kPath, std::string(trimmed)};
  }
  if (!IsItemId(trimmed)) {
    return core::InvalidInput("The workbook " + quoted +
                              " is neither a link, a path starting "
                              "with / nor an item id: paste the file's link, or write its path "
                              "as /Folder/File.xlsx.");
  }
  return WorkbookLocator{Kind::kItemId, std::string(trimmed)};
}

std::string EncodeShareUrl(std::string_view url) { return "u!" + http::Base64UrlEncode(url); }

}  // namespace xlsync::msgraph
