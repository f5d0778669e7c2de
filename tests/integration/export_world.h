#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sync/exporter.h"
#include "testing/fake_graph/fake_graph.h"
#include "testing/fake_odoo/fake_odoo.h"
#include "tests/integration/xlsync_process.h"

namespace xlsync::fakes {

/// A fake Odoo and a fake Graph (seeded with the demo tenant), a temporary directory with an
/// xlsync.toml pointing at both (secrets in files), and helpers to run xlsync and compare the
/// sheet with the source.
class ExportWorld : public ::testing::Test {
 protected:
  void TearDown() override;

  /// Starts both fakes; `counts` sets Odoo record counts per model.
  void Start(const std::map<std::string, int64_t>& counts = {}, int odoo_version = 18);
  /// Writes xlsync.toml (and the secret files); `client_secret` replaces the real one.
  std::string WriteConfig(const std::string& client_secret = "", const std::string& tenant = "");
  /// Runs `xlsync <command> --config xlsync.toml --progress none <args>`.
  ProcessResult Xlsync(const std::string& command, const std::vector<std::string>& args);
  /// Export arguments for `fields` of `model` into the demo workbook's `sheet`.
  std::vector<std::string> TaskArgs(const std::string& model, const std::vector<std::string>& fields,
                                    const std::string& sheet, const std::string& domain = "");

  /// An export of `fields` of `model` into the demo workbook's `sheet`, to run in this process
  /// (with sync::Exporter) against both fakes.
  sync::ExportRequest InProcessRequest(const std::string& model, const std::vector<std::string>& fields,
                                       const std::string& sheet) const;

  /// Asserts that `sheet` holds a header of field labels and exactly the source records, cell by
  /// cell, in id order (fields must not include one2many/many2many: names are not resolved here).
  void ExpectSheetEqualsSource(const std::string& model, const std::vector<std::string>& fields,
                               const std::string& sheet, const nlohmann::json& domain = nlohmann::json::array());
  std::optional<SheetSnapshot> Sheet(const std::string& sheet) const;
  /// Graph requests seen so far whose route kind is `kind` ("range", "session", "token", ...).
  size_t GraphRequests(const std::string& kind, const std::string& method = "") const;

  std::unique_ptr<FakeOdoo> odoo_;
  std::unique_ptr<FakeGraph> graph_;
  DemoIds ids_;
  std::filesystem::path dir_;
};

}  // namespace xlsync::fakes
