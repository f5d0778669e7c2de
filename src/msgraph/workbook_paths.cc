#include "msgraph/workbook_paths.h"

#include "core/text.h"
#include "http/url.h"

namespace xlsync::msgraph {

std::string SheetPath(const Worksheet& sheet) {
  // §6.3: ids keep their braces, percent-encoded; dropping them gives 404.
  return "/worksheets/" + http::PercentEncode(sheet.id);
}

std::string TablePath(std::string_view table_id) {
  return "/tables/" + http::PercentEncode(table_id);
}

std::string OnSheet(const Worksheet& sheet) { return "the sheet \"" + sheet.name + "\""; }

// $select takes a comma-separated list: encode each name, keep the commas.
std::string SelectQuery(std::string_view select) {
  if (select.empty()) return "";
  std::string query = "?$select=";
  bool first = true;
  for (const auto& name : core::Split(select, ',')) {
    if (!first) query += ",";
    query += http::PercentEncode(core::Trim(name));
    first = false;
  }
  return query;
}

// A sheet name may contain '!' only inside quotes, before the last one.
std::string BareAddress(const std::string& address) {
  const auto bang = address.rfind('!');
  return bang == std::string::npos ? address : address.substr(bang + 1);
}

}  // namespace xlsync::msgraph
