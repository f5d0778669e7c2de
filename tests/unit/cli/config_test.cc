#include "cli/config.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace xlsync::cli {
namespace {

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("xlsync-config-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content, mode_t mode = 0600) {
    const auto path = (dir_ / name).string();
    std::ofstream(path) << content;
    ::chmod(path.c_str(), mode);
    return path;
  }
  EnvironmentLookup Env() const {
    return [this](std::string_view name) -> std::optional<std::string> {
      auto found = env_.find(std::string(name));
      if (found == env_.end()) return std::nullopt;
      return found->second;
    };
  }

  std::filesystem::path dir_;
  std::map<std::string, std::string> env_;
};

TEST_F(ConfigTest, ReadsBothSectionsWithSecretsFromFilesAndVariables) {
  const auto secret_file = Write("client-secret", "s3cr~+/=t\n");
  env_["MY_ODOO_KEY"] = "0123456789abcdef";
  const auto config = Write("xlsync.toml", R"(
[odoo]
url = "https://mycompany.odoo.com"
database = "mycompany"
login = "admin"
api_key_env = "MY_ODOO_KEY"
protocol = "json2"
[microsoft]
tenant_id = "contoso.onmicrosoft.com"
client_id = "11111111-2222-3333-4444-555555555555"
client_secret_file = ")" + secret_file + R"("
user_upn = "analyst@contoso.com"
graph_url = "https://graph.microsoft.us"
)");
  auto connections = LoadConnections(config, Env());
  ASSERT_TRUE(connections) << connections.error().message;
  EXPECT_EQ(connections->odoo.url, "https://mycompany.odoo.com");
  EXPECT_EQ(connections->odoo.database, "mycompany");
  EXPECT_EQ(connections->odoo.login, "admin");
  EXPECT_EQ(connections->odoo.api_key.Reveal(), "0123456789abcdef");
  EXPECT_EQ(connections->odoo.protocol, odoo::Protocol::kJson2);
  EXPECT_EQ(connections->graph.tenant_id, "contoso.onmicrosoft.com");
  EXPECT_EQ(connections->graph.client_secret.Reveal(), "s3cr~+/=t");
  EXPECT_EQ(connections->graph.user_upn, "analyst@contoso.com");
  EXPECT_EQ(connections->graph.graph_url, "https://graph.microsoft.us");
  EXPECT_EQ(connections->graph.authority_host, "https://login.microsoftonline.com");
}

TEST_F(ConfigTest, RefusesASecretWrittenInline) {
  const auto config = Write("xlsync.toml", "[microsoft]\nclient_secret = \"oops\"\n");
  auto connections = LoadConnections(config, Env());
  ASSERT_FALSE(connections);
  EXPECT_EQ(connections.error().message,
            "[microsoft] client_secret is written inline in the configuration file: put it in a file "
            "(client_secret_file) or an environment variable (client_secret_env) instead.");
  EXPECT_EQ(connections.error().message.find("oops"), std::string::npos);
}

TEST_F(ConfigTest, NamesAMissingSecretVariableOrFile) {
  auto missing_variable = LoadConnections(Write("a.toml", "[odoo]\npassword_env = \"NOPE\"\n"), Env());
  ASSERT_FALSE(missing_variable);
  EXPECT_EQ(missing_variable.error().message,
            "The environment variable NOPE named for the Odoo password is not set: export it before running xlsync.");
  auto missing_file = LoadConnections(Write("b.toml", "[odoo]\napi_key_file = \"/nonexistent/key\"\n"), Env());
  ASSERT_FALSE(missing_file);
  EXPECT_EQ(missing_file.error().message,
            "Could not read the Odoo API key file \"/nonexistent/key\": check the path and that xlsync may read it.");
}

TEST_F(ConfigTest, EnvironmentVariablesOverrideTheFileAndWorkAlone) {
  env_ = {{"XLSYNC_ODOO_URL", "http://127.0.0.1:8069"}, {"XLSYNC_ODOO_PASSWORD", "pw"},
          {"XLSYNC_TENANT_ID", "t"}, {"XLSYNC_CLIENT_SECRET", "cs"}, {"XLSYNC_GRAPH_URL", "http://127.0.0.1:1"}};
  auto connections = LoadConnections(Write("c.toml", "[odoo]\nurl = \"https://file.example\"\n"), Env());
  ASSERT_TRUE(connections);
  EXPECT_EQ(connections->odoo.url, "http://127.0.0.1:8069");
  EXPECT_EQ(connections->odoo.password.Reveal(), "pw");
  EXPECT_EQ(connections->graph.client_secret.Reveal(), "cs");
  EXPECT_EQ(connections->graph.graph_url, "http://127.0.0.1:1");
  auto env_only = LoadConnections("", Env());
  ASSERT_TRUE(env_only);
  EXPECT_EQ(env_only->graph.tenant_id, "t");
  EXPECT_TRUE(IsConfigured("", Env()));
}

TEST_F(ConfigTest, RefusesAnUnknownProtocolAndReportsBrokenToml) {
  auto protocol = LoadConnections(Write("d.toml", "[odoo]\nprotocol = \"xmlrpc\"\n"), Env());
  ASSERT_FALSE(protocol);
  EXPECT_EQ(protocol.error().message, "The Odoo protocol \"xmlrpc\" is unknown: use auto, jsonrpc or json2.");
  auto broken = LoadConnections(Write("e.toml", "[odoo\n"), Env());
  ASSERT_FALSE(broken);
  EXPECT_NE(broken.error().message.find("could not be read (line 1"), std::string::npos) << broken.error().message;
}

TEST_F(ConfigTest, FindsTheConfigFileFromTheFlagThenTheVariable) {
  EXPECT_EQ(FindConfigFile("given.toml", Env()), "given.toml");
  env_["XLSYNC_CONFIG"] = "/etc/xlsync.toml";
  EXPECT_EQ(FindConfigFile("", Env()), "/etc/xlsync.toml");
  env_.clear();
  EXPECT_FALSE(IsConfigured("", Env()));
}

}  // namespace
}  // namespace xlsync::cli
