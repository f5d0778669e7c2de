#include "testing/fake_graph/range_routes.h"

#include "core/text.h"
#include "testing/fake_graph/format_routes.h"
#include "testing/fake_graph/odata_path.h"
#include "testing/fake_graph/range_json.h"
#include "testing/fake_graph/range_patch.h"
#include "testing/fake_graph/route_helpers.h"
#include "testing/fake_graph/sheet_edit.h"

namespace xlsync::fakes {
namespace {

Reply Invalid(std::string message) {
  return Reply::Fail(GraphError::Excel(400, "invalidArgument", std::move(message)));
}

void Touch(GraphCall& call, WorkbookTarget& target) {
  if (target.persisted) call.state.drives.MarkModified(*target.item, call.exchange.time);
}

/// The range a "range(address='..')" or "usedRange(valuesOnly=..)" segment names.
std::optional<Reply> Resolve(const ODataCall& segment, const Worksheet& sheet, GridRange& range,
                             bool& used_range) {
  if (core::EqualsIgnoreCase(segment.name, "usedRange")) {
    const auto values_only = segment.arguments.find("valuesOnly");
    const bool only = values_only != segment.arguments.end() && values_only->second == "true";
    if (values_only != segment.arguments.end() && values_only->second != "true" &&
        values_only->second != "false") {
      return RouteHelpers::QuerySyntax();
    }
    used_range = true;
    // msgraph.md §6.4: a blank sheet's used range is A1.
    range = sheet.cells.UsedRange(only).value_or(GridRange{});
    return std::nullopt;
  }
  if (!core::EqualsIgnoreCase(segment.name, "range"))
    return RouteHelpers::UnknownSegment(segment.name);
  const auto address = segment.arguments.find("address");
  if (address == segment.arguments.end()) {
    return Reply::Fail(
        GraphError::BadRequest("The range needs an address, such as range(address='A1:C3')."));
  }
  auto parsed = ParseAddress(address->second);
  if (!parsed) return Reply::Fail(GraphError::FromCore(parsed.error()));
  if (parsed->sheet && !core::EqualsIgnoreCase(*parsed->sheet, sheet.name)) {
    return Invalid("The address '" + address->second + "' names a sheet other than '" + sheet.name +
                   "'.");
  }
  range = parsed->range;
  return std::nullopt;
}

}  // namespace

Reply RangeRoutes::Handle(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                          std::span<const std::string> rest) {
  const std::string first = ODataPath::Decode(rest[0]);
  const auto segment = ODataPath::ParseCall(first);
  if (!segment) return RouteHelpers::QuerySyntax();
  GridRange range;
  bool used_range = false;
  if (auto refused = Resolve(*segment, sheet, range, used_range)) return std::move(*refused);
  return OnRange(call, target, sheet, range, !used_range, rest.subspan(1));
}

Reply RangeRoutes::OnRange(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                           const GridRange& range, bool writable,
                           std::span<const std::string> rest) {
  const std::string& method = call.exchange.method;
  if (rest.empty()) {
    if (method == "GET") return Read(call, sheet, range);
    if (method == "PATCH" && writable) return Write(call, target, sheet, range);
    return RouteHelpers::MethodNotAllowed();
  }
  const std::string action = ODataPath::Decode(rest[0]);
  if (action == "format") return FormatRoutes::Handle(call, target, sheet, range, rest.subspan(1));
  if (rest.size() != 1 || (action != "clear" && action != "delete" && action != "insert")) {
    return RouteHelpers::UnknownSegment(action);
  }
  if (method != "POST") return RouteHelpers::MethodNotAllowed();
  if (action == "clear") return Clear(call, target, sheet, range);
  return Shift(call, target, sheet, range, action == "insert");
}

Reply RangeRoutes::Read(GraphCall& call, const Worksheet& sheet, const GridRange& range) {
  auto select = RangeJson::Select(call.exchange);
  if (!select) return Reply::Fail(GraphError::BadRequest(select.error().message));
  // msgraph.md §6.5: range reads are limited to 5,000,000 cells: reads that load cells (a
  // $select of address and counts only, as for a used range's extent, loads none).
  if (!range.unbounded() && RangeJson::LoadsCells(*select) &&
      static_cast<std::size_t>(range.cells()) > call.state.options.max_read_cells) {
    return Reply::Fail(GraphError::Excel(
        400, "rangeExceedsLimit",
        "The range has more cells than can be read in one request: read it in smaller blocks."));
  }
  return Reply::JsonText(200, RangeJson::Render(sheet, range, *select));
}

Reply RangeRoutes::Write(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                         const GridRange& range) {
  auto select = RangeJson::Select(call.exchange);
  if (!select) return Reply::Fail(GraphError::BadRequest(select.error().message));
  const auto body = RouteHelpers::ParseBody(call.exchange.body);
  if (!body) return RouteHelpers::InvalidJson();
  if (range.unbounded()) {
    return Invalid(
        "An unbounded range such as A:B or 1:4 cannot be written: give both corners, such as A1:B4.");
  }
  const std::size_t cap = call.state.options.max_cells_per_request;
  if (cap > 0 && static_cast<std::size_t>(range.cells()) > cap) {
    return Reply::Fail(GraphError::Excel(
        413, "rangeExceedsLimit",
        "The range has more cells than one request may write: use several smaller ranges."));
  }
  auto patch = RangePatch::Prepare(*body, range);
  if (!patch) {
    const core::Error& error = patch.error();
    if (error.upstream == "notImplemented") {
      return Reply::Fail(GraphError::Service(501, "notImplemented", error.message));
    }
    if (error.upstream.empty()) return Reply::Fail(GraphError::BadRequest(error.message));
    return Reply::Fail(GraphError::FromCore(error));
  }
  auto written = patch->Apply(sheet.cells);
  if (!written) return Reply::Fail(GraphError::FromCore(written.error()));
  // msgraph.md §6.7: header cells stay unique text, whatever a PATCH writes into them.
  target.workbook->tables().SyncHeaders(sheet.id, range, sheet.cells);
  Touch(call, target);
  Reply reply = Reply::JsonText(200, RangeJson::Render(sheet, range, *select));
  reply.cells_written = *written;
  return reply;
}

Reply RangeRoutes::Clear(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                         const GridRange& range) {
  const auto body = RouteHelpers::ParseBody(call.exchange.body);
  if (!body) return RouteHelpers::InvalidJson();
  std::string apply_to = "All";
  if (body->is_object() && body->contains("applyTo")) {
    if (!(*body)["applyTo"].is_string())
      return Invalid("applyTo must be All, Formats or Contents.");
    apply_to = (*body)["applyTo"].get<std::string>();
  }
  const bool all = core::EqualsIgnoreCase(apply_to, "All");
  const bool contents = all || core::EqualsIgnoreCase(apply_to, "Contents");
  const bool formats = all || core::EqualsIgnoreCase(apply_to, "Formats");
  if (!contents && !formats) return Invalid("applyTo must be All, Formats or Contents.");
  sheet.cells.Clear(range, contents, formats);
  if (contents) target.workbook->tables().SyncHeaders(sheet.id, range, sheet.cells);
  Touch(call, target);
  return Reply::Empty(204);
}

Reply RangeRoutes::Shift(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                         const GridRange& range, bool insert) {
  auto select = RangeJson::Select(call.exchange);
  if (!select) return Reply::Fail(GraphError::BadRequest(select.error().message));
  const auto body = RouteHelpers::ParseBody(call.exchange.body);
  if (!body) return RouteHelpers::InvalidJson();
  const auto shift = body->is_object() && body->contains("shift") && (*body)["shift"].is_string()
                         ? (*body)["shift"].get<std::string>()
                         : std::string();
  // msgraph.md §6.4: insert shifts Down or Right, delete shifts Up or Left.
  const std::string_view along = insert ? "Down" : "Up";
  const std::string_view across = insert ? "Right" : "Left";
  if (!core::EqualsIgnoreCase(shift, along) && !core::EqualsIgnoreCase(shift, across)) {
    return Invalid("shift must be " + std::string(along) + " or " + std::string(across) + ".");
  }
  const bool vertical = core::EqualsIgnoreCase(shift, along);
  core::Result<void> done =
      insert ? SheetEdit::Insert(*target.workbook, sheet, range,
                                 vertical ? ShiftDirection::kDown : ShiftDirection::kRight)
             : SheetEdit::Delete(*target.workbook, sheet, range,
                                 vertical ? ShiftDirection::kUp : ShiftDirection::kLeft);
  if (!done) return Reply::Fail(GraphError::FromCore(done.error()));
  Touch(call, target);
  // msgraph.md §6.4: insert answers the new range, delete answers nothing.
  return insert ? Reply::JsonText(200, RangeJson::Render(sheet, range, *select)) : Reply::Empty(204);
}

}  // namespace xlsync::fakes
