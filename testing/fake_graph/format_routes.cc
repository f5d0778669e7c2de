#include "testing/fake_graph/format_routes.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <set>
#include <vector>

#include "core/text.h"
#include "testing/fake_graph/autofit.h"
#include "testing/fake_graph/number_text.h"
#include "testing/fake_graph/odata_path.h"
#include "testing/fake_graph/route_helpers.h"

namespace xlsync::fakes {
namespace {

using StyleChange = std::function<void(CellStyle&)>;

constexpr std::array<std::string_view, 8> kHorizontal = {
    "General",    "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection",
    "Distributed"};
constexpr std::array<std::string_view, 5> kVertical = {"Top", "Center", "Bottom", "Justify",
                                                       "Distributed"};

Reply BadField(std::string_view name, std::string_view expected) {
  return Reply::Fail(GraphError::Excel(
      400, "invalidArgument",
      "The property '" + std::string(name) + "' must be " + std::string(expected) + "."));
}

Reply UnknownProperty(std::string_view name, std::string_view type) {
  return Reply::Fail(GraphError::BadRequest(
      "The property '" + std::string(name) + "' does not exist on type '" + std::string(type) +
      "'. Make sure to only use property names that are defined by the type."));
}

Reply NotImplemented(std::string message) {
  return Reply::Fail(GraphError::Service(501, "notImplemented", std::move(message)));
}

void Touch(GraphCall& call, WorkbookTarget& target) {
  if (target.persisted) call.state.drives.MarkModified(*target.item, call.exchange.time);
}

/// "#rrggbb" in upper case, or nullopt.
std::optional<std::string> Color(const nlohmann::json& value) {
  if (!value.is_string()) return std::nullopt;
  std::string color = value.get<std::string>();
  if (color.size() != 7 || color[0] != '#' ||
      !std::all_of(color.begin() + 1, color.end(),
                   [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; })) {
    return std::nullopt;
  }
  for (char& c : color) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return color;
}

/// The one spelling of `value` in `allowed` (case-insensitive), or nullopt.
template <std::size_t N>
std::optional<std::string> OneOf(const nlohmann::json& value,
                                 const std::array<std::string_view, N>& allowed) {
  if (!value.is_string()) return std::nullopt;
  for (auto name : allowed) {
    if (core::EqualsIgnoreCase(name, value.get<std::string>())) return std::string(name);
  }
  return std::nullopt;
}

std::optional<Reply> CheckSize(const GraphCall& call, const GridRange& range) {
  // msgraph.md §6.5: the 5,000,000-cell read limit, applied to cell formats too.
  if (!range.unbounded() &&
      static_cast<std::size_t>(range.cells()) > call.state.options.max_read_cells) {
    return Reply::Fail(GraphError::Excel(
        400, "rangeExceedsLimit",
        "The range has more cells than can be formatted in one request: use smaller ranges."));
  }
  return std::nullopt;
}

std::optional<Reply> Restyle(GraphCall& call, Worksheet& sheet, const GridRange& range,
                             const std::vector<StyleChange>& changes) {
  if (changes.empty()) return std::nullopt;
  if (range.unbounded()) {
    return NotImplemented(
        "The fake Graph does not implement cell formats on unbounded ranges: give both corners, "
        "such as A1:J1.");
  }
  if (auto refused = CheckSize(call, range)) return refused;
  const bool done = sheet.cells.Restyle(range, [&](CellStyle& style) {
    for (const auto& change : changes) change(style);
  });
  if (!done) {
    return Reply::Fail(GraphError::Excel(400, "invalidArgument",
                                         "The sheet already uses 65,535 different cell styles."));
  }
  return std::nullopt;
}

/// The distinct styles of the range's cells (blank cells have the default style).
std::vector<const CellStyle*> StylesIn(const SheetCells& cells, const GridRange& range) {
  std::set<const CellStyle*> styles;
  const int last_row = std::min(range.last_row, cells.stored_rows() - 1);
  bool blank = range.last_row > last_row;
  for (int row = range.first_row; row <= last_row; ++row) {
    const int last_column = std::min(range.last_column, cells.stored_columns(row) - 1);
    blank = blank || range.last_column > last_column;
    for (int column = range.first_column; column <= last_column; ++column) {
      styles.insert(cells.Get(row, column).style);
    }
  }
  if (blank) styles.insert(cells.Get(-1, 0).style);
  return {styles.begin(), styles.end()};
}

template <typename T>
nlohmann::json Uniform(const std::vector<const CellStyle*>& styles, T CellStyle::*member) {
  if (styles.empty()) return nullptr;
  for (const CellStyle* style : styles) {
    if (!(style->*member == styles[0]->*member)) return nullptr;
  }
  return styles[0]->*member;
}

/// The size shared by every index in [first, last], or null.
nlohmann::json UniformSize(const std::map<int, double>& sizes, int first, int last,
                           double fallback) {
  const auto begin = sizes.lower_bound(first);
  const auto end = sizes.upper_bound(last);
  const auto count = std::distance(begin, end);
  if (count == 0) return fallback;
  if (count != last - first + 1) return nullptr;
  for (auto at = begin; at != end; ++at) {
    if (at->second != begin->second) return nullptr;
  }
  return begin->second;
}

nlohmann::json FormatJson(const Worksheet& sheet, const GridRange& range) {
  const auto styles = StylesIn(sheet.cells, range);
  return {{"@odata.type", "#microsoft.graph.workbookRangeFormat"},
          {"columnWidth", UniformSize(sheet.layout.column_widths, range.first_column,
                                      range.last_column, SheetLayout::kDefaultColumnWidth)},
          {"rowHeight", UniformSize(sheet.layout.row_heights, range.first_row, range.last_row,
                                    SheetLayout::kDefaultRowHeight)},
          {"horizontalAlignment", Uniform(styles, &CellStyle::horizontal_alignment)},
          {"verticalAlignment", Uniform(styles, &CellStyle::vertical_alignment)},
          {"wrapText", Uniform(styles, &CellStyle::wrap_text)}};
}

nlohmann::json FontJson(const Worksheet& sheet, const GridRange& range) {
  const auto styles = StylesIn(sheet.cells, range);
  return {{"@odata.type", "#microsoft.graph.workbookRangeFont"},
          {"bold", Uniform(styles, &CellStyle::bold)},
          {"color", Uniform(styles, &CellStyle::font_color)},
          {"italic", Uniform(styles, &CellStyle::italic)},
          {"name", Uniform(styles, &CellStyle::font_name)},
          {"size", Uniform(styles, &CellStyle::font_size)},
          {"underline", "None"}};
}

nlohmann::json FillJson(const Worksheet& sheet, const GridRange& range) {
  nlohmann::json color = Uniform(StylesIn(sheet.cells, range), &CellStyle::fill_color);
  if (color == "") color = "#FFFFFF";  // no fill reads as white
  return {{"@odata.type", "#microsoft.graph.workbookRangeFill"}, {"color", std::move(color)}};
}

/// What one format PATCH changes.
struct FormatPatch {
  std::optional<double> width;
  std::optional<double> height;
  std::vector<StyleChange> changes;
};

std::optional<Reply> ReadFormatProperty(const std::string& key, const nlohmann::json& value,
                                        FormatPatch& patch) {
  if (key == "columnWidth" || key == "rowHeight") {
    // Excel's limits: 255 characters wide (1342.5 pt), 409.5 pt tall.
    const double limit = key == "columnWidth" ? 1342.5 : 409.5;
    if (!value.is_number() || value.get<double>() < 0 || value.get<double>() > limit) {
      return BadField(key, "a number of points from 0 to " + NumberText::General(limit));
    }
    (key == "columnWidth" ? patch.width : patch.height) = value.get<double>();
  } else if (key == "wrapText") {
    if (!value.is_boolean()) return BadField(key, "true or false");
    patch.changes.push_back([wrap = value.get<bool>()](CellStyle& s) { s.wrap_text = wrap; });
  } else if (key == "horizontalAlignment" || key == "verticalAlignment") {
    const bool horizontal = key == "horizontalAlignment";
    auto align = horizontal ? OneOf(value, kHorizontal) : OneOf(value, kVertical);
    if (!align) {
      return BadField(key, horizontal ? "General, Left, Center, Right, Fill, Justify, "
                                        "CenterAcrossSelection or Distributed"
                                      : "Top, Center, Bottom, Justify or Distributed");
    }
    patch.changes.push_back([horizontal, align = *align](CellStyle& s) {
      (horizontal ? s.horizontal_alignment : s.vertical_alignment) = align;
    });
  } else {
    return UnknownProperty(key, "microsoft.graph.workbookRangeFormat");
  }
  return std::nullopt;
}

std::optional<Reply> ReadFontProperty(const std::string& key, const nlohmann::json& value,
                                      FormatPatch& patch) {
  if (key == "bold" || key == "italic") {
    if (!value.is_boolean()) return BadField(key, "true or false");
    const bool bold = key == "bold";
    patch.changes.push_back(
        [bold, on = value.get<bool>()](CellStyle& s) { (bold ? s.bold : s.italic) = on; });
  } else if (key == "color") {
    auto color = Color(value);
    if (!color) return BadField(key, "a colour such as #1F4E79");
    patch.changes.push_back([color = *color](CellStyle& s) { s.font_color = color; });
  } else if (key == "size") {
    if (!value.is_number() || value.get<double>() < 1 || value.get<double>() > 409) {
      return BadField(key, "a number of points from 1 to 409");
    }
    patch.changes.push_back([size = value.get<double>()](CellStyle& s) { s.font_size = size; });
  } else if (key == "name") {
    if (!value.is_string() || value.get<std::string>().empty() ||
        value.get<std::string>().size() > 31) {
      return BadField(key, "a font name of 1 to 31 characters");
    }
    patch.changes.push_back(
        [name = value.get<std::string>()](CellStyle& s) { s.font_name = name; });
  } else if (key == "underline" || key == "strikethrough") {
    return NotImplemented("The fake Graph does not implement setting '" + key + "'.");
  } else {
    return UnknownProperty(key, "microsoft.graph.workbookRangeFont");
  }
  return std::nullopt;
}

std::optional<Reply> ReadFillProperty(const std::string& key, const nlohmann::json& value,
                                      FormatPatch& patch) {
  if (key != "color") return UnknownProperty(key, "microsoft.graph.workbookRangeFill");
  auto color = Color(value);
  if (!color) return BadField(key, "a colour such as #DDEBF7");
  patch.changes.push_back([color = *color](CellStyle& s) { s.fill_color = color; });
  return std::nullopt;
}

/// The format, font or fill object: how it reads and which properties a PATCH takes.
struct Part {
  nlohmann::json (*read)(const Worksheet&, const GridRange&);
  std::optional<Reply> (*take)(const std::string&, const nlohmann::json&, FormatPatch&);
};

Part PartNamed(std::string_view name) {
  if (name == "font") return {FontJson, ReadFontProperty};
  if (name == "fill") return {FillJson, ReadFillProperty};
  return {FormatJson, ReadFormatProperty};
}

void ApplySizes(const FormatPatch& patch, Worksheet& sheet, const GridRange& range) {
  for (int column = range.first_column; patch.width && column <= range.last_column; ++column) {
    sheet.layout.SetColumnWidth(column, *patch.width);
  }
  for (int row = range.first_row; patch.height && row <= range.last_row; ++row) {
    sheet.layout.SetRowHeight(row, *patch.height);
  }
}

}  // namespace

Reply FormatRoutes::Handle(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                           const GridRange& range, std::span<const std::string> rest) {
  const std::string& method = call.exchange.method;
  if (rest.empty()) return Object(call, target, sheet, range, "");
  const std::string part = ODataPath::Decode(rest[0]);
  if (part == "fill" && rest.size() == 2 && ODataPath::Decode(rest[1]) == "clear") {
    if (method != "POST") return RouteHelpers::MethodNotAllowed();
    if (auto refused = Restyle(call, sheet, range, {[](CellStyle& s) { s.fill_color.clear(); }}))
      return std::move(*refused);
    Touch(call, target);
    return Reply::Empty(204);
  }
  if (rest.size() != 1) return RouteHelpers::UnknownSegment(ODataPath::Decode(rest[1]));
  if (part == "font" || part == "fill") return Object(call, target, sheet, range, part);
  if (part != "autofitColumns" && part != "autofitRows") return RouteHelpers::UnknownSegment(part);
  if (method != "POST") return RouteHelpers::MethodNotAllowed();
  return Fit(call, target, sheet, range, part == "autofitColumns");
}

Reply FormatRoutes::Object(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                           const GridRange& range, std::string_view name) {
  const Part part = PartNamed(name);
  const std::string& method = call.exchange.method;
  if (auto refused = CheckSize(call, range)) return std::move(*refused);
  if (method == "GET") return Reply::Json(200, part.read(sheet, range));
  if (method != "PATCH") return RouteHelpers::MethodNotAllowed();
  const auto body = RouteHelpers::ParseBody(call.exchange.body);
  if (!body) return RouteHelpers::InvalidJson();
  if (!body->is_object()) return BadField("body", "a JSON object");
  FormatPatch patch;
  for (const auto& [key, value] : body->items()) {
    if (key.starts_with("@odata.")) continue;
    if (auto refused = part.take(key, value, patch)) return std::move(*refused);
  }
  // Everything is checked before anything changes: a refusal leaves the sheet as it was.
  if (patch.height && range.whole_columns) {
    return NotImplemented("The fake Graph does not implement rowHeight on whole columns.");
  }
  if (auto refused = Restyle(call, sheet, range, patch.changes)) return std::move(*refused);
  ApplySizes(patch, sheet, range);
  Touch(call, target);
  return Reply::Json(200, part.read(sheet, range));
}

Reply FormatRoutes::Fit(GraphCall& call, WorkbookTarget& target, Worksheet& sheet,
                        const GridRange& range, bool columns) {
  if (columns) {
    Autofit::Columns(sheet, range);
  } else {
    Autofit::Rows(sheet, range);
  }
  Touch(call, target);
  // msgraph.md §6.8: 200 with no body.
  return Reply::Empty(200);
}

}  // namespace xlsync::fakes
