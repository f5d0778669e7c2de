#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace xlsync::fakes {

/// The Odoo field types the fake serves (odoo-api.md §8, §9.2).
enum class FieldType {
  kChar,
  kText,
  kHtml,
  kInteger,
  kFloat,
  kMonetary,
  kBoolean,
  kDate,
  kDatetime,
  kSelection,
  kMany2one,
  kOne2many,
  kMany2many,
  kBinary,
};

/// Odoo's name for a field type ("many2one").
std::string_view FieldTypeName(FieldType type);
bool IsRelational(FieldType type);
bool IsX2many(FieldType type);
bool IsTextual(FieldType type);  // char, text, html
bool IsNumeric(FieldType type);  // integer, float, monetary

struct ModelDef;

/// One field of a fake model, with the attributes fields_get reports. Labels have an en_US
/// text and an optional fr_FR translation (empty = not translated).
struct FieldDef {
  std::string name;
  FieldType type = FieldType::kChar;
  std::string label;
  std::string label_fr;
  std::string help;
  bool required = false;
  bool readonly = false;
  bool store = true;
  bool searchable = true;
  bool sortable = true;
  std::string relation;
  std::string relation_field;
  const ModelDef* comodel = nullptr;  // resolved `relation`, set by the Schema
  std::vector<std::pair<std::string, std::string>> selection;
  std::vector<std::string> selection_fr;
  nlohmann::json digits;  // null = free precision; [16, 2] or 0 as Odoo reports it
  std::string currency_field;
  std::string groups;  // comma-separated group xml ids; empty = everyone
  bool attachment = false;
  int index = 0;  // position in ModelDef::fields
};

/// One fake model: its fields, default order (_order), description and access groups.
/// Generated models have ids 1..N made on demand; fixed models have a small table.
struct ModelDef {
  std::string name;
  std::string description;
  std::string order = "id";
  bool generated = false;
  std::vector<std::string> read_groups;   // shown in the ACL AccessError message
  std::vector<std::string> write_groups;
  std::vector<FieldDef> fields;
  int index = 0;  // position in the Schema

  const FieldDef* Find(std::string_view field_name) const;
  bool Has(std::string_view field_name) const { return Find(field_name) != nullptr; }
  /// Indexes the fields by name; call once after the fields are complete.
  void BuildIndex();

  std::unordered_map<std::string, int> by_name;  // filled by BuildIndex()
};

}  // namespace xlsync::fakes
