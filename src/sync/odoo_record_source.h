#pragma once

#include "odoo/cell_converter.h"
#include "odoo/client.h"
#include "odoo/name_cache.h"
#include "odoo/record_reader.h"
#include "sync/record_source.h"

namespace xlsync::sync {

/// Adapts Odoo to RecordSource: pages from odoo::RecordReader, x2many display names fetched
/// once per page and relation (NameCache), records converted to typed cells.
class OdooRecordSource final : public RecordSource {
 public:
  OdooRecordSource(odoo::Client& client, odoo::ReadSpec spec, odoo::CellConverter converter);

  const std::vector<core::Column>& columns() const override { return converter_.columns(); }
  core::Result<std::optional<Batch>> Next() override;
  const std::vector<std::string>& warnings() const { return converter_.warnings(); }

 private:
  odoo::Client& client_;
  odoo::Context context_;
  odoo::CellConverter converter_;
  odoo::RecordReader reader_;
};

}  // namespace xlsync::sync
