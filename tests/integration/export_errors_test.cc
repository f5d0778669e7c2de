// Every mistake a user can make gets one plain sentence and a non-zero exit, and leaves the
// sheet exactly as it was (nothing half-written).
#include <gmock/gmock.h>

#include <fstream>

#include "tests/integration/export_world.h"

namespace xlsync::fakes {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string LastLine(const std::string& text) {
  const auto end = text.find_last_not_of('\n');
  if (end == std::string::npos) return {};
  const auto start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1) + 1);
}

class ExportErrorsTest : public ExportWorld {
 protected:
  void SetUp() override {
    Start({{"res.partner", 200}});
    ASSERT_EQ(Xlsync("export", Args()).exit_code, 0);
    before_ = Sheet("Partners");
    ASSERT_TRUE(before_);
  }
  std::vector<std::string> Args() { return TaskArgs("res.partner", {"name", "email"}, "Partners"); }
  /// Runs an export that must fail with `message` (and exit code), leaving the sheet untouched.
  void ExpectFailure(const std::vector<std::string>& args, const std::string& message, int exit_code = 1) {
    const auto result = Xlsync("export", args);
    EXPECT_EQ(result.exit_code, exit_code) << result.out << result.err;
    // Retries may be logged as warnings before it; the error itself is the last line, alone.
    const std::string last_line = LastLine(result.err);
    EXPECT_EQ(last_line.rfind("xlsync: ", 0), 0u) << result.err;
    EXPECT_THAT(last_line, HasSubstr(message));
    auto after = Sheet("Partners");
    ASSERT_TRUE(after);
    EXPECT_EQ(after->rows, before_->rows) << "the sheet was touched";
  }
  std::optional<SheetSnapshot> before_;
};

TEST_F(ExportErrorsTest, AWrongClientSecretIsNamedAndNeverShown) {
  WriteConfig("wrong-secret-value");
  ExpectFailure(Args(), "client secret");
  const auto result = Xlsync("export", Args());
  EXPECT_THAT(result.err, HasSubstr("AADSTS7000215"));
  EXPECT_THAT(result.err + result.out, Not(HasSubstr("wrong-secret-value")));
}

TEST_F(ExportErrorsTest, AnUnknownTenantIsNamed) {
  WriteConfig("", "nosuchtenant.onmicrosoft.com");
  ExpectFailure(Args(), "AADSTS90002");
}

TEST_F(ExportErrorsTest, AMissingWorkbookIsNamed) {
  auto args = Args();
  args[5] = "/Reports/Missing.xlsx";
  ExpectFailure(args, "/Reports/Missing.xlsx");
}

TEST_F(ExportErrorsTest, AnUnknownFieldIsNamedWithAHint) {
  ExpectFailure(TaskArgs("res.partner", {"name", "emial"}, "Partners"), "emial");
}

TEST_F(ExportErrorsTest, AnUnknownModelIsNamed) {
  ExpectFailure(TaskArgs("res.partnr", {"name"}, "Partners"), "res.partnr");
}

TEST_F(ExportErrorsTest, AMalformedFilterIsRefused) {
  ExpectFailure(TaskArgs("res.partner", {"name"}, "Partners", R"([["name", "=="]])"), "filter");
}

TEST_F(ExportErrorsTest, AFilterOnAnUnknownFieldIsNamed) {
  ExpectFailure(TaskArgs("res.partner", {"name"}, "Partners", R"([["nmae", "=", "x"]])"), "nmae");
}

TEST_F(ExportErrorsTest, AnInvalidSheetNameIsRefusedBeforeAnythingIsContacted) {
  ExpectFailure(TaskArgs("res.partner", {"name"}, "Q1/Q2"), "\"/\"", 2);
}

TEST_F(ExportErrorsTest, ARefusedOdooLoginIsNamed) {
  std::ofstream(dir_ / "odoo-api-key") << "ffffffffffffffffffffffffffffffffffffffff";
  ExpectFailure(Args(), "Odoo refused the login");
}

TEST_F(ExportErrorsTest, AnUnreachableOdooIsNamed) {
  odoo_->Stop();
  ExpectFailure(Args(), "Could not reach");
}

TEST_F(ExportErrorsTest, AMissingGraphPermissionIsNamed) {
  graph_->AddApp(ids_.tenant_id, "99999999-9999-4999-8999-999999999999", "other-secret",
                 AppAccess{AppPermission::kNone, false});
  std::ofstream(dir_ / "client-secret") << "other-secret";
  std::string config;
  {
    std::ifstream in(dir_ / "xlsync.toml");
    config.assign(std::istreambuf_iterator<char>(in), {});
  }
  config.replace(config.find(ids_.client_id), ids_.client_id.size(), "99999999-9999-4999-8999-999999999999");
  std::ofstream(dir_ / "xlsync.toml") << config;
  ExpectFailure(Args(), "Files.ReadWrite.All");
}

TEST_F(ExportErrorsTest, ALockedWorkbookIsNamed) {
  ASSERT_TRUE(graph_->InjectFault(FaultSpec::Status(423, "", "/createSession", 1)));
  ExpectFailure(Args(), "locked");
}

}  // namespace
}  // namespace xlsync::fakes
