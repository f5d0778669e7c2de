#pragma once

#include <gmock/gmock.h>

#include <string>

#include "tests/unit/fakes/fake_graph_fixture.h"

namespace xlsync::fakes {

inline constexpr char kShapeMismatch[] =
    "The number of rows or columns in the input array doesn't match the size or dimensions of the "
    "range.";

/// FakeGraphTest plus the table and format URLs of msgraph.md §6.7 and §6.8.
class FakeGraphTableTest : public FakeGraphTest {
 protected:
  std::string Tables() const { return Workbook() + "/tables"; }
  std::string SheetTables() const { return Sheet1() + "/tables"; }
  std::string Table(const std::string& id_or_name) const {
    return Tables() + "/" + http::PercentEncode(id_or_name);
  }
  http::Response Post(const std::string& path, const nlohmann::json& body = nullptr) {
    return Graph(http::Method::kPost, path, body.is_null() ? std::string() : body.dump());
  }
  http::Response PatchAt(const std::string& path, const nlohmann::json& body) {
    return Graph(http::Method::kPatch, path, body.dump());
  }
  http::Response Delete(const std::string& path) { return Graph(http::Method::kDelete, path); }

  /// Writes values, failing the test on anything but 200.
  void Fill(const std::string& address, const nlohmann::json& values) {
    const auto reply = Patch(address, {{"values", values}});
    ASSERT_EQ(reply.status, 200) << reply.body;
  }
  /// tables/add; returns the new table's id ("" when it failed the test).
  std::string AddTable(const std::string& address, bool has_headers) {
    const auto reply = Post(Tables() + "/add", {{"address", address}, {"hasHeaders", has_headers}});
    EXPECT_EQ(reply.status, 201) << reply.body;
    return Json(reply).value("id", "");
  }
  /// The only table of Sheet1 as the C++ read-back sees it.
  TableSnapshot OnlyTable() {
    const SheetSnapshot sheet = Snapshot();
    EXPECT_EQ(sheet.tables.size(), 1u);
    return sheet.tables.empty() ? TableSnapshot{} : sheet.tables[0];
  }
  nlohmann::json Values(const std::string& address) {
    return Json(Get(Range(address) + "?$select=values"))["values"];
  }
};

}  // namespace xlsync::fakes
