#pragma once

#include <string>
#include <string_view>

namespace xlsync::odoo {

/// Plain text of an Odoo html field value (odoo-api.md §9.2): tags removed, <br> and the ends
/// of blocks (p, div, li, headings, rows...) become line breaks, entities are decoded,
/// whitespace is collapsed as a browser would, at most one blank line is kept, and the result
/// is trimmed, so "<p><br></p>" gives "".
std::string HtmlToText(std::string_view html);

}  // namespace xlsync::odoo
