#include "cli/config_as_code.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "store/sqlite_store.h"
#include "sync/export_task.h"

namespace xlsync::cli {
namespace {

constexpr char kOdooKey[] = "odoo-key-6f1c2a9d8e7b";
constexpr char kClientSecret[] = "client-secret~Zq8.Xw3-Lp";

class ConfigAsCodeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto box = store::SecretBox::FromKey(std::string(store::SecretBox::kKeyBytes, 'k'));
    ASSERT_TRUE(box) << box.error().message;
    auto opened = store::SqliteStore::Open(":memory:", std::move(*box));
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    dir_ = std::filesystem::temp_directory_path() /
           ("xlsync-cac-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "odoo.key") << kOdooKey << "\n";
    std::filesystem::permissions(dir_ / "odoo.key", std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    variables_["M365_SECRET"] = kClientSecret;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  EnvironmentLookup Env() const {
    return [this](std::string_view name) -> std::optional<std::string> {
      auto found = variables_.find(std::string(name));
      if (found == variables_.end()) return std::nullopt;
      return found->second;
    };
  }

  std::string Config(const std::string& page_size = "500", const std::string& cron = "0 7 * * 1-5") const {
    return "[[odoo_connection]]\nname = \"prod\"\nurl = \"https://acme.odoo.com\"\ndatabase = \"acme\"\n"
           "login = \"admin\"\napi_key_file = \"" + (dir_ / "odoo.key").string() + "\"\n\n"
           "[[microsoft_connection]]\nname = \"m365\"\ntenant_id = \"contoso.onmicrosoft.com\"\n"
           "client_id = \"11111111-2222-3333-4444-555555555555\"\nuser_upn = \"analyst@contoso.com\"\n"
           "client_secret_env = \"M365_SECRET\"\n\n"
           "[[task]]\nname = \"orders\"\nodoo = \"prod\"\nmicrosoft = \"m365\"\nmodel = \"sale.order\"\n"
           "fields = [\"name\", \"amount_total\"]\ndomain = '[[\"state\", \"=\", \"sale\"]]'\n"
           "page_size = " + page_size + "\nworkbook = \"/Reports/Sales.xlsx\"\nsheet = \"Orders\"\n"
           "[[task.schedule]]\ncron = \"" + cron + "\"\ntime_zone = \"Europe/Brussels\"\n";
  }

  core::Result<ApplySummary> Apply(const std::string& text) {
    return ApplyConfig(*store_, text, "xlsync-config.toml", "cli:tester", Env());
  }

  std::unique_ptr<store::SqliteStore> store_;
  std::filesystem::path dir_;
  std::map<std::string, std::string> variables_;
};

TEST_F(ConfigAsCodeTest, CreatesEverythingThenReappliesAsUnchangedWithoutAuditing) {
  auto first = Apply(Config());
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->created, 3);
  EXPECT_EQ(first->lines, (std::vector<std::string>{"created odoo_connection \"prod\"",
                                                     "created microsoft_connection \"m365\"", "created task \"orders\""}));
  auto task = store_->FindTask("orders");
  ASSERT_TRUE(task);
  auto microsoft = store_->FindMicrosoftConnection("m365");
  ASSERT_TRUE(microsoft);
  EXPECT_EQ(task->workbook_key, std::to_string(microsoft->id) + "|/Reports/Sales.xlsx");
  auto spec = sync::ParseTaskToml(task->spec_toml, "stored");
  ASSERT_TRUE(spec);
  EXPECT_EQ(spec->page_size, 500);
  EXPECT_EQ(spec->name, "orders");
  EXPECT_EQ(store_->OdooSecret(store_->FindOdooConnection("prod")->id)->Reveal(), kOdooKey);
  EXPECT_EQ(store_->MicrosoftSecret(microsoft->id)->Reveal(), kClientSecret);
  auto schedules = store_->ListSchedules(task->id);
  ASSERT_TRUE(schedules);
  ASSERT_EQ(schedules->size(), 1u);
  EXPECT_EQ((*schedules)[0].expression, "0 7 * * 1-5");
  EXPECT_EQ((*schedules)[0].time_zone, "Europe/Brussels");
  const size_t audited = store_->ListAudit(100)->size();
  EXPECT_EQ(audited, 3u);

  auto again = Apply(Config());
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->created, 0);
  EXPECT_EQ(again->updated, 0);
  EXPECT_EQ(again->unchanged, 3);
  EXPECT_EQ(store_->ListAudit(100)->size(), audited);
}

TEST_F(ConfigAsCodeTest, UpdatesOneFieldAndAuditsItsOldAndNewValue) {
  ASSERT_TRUE(Apply(Config()));
  auto second = Apply(Config("250"));
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->updated, 1);
  EXPECT_EQ(second->unchanged, 2);
  EXPECT_EQ(second->lines.back(), "updated task \"orders\" (page_size)");
  auto audit = store_->ListAudit(1);
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->size(), 1u);
  const auto& entry = audit->front();
  EXPECT_EQ(entry.actor, "cli:tester");
  EXPECT_EQ(entry.action, "update");
  EXPECT_EQ(entry.object_kind, "task");
  EXPECT_EQ(entry.object_name, "orders");
  const auto details = nlohmann::json::parse(entry.details);
  EXPECT_EQ(details["page_size"], (nlohmann::json{{"old", "500"}, {"new", "250"}}));
  EXPECT_EQ(details["source"], "xlsync-config.toml");
}

