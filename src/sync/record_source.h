#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/cell.h"
#include "core/result.h"

namespace xlsync::sync {

/// Rows read together (one Odoo page), with the keyset position after them.
struct Batch {
  std::vector<core::Row> rows;
  int64_t last_id = 0;
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
