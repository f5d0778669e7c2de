#include "sync/forecast.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text.h"
#include "excel/graph_chunk_encoder.h"
#include "excel/number_format.h"
#include "odoo/record_reader.h"

namespace xlsync::sync {
namespace {

/// What a column holds, as far as its number format tells.
enum class ColumnKind { kText, kInteger, kDecimal, kPercent, kDate, kDateTime };

ColumnKind KindOf(const core::Column& column) {
  const std::string& format = column.number_format;
  if (format == excel::kDateFormat) return ColumnKind::kDate;
  if (format == excel::kDateTimeFormat) return ColumnKind::kDateTime;
  if (format == excel::kIntegerFormat) return ColumnKind::kInteger;
  if (format.find('%') != std::string::npos) return ColumnKind::kPercent;
  if (format.find('0') != std::string::npos) return ColumnKind::kDecimal;
  return ColumnKind::kText;  // General: texts, names, selections, booleans
}

int64_t Ceil(int64_t a, int64_t b) { return b <= 0 ? 0 : (a + b - 1) / b; }

std::string Megabytes(int64_t bytes) {
  const double mb = static_cast<double>(bytes) / 1'000'000.0;
  char text[32];
  std::snprintf(text, sizeof text, mb < 10 ? "%.1f MB" : "%.0f MB", mb);
  return text;
}

std::string Duration(double seconds) {
  char text[48];
  if (seconds < 90) {
    std::snprintf(text, sizeof text, "%.0f s", std::max(1.0, seconds));
  } else if (seconds < 5'400) {
    std::snprintf(text, sizeof text, "%.0f min", seconds / 60);
  } else {
    std::snprintf(text, sizeof text, "%.1f h", seconds / 3'600);
  }
  return text;
}

/// The JSON of one row's numberFormat entries: sent with every row once any column has a
/// format (graph_chunk_encoder.cc), "General" for the others.
int64_t FormatBytesPerRow(const std::vector<core::Column>& columns) {
  const bool any = std::any_of(columns.begin(), columns.end(),
                               [](const core::Column& c) { return !c.number_format.empty(); });
  if (!any) return 0;
  int64_t bytes = 2;
  for (const auto& column : columns) {
    const size_t length = column.number_format.empty() ? excel::kGeneralFormat.size() : column.number_format.size();
    bytes += static_cast<int64_t>(length) + 3;
  }
  return bytes;
}

}  // namespace

int64_t RequestBytesPerCell(const core::Column& column) {
  switch (KindOf(column)) {
    case ColumnKind::kDate:
      return 6;  // 45366,
    case ColumnKind::kDateTime:
      return 18;  // 45366.5208333333,
    case ColumnKind::kInteger:
      return 5;
    case ColumnKind::kPercent:
      return 6;
    case ColumnKind::kDecimal:
      return 9;  // 12345.67,
    case ColumnKind::kText:
      break;
  }
  return 20;  // "'Acme Corporation", : 16 characters on average, quote prefix, quotes, comma
}

int64_t WorkbookBytesPerCell(const core::Column& column) {
  return KindOf(column) == ColumnKind::kText ? 10 : 5;
}

namespace {

/// The bytes one row costs: its values in a range PATCH, with its numberFormat entries, and in
/// the .xlsx file.
struct RowCost {
  int64_t values = 2;  // [ ... ],
  int64_t request = 0;
  int64_t workbook = 0;
};

RowCost CostPerRow(const ForecastInput& input) {
  RowCost cost;
  std::vector<core::Column> all = input.columns;
  for (const auto& column : input.columns) {
    cost.values += RequestBytesPerCell(column);
    cost.workbook += WorkbookBytesPerCell(column);
  }
  if (input.row_link_url_length > 0) {
    // "=HYPERLINK(\"<url>\",1234)", and in the .xlsx the formula, its cached id and the URL.
    cost.values += input.row_link_url_length + 24;
    cost.workbook += input.row_link_url_length / 3 + 8;
    all.push_back({"id", "Odoo ID", std::string(excel::kIntegerFormat)});
  }
  cost.request = cost.values + FormatBytesPerRow(all);
  return cost;
}

}  // namespace

Forecast MakeForecast(const ForecastInput& input, const SheetLimits& limits) {
  Forecast forecast;
  forecast.records = input.records;
  forecast.columns = static_cast<int64_t>(input.columns.size()) + (input.row_link_url_length > 0 ? 1 : 0);
  forecast.cells = forecast.records * forecast.columns;
  forecast.sheets = std::max<int64_t>(1, Ceil(input.records, std::max<int64_t>(1, limits.data_rows())));
  const RowCost row = CostPerRow(input);
  forecast.request_bytes = row.request * input.records;
  forecast.workbook_bytes = row.workbook * input.records;

  // Chunks grow from max_cells to ceiling_cells within a few requests (ChunkSizer), so the
  // ceiling and the byte budgets of the request and of Excel's answer set their number.
  const int64_t columns = std::max<int64_t>(1, forecast.columns);
  const int64_t by_cells = static_cast<int64_t>(input.budget.ceiling_cells) / columns;
  const int64_t by_bytes = static_cast<int64_t>(input.budget.max_bytes) / std::max<int64_t>(1, row.request);
  const auto answer_per_row = static_cast<int64_t>(
      excel::GraphChunkEncoder::AnswerBytes(static_cast<size_t>(row.values),
                                            static_cast<size_t>(row.request - row.values), static_cast<size_t>(columns)));
  const int64_t by_answer = static_cast<int64_t>(input.budget.max_answer_bytes) / std::max<int64_t>(1, answer_per_row);
  const int64_t rows_per_chunk = std::max<int64_t>(1, std::min({by_cells, by_bytes, by_answer}));
  const int64_t chunks = Ceil(input.records, rows_per_chunk) + forecast.sheets - 1;  // sheets cut chunks
  const int64_t reads = Ceil(input.records, std::max<int64_t>(1, kVerifyCellsPerRead / columns)) + forecast.sheets;
  forecast.graph_requests = kGraphFixedRequests + kGraphRequestsPerSheet * forecast.sheets + chunks + reads;
  // Keyset paging stops on a short page, so a full last page costs one more request (§9.4).
  const int64_t first_page = std::max(1, input.page_size);
  const int64_t record_bytes = row.values + columns * kOdooBytesPerField;
  const int64_t later_pages = std::clamp<int64_t>(static_cast<int64_t>(odoo::kPageBytes) / record_bytes, first_page,
                                                  std::max<int64_t>(first_page, input.max_page_size));
  forecast.odoo_requests = kOdooFixedRequests + (input.records < first_page ? 0 : 1) +
                           std::max<int64_t>(0, input.records - first_page) / later_pages + 1;

  // The reader runs ahead of the writer (design.md), so the slower side sets the pace; the
  // read-back comes after the last chunk.
  const double odoo = static_cast<double>(forecast.odoo_requests) * kOdooSecondsPerRequest +
                      static_cast<double>(input.records) * kOdooSecondsPerRecord;
  const double writes = static_cast<double>(chunks) * kGraphSecondsPerRequest +
                        static_cast<double>(forecast.request_bytes) * (1 + kPatchEchoFactor) / 1024.0 *
                            kGraphSecondsPerKib;
  const double verify = static_cast<double>(reads) * kGraphSecondsPerRequest +
                        static_cast<double>(row.values * input.records) / 1024.0 * kGraphSecondsPerKib;
  const double fixed = static_cast<double>(kGraphFixedRequests + kGraphRequestsPerSheet * forecast.sheets) *
                       kGraphSecondsPerRequest;
  forecast.seconds = std::max(odoo, writes) + verify + fixed;
  return forecast;
}

core::Result<void> CheckForecast(const Forecast& forecast, const SheetLimits& limits, bool rollover) {
  if (forecast.columns > limits.max_columns) {
    return core::InvalidInput("The export has " + core::GroupThousands(forecast.columns) + " columns, more than the " +
                              core::GroupThousands(limits.max_columns) + " an Excel sheet holds: choose fewer fields.");
  }
  if (forecast.records > limits.data_rows() && !rollover) {
    return core::InvalidInput("The filter matches " + core::GroupThousands(forecast.records) + " records, more than the " +
                              core::GroupThousands(limits.data_rows()) + " rows an Excel sheet holds under its header: "
                              "narrow the filter, or set rollover = true to continue on further sheets.");
  }
  if (forecast.workbook_bytes > limits.max_workbook_bytes) {
    return core::InvalidInput("The export would make a workbook of about " + Megabytes(forecast.workbook_bytes) +
                              ", more than the ~" + Megabytes(limits.max_workbook_bytes) +
                              " Excel for the web opens: narrow the filter or choose fewer fields.");
  }
  return {};
}

std::vector<std::string> DescribeForecast(const Forecast& forecast) {
  const std::string sheets = forecast.sheets == 1 ? "1 sheet" : core::GroupThousands(forecast.sheets) + " sheets";
  return {
      "forecast: " + core::GroupThousands(forecast.records) + " rows x " + core::GroupThousands(forecast.columns) + " columns = " +
          core::GroupThousands(forecast.cells) + " cells on " + sheets,
      "forecast: " + core::GroupThousands(forecast.odoo_requests) + " Odoo requests, " +
          core::GroupThousands(forecast.graph_requests) + " Graph requests sending " + Megabytes(forecast.request_bytes) +
          ", about " + Duration(forecast.seconds),
      "forecast: about " + Megabytes(forecast.workbook_bytes) +
          " of data in the workbook (Excel for the web opens up to ~100 MB)",
  };
}

}  // namespace xlsync::sync
