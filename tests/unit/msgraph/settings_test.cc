#include "msgraph/settings.h"

#include <gtest/gtest.h>

#include <functional>

#include "tests/unit/msgraph/graph_test_support.h"

namespace xlsync::msgraph {
namespace {

TEST(SettingsTest, AcceptsCompleteSettings) {
  EXPECT_TRUE(ValidateSettings(fakes::TestGraphSettings()));
}

TEST(SettingsTest, AcceptsVerifiedDomainAsTenantAndLoopbackHttpForTests) {
  Settings settings = fakes::TestGraphSettings();
  settings.tenant_id = "contoso.onmicrosoft.com";
  settings.authority_host = "http://127.0.0.1:8080";
  settings.graph_url = "http://localhost:8081";
  EXPECT_TRUE(ValidateSettings(settings));
}

struct BadSettingCase {
  std::string name;
  std::function<void(Settings&)> change;
  std::string message;
};

class BadSettingTest : public ::testing::TestWithParam<BadSettingCase> {};

TEST_P(BadSettingTest, ReportsOnePlainSentence) {
  Settings settings = fakes::TestGraphSettings();
  GetParam().change(settings);
  auto valid = ValidateSettings(settings);
  ASSERT_FALSE(valid);
  EXPECT_EQ(valid.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_EQ(valid.error().message, GetParam().message);
  EXPECT_EQ(valid.error().message.find("Xy8Q~ab+cd/ef=gh"), std::string::npos);
}

const BadSettingCase kBadSettings[] = {
    {"MissingTenant", [](Settings& s) { s.tenant_id = " "; },
     "The Microsoft tenant ID is missing: copy the Directory (tenant) ID from the app "
     "registration's Overview page in Microsoft Entra."},
    {"PlaceholderTenant", [](Settings& s) { s.tenant_id = "{tenantid}"; },
     "The Microsoft tenant ID \"{tenantid}\" is a placeholder: replace it with the Directory "
     "(tenant) ID from the app registration's Overview page in Microsoft Entra."},
    {"WordPlaceholderTenant", [](Settings& s) { s.tenant_id = "your-tenant-id"; },
     "The Microsoft tenant ID \"your-tenant-id\" is a placeholder: replace it with the Directory "
     "(tenant) ID from the app registration's Overview page in Microsoft Entra."},
    {"CommonTenant", [](Settings& s) { s.tenant_id = "common"; },
     "The tenant \"common\" cannot be used for app-only access: give your tenant's Directory "
     "(tenant) ID or its domain (contoso.onmicrosoft.com)."},
    {"MalformedTenant", [](Settings& s) { s.tenant_id = "contoso tenant"; },
     "The Microsoft tenant ID \"contoso tenant\" is neither a GUID nor a domain name: copy the "
     "Directory (tenant) ID from the app registration's Overview page in Microsoft Entra."},
    {"MissingClientId", [](Settings& s) { s.client_id.clear(); },
     "The Microsoft client ID is missing: copy the Application (client) ID from the app "
     "registration's Overview page in Microsoft Entra."},
    {"ClientIdNotGuid", [](Settings& s) { s.client_id = "xlsync-app"; },
     "The Microsoft client ID \"xlsync-app\" is not a GUID: copy the Application (client) ID "
     "from the app registration's Overview page in Microsoft Entra."},
    {"MissingSecret", [](Settings& s) { s.client_secret = core::Secret(""); },
     "The Microsoft client secret is missing: create one under Certificates & secrets in the app "
     "registration and paste its Value."},
    {"SecretIdInsteadOfValue",
     [](Settings& s) { s.client_secret = core::Secret("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"); },
     "The Microsoft client secret looks like the secret's ID: paste the secret's Value from "
     "Certificates & secrets instead."},
    {"MissingUser", [](Settings& s) { s.user_upn.clear(); },
     "The OneDrive user is missing: give the user principal name (user@contoso.com) of the user "
     "whose OneDrive holds the workbook."},
    {"UserNotUpn", [](Settings& s) { s.user_upn = "finance"; },
     "The OneDrive user \"finance\" is not a user principal name: write it as user@contoso.com "
     "(or give the user's object ID)."},
    {"PlainHttpGraph", [](Settings& s) { s.graph_url = "http://graph.microsoft.com"; },
     "The Microsoft Graph address \"http://graph.microsoft.com\" uses plain http://: use "
     "https:// (plain http is accepted only for 127.0.0.1 and localhost)."},
    {"BadAuthority", [](Settings& s) { s.authority_host = "login.microsoftonline.com"; },
     "The Microsoft sign-in address \"login.microsoftonline.com\" is not a valid address: write "
     "it as https://host/."},
    {"ZeroTimeout", [](Settings& s) { s.timeout = std::chrono::milliseconds(0); },
     "The Microsoft Graph timeout must be a positive number of seconds: set it to 120 unless you "
     "have a reason to change it."},
};

INSTANTIATE_TEST_SUITE_P(Settings, BadSettingTest, ::testing::ValuesIn(kBadSettings),
                         [](const auto& test) { return test.param.name; });

TEST(SettingsTest, RecognisesGuids) {
  EXPECT_TRUE(IsGuid("535fb089-9ff3-47b6-9bfb-4f1264799865"));
  EXPECT_FALSE(IsGuid("{535fb089-9ff3-47b6-9bfb-4f1264799865}"));
  EXPECT_FALSE(IsGuid("535fb0899ff347b69bfb4f1264799865"));
}

}  // namespace
}  // namespace xlsync::msgraph
