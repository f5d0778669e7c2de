#include "odoo/cell_converter.h"

#include <algorithm>

#include "excel/number_format.h"
#include "odoo/currency_formats.h"
#include "odoo/name_cache.h"
#include "odoo/related_fields.h"
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

bool IsNumeric(const Field& field) {
  return field.type == FieldType::kInteger || field.type == FieldType::kFloat ||
         field.type == FieldType::kMonetary;
}

// Odoo keeps percentages as 0-100 with the field's digits ("discount", digits [16, 2]); Excel
// keeps fractions and shows them with "%".
std::string PercentFormat(const Field& field) {
  return excel::DecimalFormat(field.digits ? field.digits->second : 2, false) + "%";
}

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

void AddOnce(std::vector<std::string>& names, const std::string& name) {
  if (!Contains(names, name)) names.push_back(name);
}

}  // namespace

core::Result<CellConverter> CellConverter::Create(const Schema& schema,
                                                  const std::vector<std::string>& fields,
                                                  ConvertOptions options, const RelatedPlan* plan) {
  if (fields.empty()) {
    return core::InvalidInput("No fields were chosen for Odoo model " + schema.model() +
                              ": choose at least one.");
  }
  CellConverter converter;
  converter.options_ = std::move(options);
  for (const std::string& name : fields) {
    const Field* related = plan != nullptr ? plan->Find(name) : nullptr;
    if (related != nullptr) {
      XLSYNC_RETURN_IF_ERROR(converter.AddColumn(schema, *related, true));
      continue;
    }
    auto resolved = schema.Resolve({name});
    if (!resolved) return std::move(resolved).error();
    XLSYNC_RETURN_IF_ERROR(converter.AddColumn(schema, *resolved->front(), false));
  }
  if (converter.columns_.empty()) {
    return core::InvalidInput("Every field chosen for Odoo model " + schema.model() +
                              " holds files, which cells cannot hold: choose other fields or "
                              "turn on file placeholders.");
  }
  if (plan != nullptr) {
    for (const std::string& name : plan->base_fields()) AddOnce(converter.read_fields_, name);
  }
  return converter;
}

// `related` fields come from a RelatedPlan, which already resolved the currency of their amounts
// to a dotted record key; plain amounts name a currency field of the base model (§8).
core::Result<void> CellConverter::AddColumn(const Schema& schema, const Field& field,
                                            bool related) {
  // Files do not fit in cells (and would cost megabytes per row), §9.2.
  if (field.type == FieldType::kBinary && !options_.binary_placeholder) {
    warnings_.push_back(BinaryWarning(field));
    return {};
  }
  Source source{field, Contains(options_.percent_fields, field.name), {}};
  if (source.percent && !IsNumeric(field)) {
    return core::InvalidInput("The field \"" + field.name + "\" (" + field.label +
                              ") is not a number, so it cannot be shown as a percentage: remove "
                              "it from percent_fields.");
  }
  if (!related) AddOnce(read_fields_, field.name);
  if (field.type == FieldType::kMonetary && !source.percent) {
    const Field* currency = related ? nullptr : schema.Find(field.currency_field);
    if (related) {
      source.currency = field.currency_field;
    } else if (currency != nullptr && currency->type == FieldType::kMany2one) {
      source.currency = currency->name;
      AddOnce(read_fields_, currency->name);
    }
    if (source.currency.empty()) {
      warnings_.push_back("The amounts of \"" + field.name + "\" (" + field.label +
                          ") do not name their currency in Odoo, so they show without a "
                          "currency symbol.");
    }
  }
  const std::string format = source.percent ? PercentFormat(field) : NumberFormatOf(field);
  columns_.push_back({field.name, options_.header_names ? field.name : field.label, format});
  sources_.push_back(std::move(source));
  return {};
}

bool CellConverter::needs_bin_size() const {
  return std::any_of(sources_.begin(), sources_.end(), [](const Source& source) {
    return source.field.type == FieldType::kBinary;
  });
}

std::vector<std::pair<std::string, std::string>> CellConverter::x2many_relations() const {
  std::vector<std::pair<std::string, std::string>> relations;
  if (options_.x2many_as_ids) return relations;
  for (const Source& source : sources_) {
    const Field& field = source.field;
    if (field.IsX2many() && !field.relation.empty()) {
      relations.emplace_back(field.name, field.relation);
    }
  }
  return relations;
}

std::vector<std::string> CellConverter::currency_fields() const {
  std::vector<std::string> keys;
  for (const Source& source : sources_) {
    if (!source.currency.empty()) AddOnce(keys, source.currency);
  }
  return keys;
}

core::Row CellConverter::Convert(const json& record, const NameCache& names,
                                 const CurrencyFormats* currencies) const {
  core::Row row;
  row.reserve(sources_.size());
  for (const Source& source : sources_) row.push_back(CellOf(source, record, names, currencies));
  return row;
}

core::Cell CellConverter::CellOf(const Source& source, const json& record, const NameCache& names,
                                 const CurrencyFormats* currencies) const {
  if (!record.is_object()) return core::Cell::Empty();
  const auto value = record.find(source.field.name);
  if (value == record.end()) return core::Cell::Empty();
  core::Cell cell = ConvertValue(source.field, *value, names);
  if (cell.kind != core::CellKind::kNumber) return cell;
  if (source.percent) {
    cell.number /= 100.0;
  } else if (!source.currency.empty() && currencies != nullptr) {
    const auto currency = record.find(source.currency);
    const auto id = currency == record.end() ? std::nullopt : Many2oneId(*currency);
    if (id) cell.number_format = std::string(currencies->Find(*id));
  }
  return cell;
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
