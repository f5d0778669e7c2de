#pragma once

#include <string>
#include <string_view>

#include "msgraph/workbook.h"

namespace xlsync::msgraph {

/// URL pieces and phrases shared by the .cc files of Workbook; internal to msgraph.

/// "/worksheets/%7B…%7D": the sheet by its id, braces kept and percent-encoded (msgraph.md §6.3).
std::string SheetPath(const Worksheet& sheet);
/// "/tables/{id}", the id percent-encoded (§6.7).
std::string TablePath(std::string_view table_id);
/// "the sheet \"Orders\"", for sentences.
std::string OnSheet(const Worksheet& sheet);
/// "?$select=a,b" with each name percent-encoded; "" for an empty selection.
std::string SelectQuery(std::string_view select);
/// "Sheet1!A1:J200" or "'My Sheet'!A1:J200" -> "A1:J200".
std::string BareAddress(const std::string& address);

}  // namespace xlsync::msgraph
