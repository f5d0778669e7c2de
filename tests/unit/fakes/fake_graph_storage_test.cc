// Bulk writes through HTTP and the .xlsx dump of the fake Graph.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "tests/unit/fakes/fake_graph_fixture.h"

namespace xlsync::fakes {
namespace {

/// Rows [first, first + count) of a 10-column table: ids, names, amounts, dates, flags.
nlohmann::json Rows(int first, int count) {
  nlohmann::json rows = nlohmann::json::array();
  for (int row = first; row < first + count; ++row) {
    rows.push_back({row, "'Customer " + std::to_string(row), row * 1.25, 45366 + row % 365,
                    row % 2 == 0, "SO" + std::to_string(100000 + row), "Brussels", "EUR", row % 7,
                    "'=not a formula"});
  }
  return rows;
}

TEST_F(FakeGraphTest, WritesAHundredThousandRowsInTwoMegabyteChunks) {
  constexpr int kRows = 100'000;
  constexpr int kChunk = 21'000;  // about 1.9 MB of JSON per PATCH
  for (int first = 0; first < kRows; first += kChunk) {
    const int count = std::min(kChunk, kRows - first);
    const std::string address =
        "A" + std::to_string(first + 1) + ":J" + std::to_string(first + count);
    const std::string body = nlohmann::json({{"values", Rows(first, count)}}).dump();
    ASSERT_LT(body.size(), 2'000'000u);
    const auto reply = Graph(http::Method::kPatch, Range(address) + "?$select=address", body);
    ASSERT_EQ(reply.status, 200) << reply.body.substr(0, 300);
  }
  const auto snapshot = fake_->Sheet(ids_.drive_id, ids_.item_id, "Sheet1", 3);
  ASSERT_TRUE(snapshot);
  EXPECT_EQ(snapshot->used_range, "A1:J100000");
  EXPECT_EQ(snapshot->At("B2").value, core::Cell::Text("Customer 1"));
  EXPECT_TRUE(snapshot->At("B2").quote_prefix);
  EXPECT_FALSE(snapshot->At("J1").formula);
  EXPECT_EQ(fake_->Counters().cells_written, 1'000'000u);
}

TEST_F(FakeGraphTest, SaveXlsxWritesARealWorkbook) {
  ASSERT_EQ(Patch("A1:C2", {{"values", Grid({{"id", "amount", "when"}, {1, 2.5, 45366}})},
                            {"numberFormat", Grid({{"General", "General", "General"},
                                                   {"0", "0.00", "yyyy-mm-dd"}})}})
                .status,
            200);
  ASSERT_EQ(Patch("D1:E1", {{"values", Grid({{"=A2*2", true}})}}).status, 200);
  const auto path = std::filesystem::temp_directory_path() /
                    ("xlsync_fake_graph_" + std::to_string(fake_->port()) + ".xlsx");
  auto saved = fake_->SaveXlsx(ids_.drive_id, ids_.item_id, path.string());
  ASSERT_TRUE(saved) << saved.error().message;
  std::ifstream file(path, std::ios::binary);
  std::string head(2, '\0');
  file.read(head.data(), 2);
  EXPECT_EQ(head, "PK");
  EXPECT_GT(std::filesystem::file_size(path), 1000u);
  std::filesystem::remove(path);
  EXPECT_FALSE(fake_->SaveXlsx(ids_.drive_id, "01NOPE", path.string()));
}

}  // namespace
}  // namespace xlsync::fakes
