#include "testing/fake_odoo/model_def.h"

namespace xlsync::fakes {

std::string_view FieldTypeName(FieldType type) {
  switch (type) {
    case FieldType::kChar: return "char";
    case FieldType::kText: return "text";
    case FieldType::kHtml: return "html";
    case FieldType::kInteger: return "integer";
    case FieldType::kFloat: return "float";
    case FieldType::kMonetary: return "monetary";
    case FieldType::kBoolean: return "boolean";
    case FieldType::kDate: return "date";
    case FieldType::kDatetime: return "datetime";
    case FieldType::kSelection: return "selection";
    case FieldType::kMany2one: return "many2one";
    case FieldType::kOne2many: return "one2many";
    case FieldType::kMany2many: return "many2many";
    case FieldType::kBinary: return "binary";
  }
  return "char";
}

bool IsRelational(FieldType type) {
  return type == FieldType::kMany2one || IsX2many(type);
}

bool IsX2many(FieldType type) {
  return type == FieldType::kOne2many || type == FieldType::kMany2many;
}

bool IsTextual(FieldType type) {
  return type == FieldType::kChar || type == FieldType::kText || type == FieldType::kHtml;
}

bool IsNumeric(FieldType type) {
  return type == FieldType::kInteger || type == FieldType::kFloat || type == FieldType::kMonetary;
}

const FieldDef* ModelDef::Find(std::string_view field_name) const {
  auto it = by_name.find(std::string(field_name));
  return it == by_name.end() ? nullptr : &fields[static_cast<size_t>(it->second)];
}

void ModelDef::BuildIndex() {
  by_name.clear();
  for (size_t i = 0; i < fields.size(); ++i) {
    fields[i].index = static_cast<int>(i);
    by_name[fields[i].name] = static_cast<int>(i);
  }
}

}  // namespace xlsync::fakes