TEST_F(ConfigAsCodeTest, RefusesAnInlineSecret) {
  const std::string text = "[[microsoft_connection]]\nname = \"m365\"\ntenant_id = \"t\"\nclient_id = \"c\"\n"
                           "user_upn = \"u@x.com\"\nclient_secret = \"plain\"\n";
  auto applied = Apply(text);
  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().message,
            "xlsync-config.toml: [[microsoft_connection]] \"m365\" writes client_secret inline in the file: put it in "
            "a file (client_secret_file) or an environment variable (client_secret_env) instead.");
  EXPECT_TRUE(store_->ListMicrosoftConnections()->empty());
}

TEST_F(ConfigAsCodeTest, RefusesAnUnreadableSecretFileAndWritesNothing) {
  std::filesystem::remove(dir_ / "odoo.key");
  auto applied = Apply(Config());
  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().message,
            "xlsync-config.toml: [[odoo_connection]] \"prod\" cannot be applied: Could not read the Odoo API key file \"" +
                (dir_ / "odoo.key").string() + "\": check the path and that xlsync may read it.");
  EXPECT_TRUE(store_->ListOdooConnections()->empty());
  EXPECT_TRUE(store_->ListMicrosoftConnections()->empty());
  EXPECT_TRUE(store_->ListTasks()->empty());
  EXPECT_TRUE(store_->ListAudit(10)->empty());
}

TEST_F(ConfigAsCodeTest, RefusesATaskNamingAnUnknownConnection) {
  const std::string text = "[[task]]\nname = \"orders\"\nodoo = \"nowhere\"\nmicrosoft = \"m365\"\n"
                           "model = \"sale.order\"\nfields = [\"name\"]\nworkbook = \"/a.xlsx\"\n";
  auto applied = Apply(text);
  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().message,
            "xlsync-config.toml: [[task]] \"orders\" names the Odoo connection \"nowhere\", which is neither in the "
            "file nor stored: add it or fix the name.");
  EXPECT_TRUE(store_->ListTasks()->empty());
}

TEST_F(ConfigAsCodeTest, RefusesABadCronNamingTheTaskAndWritesNothing) {
  auto applied = Apply(Config("500", "0 25 * * *"));
  ASSERT_FALSE(applied);
  EXPECT_EQ(applied.error().message.rfind("xlsync-config.toml: [[task]] \"orders\" has a schedule that cannot be used: ", 0),
            0u)
      << applied.error().message;
  EXPECT_TRUE(store_->ListOdooConnections()->empty());
}

TEST_F(ConfigAsCodeTest, DumpAppliesBackUnchangedAndHoldsNoSecretValue) {
  ASSERT_TRUE(Apply(Config() + "[[task.schedule]]\nevery = \"15m\"\ncatch_up = false\n"));
  auto dumped = DumpConfig(*store_);
  ASSERT_TRUE(dumped) << dumped.error().message;
  EXPECT_EQ(dumped->find(kOdooKey), std::string::npos);
  EXPECT_EQ(dumped->find(kClientSecret), std::string::npos);
  EXPECT_NE(dumped->find("api_key_file = '" + (dir_ / "odoo.key").string() + "'"), std::string::npos) << *dumped;
  EXPECT_NE(dumped->find("client_secret_env = 'M365_SECRET'"), std::string::npos) << *dumped;
  EXPECT_NE(dumped->find("every = '900'"), std::string::npos) << *dumped;
  auto again = Apply(*dumped);
  ASSERT_TRUE(again) << again.error().message << "\n" << *dumped;
  EXPECT_EQ(again->unchanged, 3);
  EXPECT_EQ(again->updated, 0);
}

TEST_F(ConfigAsCodeTest, DumpNamesAStoredSecretWithoutReferenceInAComment) {
  store::MicrosoftConnection connection;
  connection.name = "hand-made";
  connection.tenant_id = "t";
  connection.client_id = "c";
  connection.user_upn = "u@x.com";
  auto id = store_->CreateMicrosoftConnection(connection);
  ASSERT_TRUE(id);
  ASSERT_TRUE(store_->SetMicrosoftSecret(*id, core::Secret(kClientSecret)));
  auto dumped = DumpConfig(*store_);
  ASSERT_TRUE(dumped);
  EXPECT_NE(dumped->find("# secret set; add client_secret_file or client_secret_env to replace it"), std::string::npos);
  EXPECT_EQ(dumped->find(kClientSecret), std::string::npos);
  // Applying it back keeps the stored secret: a connection without a reference keeps its own.
  auto again = Apply(*dumped);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(again->unchanged, 1);
  EXPECT_EQ(store_->MicrosoftSecret(*id)->Reveal(), kClientSecret);
}

}  // namespace
}  // namespace xlsync::cli
