#pragma once

#include <date/tz.h>

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/cell.h"
#include "core/result.h"
#include "odoo/field.h"
#include "odoo/schema.h"

namespace xlsync::odoo {

class CurrencyFormats;
class NameCache;
class RelatedPlan;

struct ConvertOptions {
  const date::time_zone* time_zone = nullptr;  // for datetimes; nullptr = UTC
  bool x2many_as_ids = false;                  // "3, 7" instead of display names
  /// Keep binary fields as a "[file: 12.34 Kb]" column instead of leaving them out; read them
  /// with Context::bin_size so Odoo sends the size, not the file (needs_bin_size()).
  bool binary_placeholder = false;
  std::string x2many_separator = ", ";
  /// Numeric fields Odoo keeps as 0-100 ("discount"): cells hold value/100 with a "0.00%" format.
  std::vector<std::string> percent_fields;
  /// Column labels are the technical names (dotted paths for related fields), not the labels.
  bool header_names = false;
};

/// Turns records of one model into rows of typed cells (odoo-api.md §9.2). Columns follow the
/// requested field order; binary fields are left out with a warning unless binary_placeholder.
/// Amounts carry the format of their record's currency, percentages are fractions.
/// Immutable once created; Convert may run on several threads.
class CellConverter {
 public:
  /// `plan` resolves dotted (related) names to their leaf fields; nullptr = plain names only.
  static core::Result<CellConverter> Create(const Schema& schema,
                                            const std::vector<std::string>& fields,
                                            ConvertOptions options,
                                            const RelatedPlan* plan = nullptr);

  /// field, label (fields_get string), number_format ("" = General).
  const std::vector<core::Column>& columns() const { return columns_; }
  /// e.g. "The field \"image_1920\" (Image) holds files and was left out; ..."
  const std::vector<std::string>& warnings() const { return warnings_; }
  /// The base-model fields to ask Odoo for, once each: the plain columns, the currencies of their
  /// amounts and the many2one fields related columns start from.
  const std::vector<std::string>& read_fields() const { return read_fields_; }
  /// True when a binary placeholder column needs Context::bin_size.
  bool needs_bin_size() const;
  /// (field, comodel) of the x2many columns that need display names (none with x2many_as_ids).
  std::vector<std::pair<std::string, std::string>> x2many_relations() const;

  /// The record keys holding the currency (many2one to res.currency) of amount columns: "currency_id",
  /// "order_id.currency_id" (written by RelatedPlan::Expand), once each.
  std::vector<std::string> currency_fields() const;

  /// One row, one cell per column; fields missing from the record give empty cells. Amounts get
  /// the format of their currency from `currencies` (nullptr: the column's format).
  core::Row Convert(const nlohmann::json& record, const NameCache& names,
                    const CurrencyFormats* currencies = nullptr) const;

 private:
  /// What one column is made from.
  struct Source {
    Field field;
    bool percent = false;
    std::string currency;  // record key of the amount's currency; "" = the column's format
  };

  CellConverter() = default;
  core::Result<void> AddColumn(const Schema& schema, const Field& field, bool related);
  core::Cell CellOf(const Source& source, const nlohmann::json& record, const NameCache& names,
                    const CurrencyFormats* currencies) const;
  core::Cell ConvertValue(const Field& field, const nlohmann::json& value,
                          const NameCache& names) const;
  core::Cell X2manyCell(const Field& field, const nlohmann::json& value,
                        const NameCache& names) const;

  ConvertOptions options_;
  std::vector<Source> sources_;  // one per column
  std::vector<core::Column> columns_;
  std::vector<std::string> warnings_;
  std::vector<std::string> read_fields_;
};

}  // namespace xlsync::odoo
