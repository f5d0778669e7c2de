#pragma once

#include <string>
#include <vector>

#include "odoo/cell_converter.h"
#include "odoo/client.h"
#include "odoo/currency_formats.h"
#include "odoo/name_cache.h"
#include "odoo/record_reader.h"
#include "odoo/related_fields.h"
#include "sync/record_source.h"

namespace xlsync::sync {

/// Adapts Odoo to RecordSource: pages from odoo::RecordReader, related (dotted) fields added with
/// one read per relation and page (RelatedPlan), x2many display names fetched once per page and
/// relation (NameCache), currency formats once per currency and run, records converted to cells.
class OdooRecordSource final : public RecordSource {
 public:
  OdooRecordSource(odoo::Client& client, odoo::ReadSpec spec, odoo::CellConverter converter,
                   odoo::RelatedPlan plan = {});

  const std::vector<core::Column>& columns() const override { return converter_.columns(); }
  core::Result<std::optional<Batch>> Next() override;
  /// The converter's warnings, then those met while reading (currencies not readable).
  std::vector<std::string> warnings() const;

 private:
  odoo::Client& client_;
  odoo::Context context_;
  odoo::CellConverter converter_;
  odoo::RelatedPlan plan_;
  odoo::CurrencyFormats currencies_;
  odoo::RecordReader reader_;
};

}  // namespace xlsync::sync
