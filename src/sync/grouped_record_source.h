#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/cell.h"
#include "core/result.h"
#include "odoo/client.h"
#include "odoo/read_group.h"
#include "sync/grouped_plan.h"
#include "sync/record_source.h"

namespace xlsync::sync {

/// The rows of a grouped export: one row per group of one ReadGroups call, in Odoo's group
/// order, cut into batches of `batch_rows`. Group-by cells: many2one as its display name,
/// selection as its label, dates as the bucket's first day (a serial; quarters as text
/// "Q1 2024", years as the number). Batch.ids stay empty: a grouped run is not resumable.
/// The client must outlive the source; Next() on one thread.
class GroupedRecordSource final : public RecordSource {
 public:
  /// `groups` already read (PrepareOdoo counts them) or nullopt to read them on first use.
  GroupedRecordSource(odoo::Client& client, GroupedPlan plan, int batch_rows,
                      std::optional<std::vector<odoo::Group>> groups = std::nullopt);

  /// Reads the groups (once) and returns how many there are; Next() loads them if needed.
  core::Result<int64_t> Load();
  const std::vector<core::Column>& columns() const override { return plan_.columns; }
  core::Result<std::optional<Batch>> Next() override;

  /// One group as a row, one cell per column of `plan`.
  static core::Row RowOf(const GroupedPlan& plan, const odoo::Group& group);

 private:
  odoo::Client& client_;
  GroupedPlan plan_;
  size_t batch_rows_;
  std::optional<std::vector<odoo::Group>> groups_;
  size_t next_ = 0;
};

}  // namespace xlsync::sync
