#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/cell.h"
#include "core/result.h"
#include "excel/graph_chunk_encoder.h"

namespace xlsync::sync {

/// Excel's limits a run keeps to (msgraph.md §6.5); tests lower them.
struct SheetLimits {
  int64_t max_rows = 1'048'576;  // per sheet, the header row included
  int64_t max_columns = 16'384;
  int64_t max_workbook_bytes = 100'000'000;  // the ~100 MB Excel for the web opens
  /// The most cells a local .xlsx copy gets as a table: libxlsxwriter keeps a table's cells in
  /// memory until the file is written (above, the copy has a filter instead).
  int64_t max_local_table_cells = 2'000'000;

  int64_t data_rows() const { return max_rows - 1; }
};

/// What the forecast of a run starts from: Odoo's count for the filter, the columns as the
/// converter made them (their number formats tell dates, numbers and texts apart), the Graph
/// chunk budget and the Odoo page size.
struct ForecastInput {
  int64_t records = 0;
  std::vector<core::Column> columns;
  excel::ChunkBudget budget;
  int page_size = 1000;
  /// Above page_size: later pages grow to about odoo::kPageBytes of answer (RecordReader).
  int max_page_size = 0;
  /// Row links (task.row_links): each row ends with a link to a record URL this long; 0 = none.
  int64_t row_link_url_length = 0;
};

/// What a run will cost, before it starts: sizes, requests, bytes and time.
struct Forecast {
  int64_t records = 0;
  int64_t columns = 0;
  int64_t cells = 0;    // data cells, headers left out
  int64_t sheets = 1;   // more than one only with rollover
  int64_t odoo_requests = 0;
  int64_t graph_requests = 0;
  int64_t request_bytes = 0;   // JSON sent to Graph for the data
  int64_t workbook_bytes = 0;  // the data's share of the .xlsx file
  double seconds = 0;
};

// Cost model. Bytes per cell were measured on the encoder's output for data shaped like the fake
// Odoo's (tests/unit/sync/forecast_test.cc keeps them within 15 % of the encoder, and the .xlsx
// bytes per cell within 50 % of a libxlsxwriter file of the same rows). Seconds per request, per
// record and per KiB are the latencies testing/fake_odoo and testing/fake_graph inject in the
// demo and benchmarks (their READMEs: Odoo 40 ms a call and 60 µs a record, Graph 20 ms a call
// and 0.5 ms a KiB each way). A range PATCH answers with the range it wrote (values, text,
// formulas, formats: msgraph.md §6.4), 2.9 times the request's bytes on the fake. Measured with
// those latencies: 20,000 sales orders x 7 columns forecast 28 Graph requests and 4.1 MB, ran 26
// and 3.7 MB; the time covers waiting on the services, not xlsync's own work (about 50 µs a cell
// in a -O0 build with both fakes on the same machine, much less in a release build). A real
// tenant under load is slower (msgraph.md §6.6).
/// An Odoo record in JSON is its values plus each field's quoted name.
inline constexpr int64_t kOdooBytesPerField = 16;
inline constexpr int64_t kOdooFixedRequests = 4;    // version, login, fields_get, search_count
inline constexpr int64_t kGraphFixedRequests = 11;  // token, drive, item, session, sheets, ...
inline constexpr int64_t kGraphRequestsPerSheet = 4;  // add or find, clear, header, used range
inline constexpr int64_t kVerifyCellsPerRead = 250'000;  // GraphSinkOptions::verify_cells_per_read
inline constexpr double kOdooSecondsPerRequest = 0.040;
inline constexpr double kOdooSecondsPerRecord = 60e-6;
inline constexpr double kGraphSecondsPerRequest = 0.020;
inline constexpr double kGraphSecondsPerKib = 0.0005;
inline constexpr double kPatchEchoFactor = 2.9;

/// JSON bytes one cell of `column` adds to a range PATCH ("45366," for a date), by the kind its
/// number format tells; texts count their quote prefix and an average length.
int64_t RequestBytesPerCell(const core::Column& column);
/// Bytes one cell of `column` adds to the .xlsx file (compressed XML, shared strings).
int64_t WorkbookBytesPerCell(const core::Column& column);

/// The forecast of a run of `input` into sheets of at most `limits.data_rows()` rows each.
Forecast MakeForecast(const ForecastInput& input, const SheetLimits& limits = {});

/// Refuses a run Excel cannot hold, with the figure and what to do: more rows than a sheet
/// holds (unless `rollover`), more columns than a sheet holds, a workbook above what Excel for
/// the web opens.
core::Result<void> CheckForecast(const Forecast& forecast, const SheetLimits& limits, bool rollover);

/// The forecast as lines for a terminal ("forecast: 12,345 rows x 8 columns = ...").
std::vector<std::string> DescribeForecast(const Forecast& forecast);


}  // namespace xlsync::sync
