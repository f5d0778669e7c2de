#include "sync/forecast.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "excel/graph_chunk_encoder.h"
#include "excel/xlsx_file.h"

namespace xlsync::sync {
namespace {

const std::vector<core::Column> kOrderColumns = {{"name", "Order Reference", ""},
                                                 {"validity_date", "Expiration", "yyyy-mm-dd"},
                                                 {"amount_total", "Total", "#,##0.00"},
                                                 {"line_count", "Lines", "0"},
                                                 {"date_order", "Order Date", "yyyy-mm-dd hh:mm:ss"}};

ForecastInput Orders(int64_t records) {
  ForecastInput input;
  input.records = records;
  input.columns = kOrderColumns;
  input.page_size = 1000;
  return input;
}

TEST(ForecastTest, CountsCellsRequestsBytesAndTime) {
  const Forecast forecast = MakeForecast(Orders(10'000));
  EXPECT_EQ(forecast.records, 10'000);
  EXPECT_EQ(forecast.columns, 5);
  EXPECT_EQ(forecast.cells, 50'000);
  EXPECT_EQ(forecast.sheets, 1);
  // Values 2 + 20 + 6 + 9 + 5 + 18, numberFormat 2 + 10 + 13 + 11 + 4 + 22 bytes per row.
  EXPECT_EQ(forecast.request_bytes, 10'000 * (60 + 62));
  EXPECT_EQ(forecast.workbook_bytes, 10'000 * (10 + 4 * 5));
  // 4 fixed + 10 full pages + the short page that ends keyset paging.
  EXPECT_EQ(forecast.odoo_requests, 15);
  // 11 fixed + 4 for the sheet + 1 chunk (Excel's answer, 5 x 60 bytes of values + 62 of formats
  // + 16 a cell = 442 a row, fits 10,180 rows in 4.5 MB) + 1 read of up to 50,000 rows + 1.
  EXPECT_EQ(forecast.graph_requests, 11 + 4 + 1 + 2);
  // The writes (20 ms, 1.22 MB sent and 2.9 times that echoed, at 0.5 ms a KiB) are slower than
  // Odoo (15 x 40 ms + 10,000 x 60 µs); then the read-back and the setup.
  const double writes = 1 * 0.02 + 1'220'000 * 3.9 / 1024.0 * 0.0005;
  EXPECT_NEAR(forecast.seconds, writes + (2 * 0.02 + 600'000 / 1024.0 * 0.0005) + 15 * 0.02, 1e-9);
}

TEST(ForecastTest, GrowingPagesNeedFewerOdooRequests) {
  ForecastInput input = Orders(100'000);
  EXPECT_EQ(MakeForecast(input).odoo_requests, 4 + 100 + 1);
  // A record is 60 bytes of values and 5 x 16 of field names: 1 MiB holds 7,489 of them.
  input.max_page_size = 5'000;
  EXPECT_EQ(MakeForecast(input).odoo_requests, 4 + 1 + 19 + 1);  // 1,000, then 5,000 a page
  input.max_page_size = 10'000;
  EXPECT_EQ(MakeForecast(input).odoo_requests, 4 + 1 + 13 + 1);  // 1,000, then 7,489 a page
}

TEST(ForecastTest, RollsOverOntoAsManySheetsAsTheRowsNeed) {
  SheetLimits limits;
  limits.max_rows = 1'001;  // 1,000 data rows under the header
  EXPECT_EQ(MakeForecast(Orders(1'000), limits).sheets, 1);
  EXPECT_EQ(MakeForecast(Orders(1'001), limits).sheets, 2);
  EXPECT_EQ(MakeForecast(Orders(2'500), limits).sheets, 3);
  EXPECT_EQ(MakeForecast(Orders(0), limits).sheets, 1);
}

TEST(ForecastTest, RowLinksAddAColumnAndTheirUrls) {
  ForecastInput input = Orders(1'000);
  input.row_link_url_length = 40;
  const Forecast forecast = MakeForecast(input);
  EXPECT_EQ(forecast.columns, 6);
  EXPECT_EQ(forecast.request_bytes, 1'000 * (60 + 40 + 24 + 62 + 4));
}

TEST(ForecastTest, RefusesWhatExcelCannotHoldWithTheFigures) {
  struct Case {
    int64_t records;
    size_t text_columns;
    bool rollover;
    std::string error;  // "" = accepted
  };
  const Case cases[] = {
      {1'048'575, 5, false, ""},
      {1'048'576, 1, false,
       "The filter matches 1,048,576 records, more than the 1,048,575 rows an Excel sheet holds under its header: "
       "narrow the filter, or set rollover = true to continue on further sheets."},
      {1'200'000, 1, false,
       "The filter matches 1,200,000 records, more than the 1,048,575 rows an Excel sheet holds under its header: "
       "narrow the filter, or set rollover = true to continue on further sheets."},
      {1'200'000, 1, true, ""},
      {10, 16'385, false,
       "The export has 16,385 columns, more than the 16,384 an Excel sheet holds: choose fewer fields."},
      {1'000'000, 30, false,
       "The export would make a workbook of about 300 MB, more than the ~100 MB Excel for the web opens: narrow the "
       "filter or choose fewer fields."},
      {3'000'000, 3, true, ""},
  };
  for (const auto& c : cases) {
    ForecastInput input;
    input.records = c.records;
    input.columns.assign(c.text_columns, core::Column{"name", "Name", ""});
    const SheetLimits limits;
    const Forecast forecast = MakeForecast(input, limits);
    auto checked = CheckForecast(forecast, limits, c.rollover);
    if (c.error.empty()) {
      EXPECT_TRUE(checked) << c.records << ": " << (checked ? "" : checked.error().message);
      continue;
    }
    ASSERT_FALSE(checked) << c.records;
    EXPECT_EQ(checked.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(checked.error().message, c.error);
  }
}

TEST(ForecastTest, AWorkbookLimitCanBeLowered) {
  SheetLimits limits;
  limits.max_workbook_bytes = 5'000'000;
  const Forecast forecast = MakeForecast(Orders(200'000), limits);
  auto checked = CheckForecast(forecast, limits, false);
  ASSERT_FALSE(checked);
  EXPECT_EQ(checked.error().message,
            "The export would make a workbook of about 6.0 MB, more than the ~5.0 MB Excel for the web opens: "
            "narrow the filter or choose fewer fields.");
}

TEST(ForecastTest, DescribesItselfInThreeLines) {
  const auto lines = DescribeForecast(MakeForecast(Orders(10'000)));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "forecast: 10,000 rows x 5 columns = 50,000 cells on 1 sheet");
  EXPECT_EQ(lines[1], "forecast: 15 Odoo requests, 18 Graph requests sending 1.2 MB, about 3 s");
  EXPECT_EQ(lines[2], "forecast: about 0.3 MB of data in the workbook (Excel for the web opens up to ~100 MB)");
}

/// Rows shaped like the fake Odoo's sales orders: a reference, dates, amounts, counts.
std::vector<core::Row> SampleOrders(int count) {
  std::vector<core::Row> rows;
  for (int i = 0; i < count; ++i) {
    rows.push_back({core::Cell::Text("S" + std::to_string(100'000 + i) + " Acme Corp"),
                    core::Cell::Number(45'366 + i % 700), core::Cell::Number(1'234.56 + i * 7.31),
                    core::Cell::Number(i % 40), core::Cell::Number(45'366.5208333333 + i * 0.013)});
  }
  return rows;
}

TEST(ForecastTest, RequestBytesStayCloseToWhatTheEncoderSends) {
  const std::vector<core::Row> rows = SampleOrders(20'000);
  const excel::GraphChunkEncoder encoder(kOrderColumns, excel::ChunkBudget{});
  std::span<const core::Row> rest(rows);
  int64_t sent = 0;
  int64_t chunks = 0;
  std::string body;
  while (!rest.empty()) {
    auto taken = encoder.Encode(rest, body, rest.size());
    ASSERT_TRUE(taken);
    sent += static_cast<int64_t>(body.size());
    ++chunks;
    rest = rest.subspan(*taken);
  }
  const Forecast forecast = MakeForecast(Orders(20'000));
  EXPECT_NEAR(static_cast<double>(forecast.request_bytes), static_cast<double>(sent), 0.15 * static_cast<double>(sent));
  // Excel's answer bounds these chunks, and its size follows the texts: one chunk either way.
  EXPECT_NEAR(static_cast<double>(forecast.graph_requests - 11 - 4 - 2), static_cast<double>(chunks), 1.0);  // 1 read + 1
}

TEST(ForecastTest, WorkbookBytesStayCloseToALocalFileOfTheSameRows) {
  const auto path =
      std::filesystem::temp_directory_path() / ("xlsync-forecast-" + std::to_string(::getpid()) + ".xlsx");
  auto file = excel::XlsxFile::Create(path.string());
  ASSERT_TRUE(file);
  ASSERT_TRUE((*file)->AddSheet("Orders", kOrderColumns));
  const std::vector<core::Row> rows = SampleOrders(20'000);
  ASSERT_TRUE((*file)->AppendRows(rows));
  ASSERT_TRUE((*file)->Close());
  const auto size = static_cast<double>(std::filesystem::file_size(path));
  std::filesystem::remove(path);
  const Forecast forecast = MakeForecast(Orders(20'000));
  EXPECT_NEAR(static_cast<double>(forecast.workbook_bytes), size, 0.5 * size);
}

}  // namespace
}  // namespace xlsync::sync
