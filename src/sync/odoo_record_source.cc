#include "sync/odoo_record_source.h"

namespace xlsync::sync {

OdooRecordSource::OdooRecordSource(odoo::Client& client, odoo::ReadSpec spec,
                                   odoo::CellConverter converter)
    : client_(client), context_(spec.context), converter_(std::move(converter)),
      reader_(client, std::move(spec)) {}

core::Result<std::optional<Batch>> OdooRecordSource::Next() {
  auto page = reader_.NextPage();
  if (!page) return std::move(page).error();
  if (!page->has_value()) return std::optional<Batch>();
  const nlohmann::json& records = **page;
  odoo::NameCache names;
  XLSYNC_RETURN_IF_ERROR(names.Prefetch(client_, converter_, records, context_));
  Batch batch;
  batch.rows.reserve(records.size());
  batch.ids.reserve(records.size());
  for (const auto& record : records) {
    batch.rows.push_back(converter_.Convert(record, names));
    batch.ids.push_back(record.value("id", int64_t{0}));
  }
  return std::optional<Batch>(std::move(batch));
}

}  // namespace xlsync::sync
