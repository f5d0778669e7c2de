#include "msgraph/drive_resolver.h"

#include "core/text.h"
#include "msgraph/json_fields.h"

namespace xlsync::msgraph {
namespace {

// msgraph.md §5: percent-encode each segment on its own (spaces, '#', '%', '(' have broken
// unencoded paths), keeping the '/' between them.
std::string EncodeDrivePath(std::string_view path) {
  std::string encoded;
  for (const auto& segment : core::Split(path, '/')) {
    if (segment.empty()) continue;
    encoded += "/" + EncodePathSegment(segment);
  }
  return encoded;
}

core::Result<DriveItem> ReadDriveItem(const nlohmann::json& json,
                                      const std::string& fallback_drive) {
  DriveItem item;
  item.item_id = StringField(json, "id");
  item.name = StringField(json, "name");
  item.web_url = StringField(json, "webUrl");
  item.is_folder = Field(json, "folder") != nullptr;
  if (const auto* parent = Field(json, "parentReference")) {
    item.drive_id = StringField(*parent, "driveId");
  }
  if (item.drive_id.empty()) item.drive_id = fallback_drive;
  if (item.item_id.empty() || item.drive_id.empty()) {
    return core::Unavailable(
        "Microsoft Graph described the workbook without its ids: try again "
        "in a few minutes.",
        "driveItem");
  }
  return item;
}

// msgraph.md §5: only Office Open XML workbooks work with the Excel API.
core::Result<void> CheckIsWorkbook(const DriveItem& item) {
  const std::string quoted = "\"" + item.name + "\"";
  if (item.is_folder) {
    return core::InvalidInput(quoted +
                              " is a folder, not a workbook: name an .xlsx file "
                              "inside it.");
  }
  if (!core::ToLower(item.name).ends_with(".xlsx")) {
    return core::InvalidInput(quoted +
                              " is not an .xlsx workbook: Excel for the web can only "
                              "edit .xlsx files, so save it as .xlsx and try again.");
  }
  return {};
}

}  // namespace

DriveResolver::DriveResolver(GraphClient& graph, std::string user_upn)
    : graph_(graph), user_upn_(std::move(user_upn)) {}

core::Result<std::string> DriveResolver::DriveId() {
  std::lock_guard lock(mutex_);
  if (!drive_id_.empty()) return drive_id_;
  auto drive = graph_.SendJson(
      http::Method::kGet, "/users/" + EncodePathSegment(user_upn_) + "/drive", nullptr, {},
      http::Idempotency::kIdempotent, "finding the OneDrive of " + user_upn_);
  if (!drive) {
    core::Error error = std::move(drive).error();
    // msgraph.md §5: an unknown user and a user without a OneDrive ("User's mysite not found.")
    // both answer 404; one sentence covers both.
    if (error.code == core::ErrorCode::kNotFound) {
      error.message = "No OneDrive was found for " + user_upn_ +
                      ": check the user name, and "
                      "that the user has a OneDrive licence and has opened OneDrive once.";
    }
    return error;
  }
  const std::string id = StringField(*drive, "id");
  if (id.empty()) {
    return core::Unavailable("Microsoft Graph described the OneDrive of " + user_upn_ +
                                 " without its id: try again in a few minutes.",
                             "drive");
  }
  drive_id_ = id;
  return drive_id_;
}

core::Result<DriveItem> DriveResolver::Resolve(const WorkbookLocator& locator) {
  const std::string quoted = "\"" + locator.value + "\"";
  switch (locator.kind) {
    case WorkbookLocator::Kind::kShareLink:
      return Fetch("/shares/" + EncodeShareUrl(locator.value) + "/driveItem",
                   "opening the link " + quoted,
                   "The link " + quoted +
                       " does not lead to a file the app can see: check the "
                       "link, and that the app may access the OneDrive or site it points to.",
                   "");
    case WorkbookLocator::Kind::kPath:
    case WorkbookLocator::Kind::kItemId: {
      auto drive = DriveId();
      if (!drive) return std::move(drive).error();
      if (locator.kind == WorkbookLocator::Kind::kPath) {
        return Fetch(
            "/drives/" + EncodePathSegment(*drive) + "/root:" + EncodeDrivePath(locator.value),
            "finding the workbook " + quoted,
            "The workbook " + quoted + " was not found in the OneDrive of " + user_upn_ +
                ": check the path, which starts at the OneDrive's top folder.",
            *drive);
      }
      return Fetch(
          "/drives/" + EncodePathSegment(*drive) + "/items/" + EncodePathSegment(locator.value),
          "finding the workbook with item id " + quoted,
          "No file with item id " + quoted + " was found in the OneDrive of " + user_upn_ +
              ": check the id, or paste the file's link instead.",
          *drive);
    }
  }
  return core::Internal("Unknown kind of workbook locator.");
}

core::Result<DriveItem> DriveResolver::Fetch(const std::string& path, const std::string& what,
                                             const std::string& not_found,
                                             const std::string& fallback_drive) {
  auto json =
      graph_.SendJson(http::Method::kGet, path, nullptr, {}, http::Idempotency::kIdempotent, what);
  if (!json) {
    core::Error error = std::move(json).error();
    if (error.code == core::ErrorCode::kNotFound) error.message = not_found;
    return error;
  }
  auto item = ReadDriveItem(*json, fallback_drive);
  if (!item) return item;
  XLSYNC_RETURN_IF_ERROR(CheckIsWorkbook(*item));
  return item;
}

}  // namespace xlsync::msgraph
