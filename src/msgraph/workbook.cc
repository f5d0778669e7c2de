#include "msgraph/workbook.h"

#include "core/text.h"
#include "http/url.h"
#include "msgraph/json_fields.h"
#include "msgraph/workbook_paths.h"

namespace xlsync::msgraph {
namespace {

core::Result<Worksheet> ReadWorksheet(const nlohmann::json& json) {
  Worksheet sheet;
  sheet.id = StringField(json, "id");
  sheet.name = StringField(json, "name");
  sheet.position = static_cast<int>(NumberField(json, "position").value_or(0));
  if (sheet.id.empty()) {
    return core::Unavailable(
        "Excel described a sheet without its id: try again in a few "
        "minutes.",
        "worksheet");
  }
  return sheet;
}

bool IsBlankCell(const nlohmann::json& range) {
  const nlohmann::json* values = Field(range, "values");
  if (!values || !values->is_array() || values->empty()) return true;
  const nlohmann::json& row = values->front();
  if (!row.is_array() || row.empty()) return true;
  const nlohmann::json& cell = row.front();
  return cell.is_null() || (cell.is_string() && cell.get<std::string>().empty());
}

}  // namespace

std::string RangePath(const Worksheet& sheet, std::string_view address) {
  // §6.4: the address is an OData string literal (single quotes doubled), then percent-encoded.
  std::string literal;
  for (char c : address) {
    literal.push_back(c);
    if (c == '\'') literal.push_back('\'');
  }
  return SheetPath(sheet) + "/range(address='" + http::PercentEncode(literal) + "')";
}

Workbook::Workbook(GraphClient& graph, const core::Clock& clock, core::Sleeper& sleeper,
                   DriveItem item)
    : graph_(graph),
      sleeper_(sleeper),
      item_(std::move(item)),
      session_(graph, clock, sleeper,
               "/drives/" + EncodePathSegment(item_.drive_id) + "/items/" +
                   EncodePathSegment(item_.item_id) + "/workbook") {}

core::Result<void> Workbook::Open() {
  if (session_.is_open()) return {};
  return session_.Create();
}

core::Result<void> Workbook::KeepAlive() { return session_.KeepAlive(); }

core::Result<void> Workbook::Close() { return session_.Close(); }

core::Result<nlohmann::json> Workbook::SendJson(http::Method method, const std::string& relative,
                                                std::string body, http::Idempotency idempotency,
                                                std::string_view what) {
  GraphRequest described;  // for the error of an unreadable reply
  described.method = method;
  described.path = session_.path() + relative;
  described.what = std::string(what);
  auto reply = session_.Send(method, relative, std::move(body), idempotency, what);
  if (!reply) return std::move(reply).error();
  return graph_.ParseReply(described, *reply);
}

core::Result<std::vector<Worksheet>> Workbook::Worksheets() {
  auto json = SendJson(http::Method::kGet, "/worksheets", "", http::Idempotency::kIdempotent,
                       "listing the sheets of \"" + item_.name + "\"");
  if (!json) return std::move(json).error();
  std::vector<Worksheet> sheets;
  const nlohmann::json* value = Field(*json, "value");
  if (!value || !value->is_array()) {
    return core::Unavailable(
        "Excel listed the sheets in an unexpected form: try again in a few "
        "minutes.",
        "worksheets");
  }
  for (const auto& each : *value) {
    auto sheet = ReadWorksheet(each);
    if (!sheet) return std::move(sheet).error();
    sheets.push_back(*std::move(sheet));
  }
  return sheets;
}

core::Result<Worksheet> Workbook::AddWorksheet(const std::string& name) {
  const std::string quoted = "\"" + name + "\"";
  // worksheets/add is not idempotent (a replay after an unanswered add meets its own sheet):
  // replayed only when provably not applied, i.e. on 429 (§4.2).
  auto json =
      SendJson(http::Method::kPost, "/worksheets/add", DumpJson(nlohmann::json{{"name", name}}),
               http::Idempotency::kNonIdempotent, "adding the sheet " + quoted);
  if (!json) {
    core::Error error = std::move(json).error();
    if (core::EqualsIgnoreCase(error.upstream, "InvalidArgument")) {
      error.message =
          "Excel does not accept " + quoted +
          " as a sheet name: use 1 to 31 "
          "characters without \\ / ? * [ ] : and not starting or ending with an apostrophe.";
    } else if (core::EqualsIgnoreCase(error.upstream, "ItemAlreadyExists")) {
      error.message = "A sheet named " + quoted + " already exists in \"" + item_.name +
                      "\": choose another sheet name.";
    }
    return error;
  }
  return ReadWorksheet(*json);
}

core::Result<std::optional<Worksheet>> Workbook::FindWorksheet(const std::string& name) {
  auto sheets = Worksheets();
  if (!sheets) return std::move(sheets).error();
  for (const auto& sheet : *sheets) {
    if (core::EqualsIgnoreCase(sheet.name, name)) return std::optional<Worksheet>(sheet);
  }
  return std::optional<Worksheet>();
}

core::Result<Worksheet> Workbook::FindOrAddWorksheet(const std::string& name, bool* created) {
  if (created) *created = false;
  auto existing = FindWorksheet(name);
  if (!existing) return std::move(existing).error();
  if (*existing) return **existing;
  auto added = AddWorksheet(name);
  if (added) {
    if (created) *created = true;
    return added;
  }
  if (core::EqualsIgnoreCase(added.error().upstream, "InvalidArgument")) return added;
  // The add may have been applied without an answer (504, reset), or raced with another
  // editor: look once more before giving up.
  auto again = FindWorksheet(name);
  if (again && *again) {
    if (created) *created = !core::EqualsIgnoreCase(added.error().upstream, "ItemAlreadyExists");
    return **again;
  }
  return added;
}

core::Result<std::optional<std::string>> Workbook::UsedRange(const Worksheet& sheet) {
  auto json = SendJson(
      http::Method::kGet, SheetPath(sheet) + "/usedRange(valuesOnly=true)" + SelectQuery("address"),
      "", http::Idempotency::kIdempotent, "reading the used range of " + OnSheet(sheet));
  if (!json) return std::move(json).error();
  const std::string address = BareAddress(StringField(*json, "address"));
  if (address.empty()) return std::optional<std::string>();
  if (address.find(':') != std::string::npos) return std::optional<std::string>(address);
  // §6.4: a blank sheet answers a single cell ("Sheet1!A1") whose value is empty; a sheet with
  // one filled cell answers the same address, so read that cell to tell them apart.
  auto cell = GetRange(sheet, address, "values");
  if (!cell) return std::move(cell).error();
  if (IsBlankCell(*cell)) return std::optional<std::string>();
  return std::optional<std::string>(address);
}

core::Result<void> Workbook::ClearRange(const Worksheet& sheet, const std::string& address) {
  auto json =
      SendJson(http::Method::kPost, RangePath(sheet, address) + "/clear", R"({"applyTo":"All"})",
               http::Idempotency::kIdempotent, "clearing " + address + " on " + OnSheet(sheet));
  if (!json) return std::move(json).error();
  return {};
}

core::Result<size_t> Workbook::PatchRange(const Worksheet& sheet, const std::string& address,
                                          const std::string& json_body) {
  // §6.4: a PATCH to a fixed address rewrites the same cells, so a replay is harmless.
  auto reply =
      session_.Send(http::Method::kPatch, RangePath(sheet, address), json_body,
                    http::Idempotency::kIdempotent, "writing " + address + " on " + OnSheet(sheet));
  if (!reply) return std::move(reply).error();
  return reply->body.size();
}

core::Result<nlohmann::json> Workbook::GetRange(const Worksheet& sheet, const std::string& address,
                                                std::string_view select) {
  return SendJson(http::Method::kGet, RangePath(sheet, address) + SelectQuery(select), "",
                  http::Idempotency::kIdempotent, "reading " + address + " on " + OnSheet(sheet));
}

core::Result<std::string> Workbook::GetRangeText(const Worksheet& sheet, const std::string& address,
                                                std::string_view select) {
  auto reply = session_.Send(http::Method::kGet, RangePath(sheet, address) + SelectQuery(select), "",
                             http::Idempotency::kIdempotent, "reading " + address + " on " + OnSheet(sheet));
  if (!reply) return std::move(reply).error();
  return std::move(reply->body);
}

}  // namespace xlsync::msgraph
