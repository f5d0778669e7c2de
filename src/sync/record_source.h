#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/cell.h"
#include "core/result.h"

namespace xlsync::sync {

/// Rows read together (one Odoo page), with the Odoo id of each row (its keyset position, so a
/// checkpoint can say where to resume). `ids` is empty for sources without ids.
struct Batch {
  std::vector<core::Row> rows;
  std::vector<int64_t> ids;
};

/// Where a run's rows come from. The pipeline calls Next() on its reader thread only.
class RecordSource {
 public:
  virtual ~RecordSource() = default;
  virtual const std::vector<core::Column>& columns() const = 0;
  /// The next batch, or nullopt when every record has been read.
  virtual core::Result<std::optional<Batch>> Next() = 0;
};

}  // namespace xlsync::sync
