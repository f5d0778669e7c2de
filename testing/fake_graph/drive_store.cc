#include "testing/fake_graph/drive_store.h"

#include <algorithm>

#include "core/text.h"
#include "http/url.h"
#include "testing/fake_graph/time_text.h"

namespace xlsync::fakes {
namespace {

constexpr std::string_view kXlsxMime =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

bool IsXlsx(std::string_view name) {
  return name.size() > 5 && core::EqualsIgnoreCase(name.substr(name.size() - 5), ".xlsx");
}

std::string MimeType(std::string_view name) {
  if (IsXlsx(name)) return std::string(kXlsxMime);
  if (name.size() > 4 && core::EqualsIgnoreCase(name.substr(name.size() - 4), ".xls")) {
    return "application/vnd.ms-excel";
  }
  return "application/octet-stream";
}

}  // namespace

Drive& DriveStore::AddDrive(std::string tenant_guid, std::string owner_upn, std::string owner_id,
                            IdSource& ids, core::TimePoint now) {
  Drive drive;
  drive.id = ids.DriveId();
  drive.tenant_guid = std::move(tenant_guid);
  drive.owner_upn = std::move(owner_upn);
  drive.owner_id = std::move(owner_id);
  drive.created = now;
  DriveItem root;
  root.id = ids.ItemId();
  root.name = "root";
  root.folder = true;
  root.etag_guid = ids.WorksheetId();
  root.created = root.modified = now;
  drive.root_id = root.id;
  drive.items.emplace(root.id, std::move(root));
  const std::string id = drive.id;
  return drives_.emplace(id, std::move(drive)).first->second;
}

Drive* DriveStore::FindDrive(std::string_view drive_id) {
  const auto found = drives_.find(std::string(drive_id));
  return found == drives_.end() ? nullptr : &found->second;
}

DriveItem* DriveStore::FindItem(Drive& drive, std::string_view item_id) {
  const auto found = drive.items.find(std::string(item_id));
  return found == drive.items.end() ? nullptr : &found->second;
}

DriveItem* DriveStore::FindByPath(Drive& drive, const std::vector<std::string>& segments) {
  DriveItem* current = FindItem(drive, drive.root_id);
  for (const auto& segment : segments) {
    DriveItem* next = nullptr;
    for (const auto& child_id : current->children) {
      DriveItem* child = FindItem(drive, child_id);
      if (core::EqualsIgnoreCase(child->name, segment)) next = child;
    }
    if (!next) return nullptr;
    current = next;
  }
  return current;
}

core::Result<DriveItem*> DriveStore::AddItem(Drive& drive, std::string_view path, bool folder,
                                             IdSource& ids, core::TimePoint now) {
  std::vector<std::string> segments;
  for (auto& segment : core::Split(path, '/')) {
    if (!segment.empty()) segments.push_back(std::move(segment));
  }
  if (segments.empty())
    return core::InvalidInput("The path '" + std::string(path) + "' names no item.");
  DriveItem* parent = FindItem(drive, drive.root_id);
  for (size_t i = 0; i < segments.size(); ++i) {
    const bool last = i + 1 == segments.size();
    std::vector<std::string> prefix(segments.begin(),
                                    segments.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    if (DriveItem* existing = FindByPath(drive, prefix)) {
      if (last) return core::Conflict("The path '" + std::string(path) + "' already exists.");
      if (!existing->folder)
        return core::Conflict("'" + existing->name + "' is a file, not a folder.");
      parent = existing;
      continue;
    }
    DriveItem item;
    item.id = ids.ItemId();
    item.name = segments[i];
    item.parent_id = parent->id;
    item.folder = !last || folder;
    item.etag_guid = ids.WorksheetId();
    item.created = item.modified = now;
    item.size = item.folder ? 0 : 8'192;
    parent->children.push_back(item.id);
    const std::string id = item.id;
    parent = &drive.items.emplace(id, std::move(item)).first->second;
  }
  return parent;
}

void DriveStore::AddShare(std::string url, std::string drive_id, std::string item_id) {
  shares_[std::move(url)] = {std::move(drive_id), std::move(item_id)};
}

const std::pair<std::string, std::string>* DriveStore::FindShare(std::string_view url) const {
  const auto found = shares_.find(std::string(url));
  return found == shares_.end() ? nullptr : &found->second;
}

nlohmann::json DriveStore::ItemJson(const Drive& drive, const DriveItem& item) const {
  const std::string version = std::to_string(item.version);
  nlohmann::json json = {{"id", item.id},
                         {"name", item.name},
                         {"eTag", "\"" + item.etag_guid + "," + version + "\""},
                         {"cTag", "\"c:" + item.etag_guid + "," + version + "\""},
                         {"size", item.size},
                         {"createdDateTime", TimeText::Iso(item.created)},
                         {"lastModifiedDateTime", TimeText::Iso(item.modified)},
                         {"webUrl", WebUrl(drive, PathOf(drive, item))}};
  nlohmann::json parent = {{"driveId", drive.id}, {"driveType", "business"}};
  if (item.parent_id.empty()) {
    json["root"] = nlohmann::json::object();
  } else {
    const DriveItem& parent_item = drive.items.at(item.parent_id);
    const std::string parent_path = parent_item.parent_id.empty() ? "" : PathOf(drive, parent_item);
    parent["id"] = parent_item.id;
    parent["path"] = "/drives/" + drive.id + "/root:" + parent_path;
  }
  json["parentReference"] = std::move(parent);
  if (item.folder) {
    json["folder"] = {{"childCount", item.children.size()}};
  } else {
    json["file"] = {{"mimeType", MimeType(item.name)}};
  }
  return json;
}

nlohmann::json DriveStore::DriveJson(const Drive& drive) const {
  return {{"id", drive.id},
          {"driveType", "business"},
          {"name", "OneDrive"},
          {"description", ""},
          {"createdDateTime", TimeText::Iso(drive.created)},
          {"webUrl", WebUrl(drive, "")},
          {"owner",
           {{"user",
             {{"email", drive.owner_upn},
              {"id", drive.owner_id},
              {"displayName", drive.owner_upn.substr(0, drive.owner_upn.find('@'))}}}}},
          {"quota",
           {{"deleted", 0},
            {"remaining", 1'099'511'627'776LL},
            {"state", "normal"},
            {"total", 1'099'511'627'776LL},
            {"used", 0}}}};
}

std::string DriveStore::PathOf(const Drive& drive, const DriveItem& item) const {
  std::string path;
  for (const DriveItem* at = &item; !at->parent_id.empty(); at = &drive.items.at(at->parent_id)) {
    path = "/" + at->name + path;
  }
  return path.empty() ? "/" : path;
}

void DriveStore::MarkModified(DriveItem& item, core::TimePoint now) {
  ++item.version;
  item.modified = now;
}

std::vector<std::pair<Drive*, DriveItem*>> DriveStore::Workbooks() {
  std::vector<std::pair<Drive*, DriveItem*>> found;
  for (auto& [drive_id, drive] : drives_) {
    for (auto& [item_id, item] : drive.items) {
      if (item.workbook) found.emplace_back(&drive, &item);
    }
  }
  return found;
}

std::string DriveStore::WebUrl(const Drive& drive, std::string_view path) const {
  // https://contoso-my.sharepoint.com/personal/analyst_contoso_onmicrosoft_com/Documents/...:
  // a string for display only; nothing in the fake or the client fetches it.
  const std::string domain = drive.owner_upn.substr(drive.owner_upn.find('@') + 1);
  std::string personal = drive.owner_upn;
  std::replace_if(
      personal.begin(), personal.end(), [](char c) { return c == '@' || c == '.'; }, '_');
  std::string url = "https://" + domain.substr(0, domain.find('.')) +
                    "-my.sharepoint.com/personal/" + core::ToLower(personal) + "/Documents";
  for (const auto& segment : core::Split(path, '/')) {
    if (!segment.empty()) url += "/" + http::PercentEncode(segment);
  }
  return url;
}

}  // namespace xlsync::fakes
