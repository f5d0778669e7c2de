#include "odoo/cell_converter.h"

#include <algorithm>

#include "excel/number_format.h"
#include "odoo/name_cache.h"
#include "odoo/value_cells.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

// Dates and datetimes are serials, so their format is what makes them dates in Excel; floats
// show the precision fields_get declares (`digits`), monetary amounts two decimals.
std::string NumberFormatOf(const Field& field) {
  switch (field.type) {
    case FieldType::kInteger:
    case FieldType::kMany2oneReference:
      return std::string(excel::kIntegerFormat);
    case FieldType::kFloat:
      return field.digits ? excel::DecimalFormat(field.digits->second, true) : std::string();
    case FieldType::kMonetary:
      return excel::DecimalFormat(2, true);
    case FieldType::kDate:
      return std::string(excel::kDateFormat);
    case FieldType::kDatetime:
      return std::string(excel::kDateTimeFormat);
    default:
      return {};
  }
}

std::string BinaryWarning(const Field& field) {
  return "The field \"" + field.name + "\" (" + field.label +
         ") holds files and was left out; turn on file placeholders to keep a column with each "
         "file's size.";
}

}  // namespace

core::Result<CellConverter> CellConverter::Create(const Schema& schema,
                                                  const std::vector<std::string>& fields,
                                                  ConvertOptions options) {
  if (fields.empty()) {
    return core::InvalidInput("No fields were chosen for Odoo model " + schema.model() +
                              ": choose at least one.");
  }
  auto resolved = schema.Resolve(fields);
  if (!resolved) return std::move(resolved).error();
  CellConverter converter;
  converter.options_ = std::move(options);
  for (const Field* field : *resolved) {
    // Files do not fit in cells (and would cost megabytes per row), §9.2.
    if (field->type == FieldType::kBinary && !converter.options_.binary_placeholder) {
      converter.warnings_.push_back(BinaryWarning(*field));
      continue;
    }
    converter.fields_.push_back(*field);
    converter.columns_.push_back({field->name, field->label, NumberFormatOf(*field)});
    auto& read = converter.read_fields_;
    if (std::find(read.begin(), read.end(), field->name) == read.end()) {
      read.push_back(field->name);
    }
  }
  if (converter.columns_.empty()) {
    return core::InvalidInput("Every field chosen for Odoo model " + schema.model() +
                              " holds files, which cells cannot hold: choose other fields or "
                              "turn on file placeholders.");
  }
  return converter;
}

bool CellConverter::needs_bin_size() const {
  return std::any_of(fields_.begin(), fields_.end(),
                     [](const Field& field) { return field.type == FieldType::kBinary; });
}

std::vector<std::pair<std::string, std::string>> CellConverter::x2many_relations() const {
  std::vector<std::pair<std::string, std::string>> relations;
  if (options_.x2many_as_ids) return relations;
  for (const Field& field : fields_) {
    if (field.IsX2many() && !field.relation.empty()) {
      relations.emplace_back(field.name, field.relation);
    }
  }
  return relations;
}

core::Row CellConverter::Convert(const json& record, const NameCache& names) const {
  core::Row row;
  row.reserve(fields_.size());
  for (const Field& field : fields_) {
    const auto value = record.is_object() ? record.find(field.name) : record.end();
    row.push_back(value == record.end() ? core::Cell::Empty() : ConvertValue(field, *value, names));
  }
  return row;
}

core::Cell CellConverter::ConvertValue(const Field& field, const json& value,
                                       const NameCache& names) const {
  switch (field.type) {
    case FieldType::kChar:
    case FieldType::kText:
    case FieldType::kReference:  // "model.name,42" as it comes
      return TextCell(value);
    case FieldType::kHtml:
      return HtmlCell(value);
    case FieldType::kInteger:
    case FieldType::kFloat:
    case FieldType::kMonetary:
      return NumberCell(value);
    case FieldType::kBoolean:
      return BooleanCell(value);
    case FieldType::kDate:
      return DateCell(value);
    case FieldType::kDatetime:
      return DatetimeCell(value, options_.time_zone);
    case FieldType::kSelection:
      return SelectionCell(value, field);
    case FieldType::kMany2one:
      return Many2oneCell(value);
    case FieldType::kOne2many:
    case FieldType::kMany2many:
      return X2manyCell(field, value, names);
    case FieldType::kBinary:
      return BinaryPlaceholderCell(value);
    case FieldType::kMany2oneReference:
      return Many2oneReferenceCell(value);
    case FieldType::kProperties:
    case FieldType::kJson:
    case FieldType::kOther:
      return JsonCell(value);
  }
  return JsonCell(value);
}

// Display names in id order (or the ids themselves), joined; an id whose name could not be
// fetched (deleted meanwhile) shows as its number.
core::Cell CellConverter::X2manyCell(const Field& field, const json& value,
                                     const NameCache& names) const {
  const std::vector<int64_t> ids = X2manyIds(value);
  if (ids.empty()) return core::Cell::Empty();
  std::string text;
  for (const int64_t id : ids) {
    if (!text.empty()) text += options_.x2many_separator;
    const auto name = options_.x2many_as_ids ? std::nullopt : names.Find(field.relation, id);
    text += name ? std::string(*name) : std::to_string(id);
  }
  return core::Cell::Text(std::move(text));
}

}  // namespace xlsync::odoo
