#include "sync/odoo_record_source.h"

#include <spdlog/spdlog.h>

namespace xlsync::sync {

OdooRecordSource::OdooRecordSource(odoo::Client& client, odoo::ReadSpec spec,
                                   odoo::CellConverter converter, odoo::RelatedPlan plan)
    : client_(client), context_(spec.context), converter_(std::move(converter)),
      plan_(std::move(plan)), reader_(client, std::move(spec)) {}

std::vector<std::string> OdooRecordSource::warnings() const {
  std::vector<std::string> all = converter_.warnings();
  all.insert(all.end(), currencies_.warnings().begin(), currencies_.warnings().end());
  return all;
}

core::Result<std::optional<Batch>> OdooRecordSource::Next() {
  auto page = reader_.NextPage();
  if (!page) return std::move(page).error();
  if (!page->has_value()) return std::optional<Batch>();
  nlohmann::json& records = **page;
  // Related values first: x2many leaves and amounts behind a path need them to be prefetched.
  XLSYNC_RETURN_IF_ERROR(plan_.Expand(client_, records, context_));
  odoo::NameCache names;
  XLSYNC_RETURN_IF_ERROR(names.Prefetch(client_, converter_, records, context_));
  const size_t warned = currencies_.warnings().size();
  XLSYNC_RETURN_IF_ERROR(currencies_.Prefetch(client_, converter_, records, context_));
  for (size_t i = warned; i < currencies_.warnings().size(); ++i) {
    spdlog::warn("{}", currencies_.warnings()[i]);
  }
  Batch batch;
  batch.rows.reserve(records.size());
  batch.ids.reserve(records.size());
  for (const auto& record : records) {
    batch.rows.push_back(converter_.Convert(record, names, &currencies_));
    batch.ids.push_back(record.value("id", int64_t{0}));
  }
  return std::optional<Batch>(std::move(batch));
}

}  // namespace xlsync::sync
