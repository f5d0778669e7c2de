#include "testing/fake_graph/drive_routes.h"

#include "testing/fake_graph/odata_path.h"
#include "testing/fake_graph/route_helpers.h"
#include "testing/fake_graph/workbook_routes.h"

namespace xlsync::fakes {
namespace {

Reply ItemNotFound() {
  return Reply::Fail(GraphError::Service(404, "itemNotFound", "The resource could not be found."));
}

const std::vector<std::string_view> kItemProperties = {"id",
                                                       "name",
                                                       "eTag",
                                                       "cTag",
                                                       "size",
                                                       "createdDateTime",
                                                       "lastModifiedDateTime",
                                                       "webUrl",
                                                       "file",
                                                       "folder",
                                                       "parentReference",
                                                       "root"};

}  // namespace

Reply DriveRoutes::Users(GraphCall& call, std::span<const std::string> rest) {
  if (rest.empty()) return RouteHelpers::UnknownSegment("users");
  const std::string upn = ODataPath::Decode(rest[0]);
  if (rest.size() == 1) {
    // Reading users needs User.Read.All, which the fake never grants.
    return Reply::Fail(GraphError::Service(403, "Authorization_RequestDenied",
                                           "Insufficient privileges to complete the operation."));
  }
  const std::string what = ODataPath::Decode(rest[1]);
  if (what != "drive" && what != "drives") return RouteHelpers::UnknownSegment(what);
  const DirectoryUser* user = call.state.directory.FindUser(call.token.tenant_guid, upn);
  if (!user) {
    return Reply::Fail(GraphError::Service(
        404, "Request_ResourceNotFound",
        "Resource '" + upn +
            "' does not exist or one of its queried reference-property objects are not present."));
  }
  // msgraph.md §5: a user without a provisioned OneDrive.
  Drive* drive = user->drive_id.empty() ? nullptr : call.state.drives.FindDrive(user->drive_id);
  if (!drive)
    return Reply::Fail(GraphError::Service(404, "ResourceNotFound", "User's mysite not found."));
  if (what == "drives") {
    if (rest.size() != 2) return RouteHelpers::UnknownSegment(ODataPath::Decode(rest[2]));
    if (call.exchange.method != "GET") return RouteHelpers::MethodNotAllowed();
    return Reply::Json(200,
                       {{"value", nlohmann::json::array({call.state.drives.DriveJson(*drive)})}});
  }
  return InDrive(call, *drive, rest.subspan(2));
}

Reply DriveRoutes::Drives(GraphCall& call, std::span<const std::string> rest) {
  if (rest.empty()) return RouteHelpers::UnknownSegment("drives");
  const std::string drive_id = ODataPath::Decode(rest[0]);
  if (!drive_id.starts_with("b!")) {
    return Reply::Fail(GraphError::Service(
        400, "invalidRequest",
        "The provided drive id appears to be malformed, or does not represent a valid drive."));
  }
  Drive* drive = call.state.drives.FindDrive(drive_id);
  if (!drive || drive->tenant_guid != call.token.tenant_guid) return ItemNotFound();
  return InDrive(call, *drive, rest.subspan(1));
}

Reply DriveRoutes::Shares(GraphCall& call, std::span<const std::string> rest) {
  if (rest.empty()) return RouteHelpers::UnknownSegment("shares");
  // msgraph.md §5: shares need Files.ReadWrite.All or Sites.ReadWrite.All.
  if (call.token.access.permission == AppPermission::kSitesSelected) {
    return Reply::Fail(GraphError::Service(403, "accessDenied", "Access denied"));
  }
  const std::string share_id = ODataPath::Decode(rest[0]);
  const auto url =
      share_id.starts_with("u!") ? Base64Decode(share_id.substr(2), true) : std::nullopt;
  if (!url || url->empty()) {
    return Reply::Fail(
        GraphError::Service(400, "invalidRequest", "The sharing token is not valid."));
  }
  if (rest.size() < 2 || ODataPath::Decode(rest[1]) != "driveItem") {
    return RouteHelpers::UnknownSegment(rest.size() < 2 ? share_id : ODataPath::Decode(rest[1]));
  }
  const auto* target = call.state.drives.FindShare(*url);
  Drive* drive = target ? call.state.drives.FindDrive(target->first) : nullptr;
  DriveItem* item = drive ? call.state.drives.FindItem(*drive, target->second) : nullptr;
  if (!item || drive->tenant_guid != call.token.tenant_guid) return ItemNotFound();
  return OnItem(call, *drive, *item, rest.subspan(2));
}

Reply DriveRoutes::InDrive(GraphCall& call, Drive& drive, std::span<const std::string> rest) {
  if (rest.empty()) {
    if (call.exchange.method != "GET") return RouteHelpers::MethodNotAllowed();
    return Reply::Json(200, call.state.drives.DriveJson(drive));
  }
  const std::string first = ODataPath::Decode(rest[0]);
  if (first == "root") {
    return OnItem(call, drive, *call.state.drives.FindItem(drive, drive.root_id), rest.subspan(1));
  }
  if (first.starts_with("root:")) return ByPath(call, drive, rest);
  if (first == "items" && rest.size() >= 2) {
    DriveItem* item = call.state.drives.FindItem(drive, ODataPath::Decode(rest[1]));
    if (!item) return ItemNotFound();
    return OnItem(call, drive, *item, rest.subspan(2));
  }
  return RouteHelpers::UnknownSegment(first);
}

Reply DriveRoutes::ByPath(GraphCall& call, Drive& drive, std::span<const std::string> rest) {
  // "root:/Reports/Sales.xlsx" or "root:/Reports/Sales.xlsx:/workbook/...": the path runs up to a
  // segment ending in ':' (msgraph.md §5). Segments arrive percent-encoded; a raw '(' has
  // produced 400 "Error in query syntax" at Graph.
  std::vector<std::string> names;
  std::string first(rest[0].substr(5));
  size_t used = 1;
  bool closed = first.ends_with(':');
  if (!first.empty()) names.push_back(closed ? first.substr(0, first.size() - 1) : first);
  for (; !closed && used < rest.size(); ++used) {
    std::string segment = rest[used];
    closed = segment.ends_with(':');
    if (closed) segment.pop_back();
    names.push_back(std::move(segment));
  }
  std::vector<std::string> decoded;
  for (const auto& name : names) {
    if (name.find_first_of("()") != std::string::npos) return RouteHelpers::QuerySyntax();
    if (!name.empty()) decoded.push_back(ODataPath::Decode(name));
  }
  DriveItem* item = call.state.drives.FindByPath(drive, decoded);
  if (!item) return ItemNotFound();
  return OnItem(call, drive, *item, rest.subspan(used));
}

Reply DriveRoutes::OnItem(GraphCall& call, Drive& drive, DriveItem& item,
                          std::span<const std::string> rest) {
  if (rest.empty()) {
    if (call.exchange.method != "GET") return RouteHelpers::MethodNotAllowed();
    nlohmann::json json = call.state.drives.ItemJson(drive, item);
    if (auto refused = RouteHelpers::ApplySelect(call.exchange, "microsoft.graph.driveItem",
                                                 kItemProperties, json)) {
      return std::move(*refused);
    }
    return Reply::Json(200, json);
  }
  const std::string next = ODataPath::Decode(rest[0]);
  if (next == "children" && rest.size() == 1) {
    if (call.exchange.method != "GET") return RouteHelpers::MethodNotAllowed();
    nlohmann::json children = nlohmann::json::array();
    for (const auto& child_id : item.children) {
      children.push_back(
          call.state.drives.ItemJson(drive, *call.state.drives.FindItem(drive, child_id)));
    }
    return Reply::Json(200, {{"value", std::move(children)}});
  }
  if (next == "workbook") return WorkbookRoutes::Handle(call, drive, item, rest.subspan(1));
  return RouteHelpers::UnknownSegment(next);
}

}  // namespace xlsync::fakes
