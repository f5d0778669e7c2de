#include "cli/progress_printer.h"

#include <gtest/gtest.h>

namespace xlsync::cli {
namespace {

TEST(ProgressPrinterTest, FormatsCountsWithThousandsSeparators) {
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(999), "999");
  EXPECT_EQ(FormatCount(1000), "1,000");
  EXPECT_EQ(FormatCount(1234567), "1,234,567");
  EXPECT_EQ(FormatCount(-45000), "-45,000");
}

TEST(ProgressPrinterTest, ShowsRowsRateAndEta) {
  const sync::ExportProgress halfway{50'000, 100'000, 10.0};
  EXPECT_EQ(ProgressPrinter::FormatLine(halfway, false), "50,000/100,000 rows, 5,000 rows/s, ETA 10 s");
  EXPECT_EQ(ProgressPrinter::FormatLine(halfway, true),
            "[############............] 50,000/100,000 rows, 5,000 rows/s, ETA 10 s");
  const sync::ExportProgress unknown_total{10, 0, 0.0};
  EXPECT_EQ(ProgressPrinter::FormatLine(unknown_total, true), "10 rows, 0 rows/s");
}

TEST(ProgressPrinterTest, PlainLinesGoToTheStreamForLogs) {
  char buffer[256] = {};
  std::FILE* out = fmemopen(buffer, sizeof buffer, "w");
  ProgressPrinter printer(out, ProgressStyle::kLines);
  printer.Update({100, 100, 1.0});
  printer.Done();
  std::fclose(out);
  EXPECT_STREQ(buffer, "progress: 100/100 rows, 100 rows/s\n");
}

}  // namespace
}  // namespace xlsync::cli
