#include "testing/fake_graph/workbook_routes.h"

#include "core/text.h"
#include "testing/fake_graph/odata_path.h"
#include "testing/fake_graph/route_helpers.h"
#include "testing/fake_graph/table_routes.h"
#include "testing/fake_graph/worksheet_routes.h"

namespace xlsync::fakes {
namespace {

constexpr std::string_view kSessionHeader = "workbook-session-id";

Reply NotAWorkbook(const DriveItem& item) {
  if (item.folder) {
    return Reply::Fail(GraphError::Excel(
        400, "invalidArgument", "The item '" + item.name + "' is a folder, not a workbook."));
  }
  // msgraph.md §5: only Office Open XML workbooks (.xlsx) work with the Excel API.
  return Reply::Fail(
      GraphError::Excel(400, "unsupportedWorkbook",
                        "The file '" + item.name +
                            "' is not an .xlsx workbook, so Excel for the web cannot open it."));
}

Reply SessionHeaderRequired() {
  return Reply::Fail(GraphError::Excel(
      400, "invalidArgument", "The workbook-session-id header is required for this call."));
}

}  // namespace

Reply WorkbookRoutes::Handle(GraphCall& call, Drive& drive, DriveItem& item,
                             std::span<const std::string> rest) {
  if (!item.workbook) return NotAWorkbook(item);
  if (rest.empty()) return RouteHelpers::UnknownSegment("workbook");
  const std::string first = ODataPath::Decode(rest[0]);
  const std::string& method = call.exchange.method;
  if (first == "createSession" && rest.size() == 1) {
    return method == "POST" ? CreateSession(call, drive, item) : RouteHelpers::MethodNotAllowed();
  }
  if ((first == "refreshSession" || first == "closeSession") && rest.size() == 1) {
    if (method != "POST") return RouteHelpers::MethodNotAllowed();
    return KeepOrClose(call, drive, item, first == "closeSession");
  }
  if (first == "operations" && rest.size() == 2) {
    return method == "GET" ? Operation(call, drive, item, ODataPath::Decode(rest[1]))
                           : RouteHelpers::MethodNotAllowed();
  }
  auto parsed = ODataPath::ParseCall(first);
  if (!parsed) return RouteHelpers::QuerySyntax();
  if (parsed->name == "sessionInfoResource" && rest.size() == 1) {
    if (method != "GET") return RouteHelpers::MethodNotAllowed();
    const auto key = parsed->arguments.find("key");
    if (key == parsed->arguments.end()) return RouteHelpers::QuerySyntax();
    return SessionInfo(call, drive, item, key->second);
  }
  if (parsed->name != "worksheets" && parsed->name != "tables") {
    return RouteHelpers::UnknownSegment(first);
  }

  WorkbookTarget target{&drive, &item, item.workbook.get(), true};
  if (const auto session_id = call.exchange.headers.Get(kSessionHeader)) {
    const auto& options = call.state.options;
    WorkbookSession* session =
        call.state.sessions.Use(*session_id, drive.id, item.id, call.exchange.time,
                                options.session_idle_timeout, options.scratch_session_idle_timeout);
    if (!session) return SessionGone();
    if (session->scratch) {
      target.workbook = session->scratch.get();
      target.persisted = false;
    }
  }
  if (parsed->name == "tables") {
    return TableRoutes::Handle(call, target, nullptr, *parsed, rest.subspan(1));
  }
  return WorksheetRoutes::Handle(call, target, *parsed, rest.subspan(1));
}

Reply WorkbookRoutes::SessionGone() {
  return Reply::Fail(GraphError::Excel(
      404, "invalidSessionReCreatable",
      "The session specified in the request does not exist or is invalid due to a transient error."));
}

Reply WorkbookRoutes::CreateSession(GraphCall& call, Drive& drive, DriveItem& item) {
  const auto body = RouteHelpers::ParseBody(call.exchange.body);
  if (!body) return RouteHelpers::InvalidJson();
  if (!body->is_object() || !body->contains("persistChanges") ||
      !(*body)["persistChanges"].is_boolean()) {
    return Reply::Fail(GraphError::Excel(
        400, "invalidArgument", "The request body must set persistChanges to true or false."));
  }
  const bool persist = (*body)["persistChanges"].get<bool>();
  const bool wants_async =
      core::ToLower(call.exchange.headers.Get("Prefer").value_or("")).find("respond-async") !=
      std::string::npos;
  if (call.state.options.async_create_session && wants_async) {
    // msgraph.md §6.2, long-running path: 202, empty body, Location of the operation to poll.
    const SessionOperation& operation =
        call.state.sessions.AddOperation(drive.id, item.id, persist);
    Reply reply = Reply::Empty(202);
    reply.headers.emplace_back("Location",
                               WorkbookUrl(call, drive, item) + "/operations/" + operation.id);
    return reply;
  }
  WorkbookSession& session = call.state.sessions.Create(
      drive.id, item.id, persist, call.exchange.time, persist ? nullptr : item.workbook->Clone());
  Reply reply = Reply::Json(201, {{"id", session.id}, {"persistChanges", persist}});
  reply.session_id = session.id;
  return reply;
}

Reply WorkbookRoutes::KeepOrClose(GraphCall& call, Drive& drive, DriveItem& item, bool close) {
  const auto session_id = call.exchange.headers.Get(kSessionHeader);
  if (!session_id || session_id->empty()) return SessionHeaderRequired();
  const auto& options = call.state.options;
  if (!call.state.sessions.Use(*session_id, drive.id, item.id, call.exchange.time,
                               options.session_idle_timeout,
                               options.scratch_session_idle_timeout)) {
    return SessionGone();
  }
  if (close) call.state.sessions.Close(*session_id);
  return Reply::Empty(204);
}

Reply WorkbookRoutes::Operation(GraphCall& call, Drive& drive, DriveItem& item,
                                const std::string& id) {
  SessionOperation* operation = call.state.sessions.FindOperation(id);
  if (!operation || operation->drive_id != drive.id || operation->item_id != item.id) {
    return Reply::Fail(
        GraphError::Excel(404, "itemNotFound", "The requested resource doesn't exist."));
  }
  if (++operation->polls <= call.state.options.async_polls_before_success) {
    return Reply::Json(200, {{"id", operation->id}, {"status", "running"}});
  }
  if (operation->session_id.empty()) {
    // The session starts to exist (and to idle) when the operation succeeds.
    operation->session_id =
        call.state.sessions
            .Create(drive.id, item.id, operation->persist_changes, call.exchange.time,
                    operation->persist_changes ? nullptr : item.workbook->Clone())
            .id;
  }
  return Reply::Json(
      200, {{"id", operation->id},
            {"status", "succeeded"},
            {"resourceLocation", WorkbookUrl(call, drive, item) + "/sessionInfoResource(key='" +
                                     operation->key + "')"}});
}

Reply WorkbookRoutes::SessionInfo(GraphCall& call, Drive& drive, DriveItem& item,
                                  const std::string& key) {
  SessionOperation* operation = call.state.sessions.FindOperationByKey(key);
  if (!operation || operation->session_id.empty() || operation->drive_id != drive.id ||
      operation->item_id != item.id) {
    return Reply::Fail(
        GraphError::Excel(404, "itemNotFound", "The requested resource doesn't exist."));
  }
  return Reply::Json(
      200, {{"id", operation->session_id}, {"persistChanges", operation->persist_changes}});
}

std::string WorkbookRoutes::WorkbookUrl(const GraphCall& call, const Drive& drive,
                                        const DriveItem& item) {
  return call.state.base_url + "/v1.0/drives/" + drive.id + "/items/" + item.id + "/workbook";
}

}  // namespace xlsync::fakes
