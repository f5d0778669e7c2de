#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "http/client.h"
#include "http/url.h"
#include "testing/fake_graph/fake_graph.h"
#include "testing/support/recording_sleeper.h"

namespace xlsync::core {

/// Readable cells in gtest failure messages.
inline void PrintTo(const Cell& cell, std::ostream* out) {
  switch (cell.kind) {
    case CellKind::kEmpty:
      *out << "Empty";
      break;
    case CellKind::kBoolean:
      *out << "Boolean(" << (cell.boolean ? "true" : "false") << ")";
      break;
    case CellKind::kNumber:
      *out << "Number(" << cell.number << ")";
      break;
    case CellKind::kText:
      *out << "Text(\"" << cell.text << "\")";
      break;
    case CellKind::kLink:
      *out << "Link(\"" << cell.text << "\", " << cell.number << ")";
      break;
  }
}

}  // namespace xlsync::core

namespace xlsync::fakes {

/// A started FakeGraph seeded with the demo tenant, driven by the real curl client over
/// 127.0.0.1, with a FakeClock so sessions and tokens expire without sleeping.
class FakeGraphTest : public ::testing::Test {
 protected:
  virtual void Configure(FakeGraphOptions&) {}

  void SetUp() override {
    FakeGraphOptions options;
    options.clock = &clock_;
    Configure(options);
    fake_ = std::make_unique<FakeGraph>(options);
    ids_ = fake_->SeedDemo();
    auto started = fake_->Start();
    ASSERT_TRUE(started) << started.error().message;
    client_ = http::MakeCurlClient({});
  }
  void TearDown() override {
    client_.reset();  // closes keep-alive connections first, so Stop() returns at once
    fake_.reset();
  }

  core::Result<http::Response> Raw(http::Method method, const std::string& path,
                                   std::string body = "", http::Headers headers = {}) {
    return client_->Send(
        http::Request{method, fake_->url() + path, std::move(headers), std::move(body), {}});
  }
  http::Response Send(http::Method method, const std::string& path, std::string body = "",
                      http::Headers headers = {}) {
    auto reply = Raw(method, path, std::move(body), std::move(headers));
    EXPECT_TRUE(reply) << reply.error().message;
    return reply ? *reply : http::Response{};
  }

  http::Response RequestToken(const std::vector<std::pair<std::string, std::string>>& fields,
                              const std::string& tenant = "contoso.onmicrosoft.com") {
    return Send(http::Method::kPost, "/" + tenant + "/oauth2/v2.0/token", http::FormEncode(fields),
                {{"Content-Type", "application/x-www-form-urlencoded"}});
  }
  std::vector<std::pair<std::string, std::string>> DemoForm() const {
    return {{"client_id", ids_.client_id},
            {"scope", fake_->url() + "/.default"},
            {"client_secret", ids_.client_secret},
            {"grant_type", "client_credentials"}};
  }
  std::string Token() {
    if (token_.empty()) token_ = Json(RequestToken(DemoForm())).value("access_token", "");
    return token_;
  }

  /// A Graph call with the demo token (and a JSON content type when there is a body).
  http::Response Graph(http::Method method, const std::string& path, std::string body = "",
                       http::Headers headers = {}) {
    headers.Add("Authorization", "Bearer " + Token());
    if (!body.empty()) headers.Add("Content-Type", "application/json");
    return Send(method, path, std::move(body), std::move(headers));
  }
  http::Response Get(const std::string& path) { return Graph(http::Method::kGet, path); }

  std::string Drive() const { return "/v1.0/drives/" + http::PercentEncode(ids_.drive_id); }
  std::string Workbook() const { return Drive() + "/items/" + ids_.item_id + "/workbook"; }
  std::string Sheet1() const {
    return Workbook() + "/worksheets/" +
           http::PercentEncode("{00000000-0001-0000-0000-000000000000}");
  }
  std::string Range(const std::string& address) const {
    return Sheet1() + "/range(address='" + http::PercentEncode(address) + "')";
  }
  http::Response Patch(const std::string& address, const nlohmann::json& body) {
    return Graph(http::Method::kPatch, Range(address), body.dump());
  }
  SheetSnapshot Snapshot(const std::string& sheet = "Sheet1") {
    auto snapshot = fake_->Sheet(ids_.drive_id, ids_.item_id, sheet);
    EXPECT_TRUE(snapshot.has_value());
    return snapshot.value_or(SheetSnapshot{});
  }

  /// A 2-D JSON array, built explicitly: nlohmann's braced lists turn {{"a", "b"}} into objects.
  static nlohmann::json Grid(std::initializer_list<std::initializer_list<nlohmann::json>> rows) {
    nlohmann::json grid = nlohmann::json::array();
    for (const auto& row : rows) {
      nlohmann::json line = nlohmann::json::array();
      for (const auto& value : row) line.push_back(value);
      grid.push_back(std::move(line));
    }
    return grid;
  }
  static nlohmann::json Json(const http::Response& response) {
    return nlohmann::json::parse(response.body, nullptr, false);
  }
  /// error.code, then each nested innerError.code: the chain a client walks (msgraph.md §3.2).
  static std::vector<std::string> Codes(const http::Response& response) {
    std::vector<std::string> codes;
    const auto body = Json(response);
    if (!body.is_object() || !body.contains("error")) return codes;
    for (const nlohmann::json* at = &body["error"]; at->is_object() && at->contains("code");) {
      codes.push_back((*at)["code"].get<std::string>());
      if (!at->contains("innerError")) break;
      at = &(*at)["innerError"];
    }
    return codes;
  }

  FakeClock clock_;
  std::unique_ptr<FakeGraph> fake_;
  DemoIds ids_;
  std::unique_ptr<http::Client> client_;
  std::string token_;
};

}  // namespace xlsync::fakes
