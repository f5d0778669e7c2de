#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "tests/integration/export_world.h"

namespace xlsync::fakes {
namespace {

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::stringstream content;
  content << file.rdbuf();
  return content.str();
}

size_t Count(const std::string& text, const std::string& what) {
  size_t count = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

/// The admin commands of the real binary, against a store in a temporary folder and the fakes.
class AdminCliTest : public ExportWorld {
 protected:
  void StartAll() {
    Start();
    env_ = {{"XLSYNC_DATA_DIR", (dir_ / "data").string()},
            {"XLSYNC_MASTER_KEY_FILE", (dir_ / "keys" / "master.key").string()}};
    odoo_key_ = ReadAll(dir_ / "odoo-api-key");
  }
  ProcessResult Admin(const std::vector<std::string>& args) {
    auto result = RunXlsync(args, dir_.string(), env_);
    stderr_seen_ += result.err;
    return result;
  }
  void AddConnections() {
    auto odoo = Admin({"connection", "add", "odoo", "prod", "--url", odoo_->url(), "--database", "demo", "--login",
                       "admin", "--secret-file", (dir_ / "odoo-api-key").string()});
    ASSERT_EQ(odoo.exit_code, 0) << odoo.err;
    EXPECT_EQ(odoo.out, "added Odoo connection \"prod\"\n");
    auto microsoft = Admin({"connection", "add", "microsoft", "m365", "--tenant", ids_.tenant_id, "--client-id",
                            ids_.client_id, "--user", ids_.user_upn, "--secret-file", (dir_ / "client-secret").string(),
                            "--authority-host", graph_->url(), "--graph-url", graph_->url()});
    ASSERT_EQ(microsoft.exit_code, 0) << microsoft.err;
  }

  std::map<std::string, std::string> env_;
  std::string odoo_key_;
  std::string stderr_seen_;
};

TEST_F(AdminCliTest, AddsListsAndVerifiesConnectionsWithoutEverShowingOrStoringASecretInClear) {
  StartAll();
  AddConnections();
  const std::string key_file = (dir_ / "keys" / "master.key").string();
  EXPECT_EQ(Count(stderr_seen_, "xlsync: created the master key " + key_file +
                                    ": back it up, without it the stored secrets cannot be read.\n"), 1u)
      << stderr_seen_;
  struct stat info {};
  ASSERT_EQ(::stat(key_file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);

  auto list = Admin({"connection", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(Count(list.out, " set "), 2u) << list.out;
  EXPECT_NE(list.out.find("prod"), std::string::npos);
  EXPECT_EQ(list.out.find(odoo_key_), std::string::npos);
  EXPECT_EQ(list.out.find(ids_.client_secret), std::string::npos);

  auto odoo = Admin({"connection", "verify", "prod"});
  ASSERT_EQ(odoo.exit_code, 0) << odoo.err;
  EXPECT_EQ(odoo.out.rfind("Odoo 18", 0), 0u) << odoo.out;
  EXPECT_NE(odoo.out.find(" at " + odoo_->url() + ", logged in as uid "), std::string::npos) << odoo.out;
  auto microsoft = Admin({"connection", "verify", "m365"});
  ASSERT_EQ(microsoft.exit_code, 0) << microsoft.err;
  EXPECT_EQ(microsoft.out, "token obtained; drive of " + ids_.user_upn + " is " + ids_.drive_id + "\n");

  std::ofstream(dir_ / "wrong-secret") << "not-the-secret-value-123";
  ASSERT_EQ(Admin({"connection", "edit", "m365", "--secret-file", (dir_ / "wrong-secret").string()}).exit_code, 0);
  auto wrong = Admin({"connection", "verify", "m365"});
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_EQ(wrong.out, "");
  EXPECT_EQ(wrong.err.rfind("xlsync: ", 0), 0u) << wrong.err;
  EXPECT_EQ(Count(wrong.err, "\n"), 1u) << wrong.err;
  EXPECT_EQ(wrong.err.find("not-the-secret-value-123"), std::string::npos);

  for (const char* name : {"xlsync.db", "xlsync.db-wal", "xlsync.db-journal"}) {
    const std::string bytes = ReadAll(dir_ / "data" / name);
    EXPECT_EQ(bytes.find(odoo_key_), std::string::npos) << name;
    EXPECT_EQ(bytes.find(ids_.client_secret), std::string::npos) << name;
    EXPECT_EQ(bytes.find("not-the-secret-value-123"), std::string::npos) << name;
  }
  EXPECT_EQ(Count(stderr_seen_, "created the master key"), 1u);
}

TEST_F(AdminCliTest, AddsATaskShowsItsNextRunsAndRoundTripsDumpApplyWithAnAuditTrail) {
  StartAll();
  AddConnections();
  auto added = Admin({"task", "add", "orders", "--odoo", "prod", "--microsoft", "m365", "--model", "sale.order",
                      "--fields", "name,amount_total", "--workbook", ids_.workbook_path, "--sheet", "Orders", "--cron",
                      "0 7 * * 1-5", "--tz", "Europe/Brussels"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(added.out, "added task \"orders\"\n");
  auto unknown = Admin({"task", "add", "other", "--odoo", "nowhere", "--microsoft", "m365", "--model", "res.partner",
                        "--fields", "name", "--workbook", ids_.workbook_path});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.err, "xlsync: There is no Odoo connection named \"nowhere\": see xlsync connection list.\n");

  auto list = Admin({"task", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("orders"), std::string::npos);
  EXPECT_NE(list.out.find("sale.order"), std::string::npos);
  EXPECT_NE(list.out.find("(Europe/Brussels)"), std::string::npos) << list.out;
  auto show = Admin({"task", "show", "orders"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_EQ(Count(show.out, "  next: "), 5u) << show.out;
  EXPECT_NE(show.out.find("last runs: none"), std::string::npos) << show.out;

  auto dump = Admin({"dump"});
  ASSERT_EQ(dump.exit_code, 0) << dump.err;
  EXPECT_EQ(dump.out.find(odoo_key_), std::string::npos);
  EXPECT_EQ(dump.out.find(ids_.client_secret), std::string::npos);
  std::ofstream(dir_ / "dumped.toml") << dump.out;
  auto apply = Admin({"apply", (dir_ / "dumped.toml").string()});
  ASSERT_EQ(apply.exit_code, 0) << apply.err;
  EXPECT_NE(apply.out.find("0 created, 0 updated, 3 unchanged\n"), std::string::npos) << apply.out;

  std::string changed = dump.out;
  changed.replace(changed.find("page_size = 0\n"), 13, "page_size = 400");
  std::ofstream(dir_ / "changed.toml") << changed;
  auto update = Admin({"apply", (dir_ / "changed.toml").string()});
  ASSERT_EQ(update.exit_code, 0) << update.err;
  EXPECT_NE(update.out.find("updated task \"orders\" (page_size)\n"), std::string::npos) << update.out;

  auto audit = Admin({"audit"});
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  EXPECT_EQ(Count(audit.out, " cli:"), 4u) << audit.out;
  EXPECT_NE(audit.out.find("\"page_size\":{\"new\":\"400\",\"old\":\"0\"}"), std::string::npos) << audit.out;
  EXPECT_EQ(audit.out.find(odoo_key_), std::string::npos);

  auto removed = Admin({"connection", "remove", "prod"});
  EXPECT_EQ(removed.exit_code, 2) << removed.err;
  ASSERT_EQ(Admin({"task", "remove", "orders"}).exit_code, 0);
  EXPECT_EQ(Admin({"connection", "remove", "prod"}).exit_code, 0);
}

}  // namespace
}  // namespace xlsync::fakes
