#include "tests/integration/export_world.h"

#include <unistd.h>

#include <fstream>

#include "excel/cell_text.h"
#include "odoo/cell_converter.h"
#include "odoo/name_cache.h"
#include "odoo/schema.h"

namespace xlsync::fakes {
namespace {

constexpr char kOdooApiKey[] = "0123456789abcdef0123456789abcdef01234567";

void WriteFile(const std::filesystem::path& path, const std::string& content) {
  std::ofstream(path) << content;
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

/// A sheet cell is compared with the cell xlsync should have written: text as Excel stores it
/// after sanitizing (the quote prefix is not part of the value), numbers and booleans exactly.
void ExpectCell(const core::Cell& expected, const SnapshotCell& actual, const std::string& where) {
  core::Cell want = expected;
  if (want.kind == core::CellKind::kText) want.text = excel::SanitizeText(want.text).text;
  if (want.kind == core::CellKind::kText && want.text.empty()) want = core::Cell::Empty();
  EXPECT_FALSE(actual.formula) << where;
  EXPECT_EQ(actual.value.kind, want.kind) << where << ": expected \"" << want.text << "\"/" << want.number
                                          << ", found \"" << actual.value.text << "\"/" << actual.value.number;
  if (want.kind == core::CellKind::kText) {
    EXPECT_EQ(actual.value.text, want.text) << where;
  }
  if (want.kind == core::CellKind::kNumber) {
    EXPECT_EQ(actual.value.number, want.number) << where;
  }
  if (want.kind == core::CellKind::kBoolean) {
    EXPECT_EQ(actual.value.boolean, want.boolean) << where;
  }
}

}  // namespace

void ExportWorld::TearDown() {
  if (graph_) graph_->Stop();
  if (odoo_) odoo_->Stop();
  if (!dir_.empty()) std::filesystem::remove_all(dir_);
}

sync::ExportRequest ExportWorld::InProcessRequest(const std::string& model, const std::vector<std::string>& fields,
                                                  const std::string& sheet) const {
  sync::ExportRequest request;
  request.odoo.url = odoo_->url();
  request.odoo.database = "demo";
  request.odoo.login = "admin";
  request.odoo.api_key = core::Secret(std::string(kOdooApiKey));
  request.graph.tenant_id = ids_.tenant_id;
  request.graph.client_id = ids_.client_id;
  request.graph.client_secret = core::Secret(ids_.client_secret);
  request.graph.user_upn = ids_.user_upn;
  request.graph.authority_host = graph_->url();
  request.graph.graph_url = graph_->url();
  request.task.model = model;
  request.task.fields = fields;
  request.task.workbook = ids_.item_id;
  request.task.sheet = sheet;
  return request;
}

void ExportWorld::Start(const std::map<std::string, int64_t>& counts, int odoo_version) {
  FakeOdooOptions odoo_options;
  odoo_options.version = odoo_version;
  odoo_options.record_counts = counts;
  odoo_ = std::make_unique<FakeOdoo>(odoo_options);
  ASSERT_TRUE(odoo_->Start());
  graph_ = std::make_unique<FakeGraph>();
  ids_ = graph_->SeedDemo();
  ASSERT_TRUE(graph_->Start());
  dir_ = std::filesystem::temp_directory_path() /
         ("xlsync-it-" + std::to_string(::getpid()) + "-" +
          ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::create_directories(dir_);
  WriteConfig();
}

std::string ExportWorld::WriteConfig(const std::string& client_secret, const std::string& tenant) {
  WriteFile(dir_ / "odoo-api-key", kOdooApiKey);
  WriteFile(dir_ / "client-secret", client_secret.empty() ? ids_.client_secret : client_secret);
  const std::string config = "[odoo]\nurl = \"" + odoo_->url() + "\"\ndatabase = \"demo\"\nlogin = \"admin\"\n"
                             "api_key_file = \"" + (dir_ / "odoo-api-key").string() + "\"\n\n"
                             "[microsoft]\ntenant_id = \"" + (tenant.empty() ? ids_.tenant_id : tenant) + "\"\n"
                             "client_id = \"" + ids_.client_id + "\"\n"
                             "client_secret_file = \"" + (dir_ / "client-secret").string() + "\"\n"
                             "user_upn = \"" + ids_.user_upn + "\"\n"
                             "authority_host = \"" + graph_->url() + "\"\ngraph_url = \"" + graph_->url() + "\"\n";
  WriteFile(dir_ / "xlsync.toml", config);
  return (dir_ / "xlsync.toml").string();
}

ProcessResult ExportWorld::Xlsync(const std::string& command, const std::vector<std::string>& args) {
  std::vector<std::string> all{"--config", (dir_ / "xlsync.toml").string(), "--progress", "none", command};
  all.insert(all.end(), args.begin(), args.end());
  return RunXlsync(all, dir_.string());
}

std::vector<std::string> ExportWorld::TaskArgs(const std::string& model, const std::vector<std::string>& fields,
                                               const std::string& sheet, const std::string& domain) {
  std::string joined;
  for (const auto& field : fields) joined += (joined.empty() ? "" : ",") + field;
  std::vector<std::string> args{"--model", model, "--fields", joined, "--workbook", ids_.workbook_path, "--sheet", sheet};
  if (!domain.empty()) {
    args.push_back("--domain");
    args.push_back(domain);
  }
  return args;
}

std::optional<SheetSnapshot> ExportWorld::Sheet(const std::string& sheet) const {
  return graph_->Sheet(ids_.drive_id, ids_.item_id, sheet);
}

size_t ExportWorld::GraphRequests(const std::string& kind, const std::string& method) const {
  size_t count = 0;
  for (const auto& request : graph_->RequestLog()) {
    if (request.route_kind == kind && (method.empty() || request.method == method)) ++count;
  }
  return count;
}

void ExportWorld::ExpectSheetEqualsSource(const std::string& model, const std::vector<std::string>& fields,
                                          const std::string& sheet, const nlohmann::json& domain) {
  const nlohmann::json records = odoo_->SearchRead(model, domain, fields, "id");
  auto schema = odoo::Schema::FromFieldsGet(model, odoo_->FieldsGet(model));
  ASSERT_TRUE(schema);
  auto converter = odoo::CellConverter::Create(*schema, fields, odoo::ConvertOptions{});
  ASSERT_TRUE(converter) << converter.error().message;
  auto snapshot = Sheet(sheet);
  ASSERT_TRUE(snapshot) << "sheet " << sheet << " not found";
  ASSERT_GE(snapshot->rows.size(), 1u);
  const auto& columns = converter->columns();
  for (size_t c = 0; c < columns.size(); ++c) {
    ASSERT_LT(c, snapshot->rows[0].size());
    EXPECT_EQ(snapshot->rows[0][c].value.text, columns[c].label) << "header column " << c;
  }
  ASSERT_EQ(snapshot->stored_rows, static_cast<int>(records.size()) + 1) << "rows in the sheet";
  const odoo::NameCache no_names;
  const SnapshotCell blank;
  for (size_t r = 0; r < records.size(); ++r) {
    const core::Row expected = converter->Convert(records[r], no_names);
    const auto& row = r + 1 < snapshot->rows.size() ? snapshot->rows[r + 1] : std::vector<SnapshotCell>{};
    for (size_t c = 0; c < expected.size(); ++c) {
      ExpectCell(expected[c], c < row.size() ? row[c] : blank,
                 "row " + std::to_string(r + 2) + " column " + columns[c].field);
    }
    if (::testing::Test::HasFailure()) return;  // one broken row is enough to read
  }
}

}  // namespace xlsync::fakes
