// RelatedPlan against the fake Odoo in process: a full page of sale.order.line costs one read per
// relation node, whatever the page size, and every value matches what Odoo holds.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "http/client.h"
#include "odoo/client.h"
#include "odoo/related_fields.h"
#include "testing/fake_odoo/fake_odoo.h"
#include "testing/support/recording_sleeper.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

constexpr int64_t kLines = 1000;

class RelatedPlanVolumeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fakes::FakeOdooOptions options;
    options.record_counts = {{"sale.order.line", kLines}, {"sale.order", 120}, {"res.partner", 60}};
    odoo_ = std::make_unique<fakes::FakeOdoo>(std::move(options));
    auto started = odoo_->Start();
    ASSERT_TRUE(started) << started.error().message;
    http_ = http::MakeCurlClient({});
    Settings settings;
    settings.url = odoo_->url();
    settings.database = "demo";
    settings.login = "admin";
    settings.password = core::Secret("admin");
    settings.protocol = Protocol::kJsonRpc;
    client_ = std::make_unique<Client>(*http_, sleeper_, settings);
  }

  size_t Reads() const {
    size_t reads = 0;
    for (const auto& call : odoo_->Calls()) reads += call.method == "read" ? 1 : 0;
    return reads;
  }

  // What the sheet must show for `path` of `line`, walked with the fake's own search_read.
  std::string Expected(int64_t line, const std::vector<std::pair<std::string, std::string>>& hops,
                       const std::string& leaf) const {
    std::string model = "sale.order.line";
    int64_t id = line;
    for (const auto& [field, comodel] : hops) {
      const json value = odoo_->SearchRead(model, {{"id", "=", id}}, {field}, "id",
                                           {{"active_test", false}})[0][field];
      if (!value.is_array()) return "";
      id = value[0].get<int64_t>();
      model = comodel;
    }
    const json value = odoo_->SearchRead(model, {{"id", "=", id}}, {leaf}, "id",
                                         {{"active_test", false}})[0][leaf];
    return value.is_string() ? value.get<std::string>() : "";
  }

  std::unique_ptr<fakes::FakeOdoo> odoo_;
  std::unique_ptr<http::Client> http_;
  fakes::RecordingSleeper sleeper_;
  std::unique_ptr<Client> client_;
};

TEST_F(RelatedPlanVolumeTest, APageOfAThousandLinesCostsOneReadPerRelationNodeWhateverThePageSize) {
  const Context context;
  auto schema = client_->FieldsGet("sale.order.line", context);
  ASSERT_TRUE(schema) << schema.error().message;
  auto plan = RelatedPlan::Build(*client_, *schema,
                                 {"name", "order_id.partner_id.country_id.name", "order_id.user_id.login"},
                                 context);
  ASSERT_TRUE(plan) << plan.error().message;
  // order_id -> sale.order, .partner_id -> res.partner, .country_id -> res.country,
  // .user_id -> res.users.
  ASSERT_EQ(plan->nodes().size(), 4u);

  size_t countries = 0;
  size_t logins = 0;
  for (const int page_size : {1000, 250}) {
    SCOPED_TRACE("page size " + std::to_string(page_size));
    for (int64_t after = 0; after < kLines; after += page_size) {
      auto page = client_->SearchRead("sale.order.line", {{"id", ">", after}}, {"order_id"}, "id",
                                      page_size, context);
      ASSERT_TRUE(page) << page.error().message;
      ASSERT_EQ(page->size(), static_cast<size_t>(page_size));
      odoo_->ClearCalls();
      ASSERT_TRUE(plan->Expand(*client_, *page, context));
      EXPECT_EQ(Reads(), 4u) << "after id " << after;
      EXPECT_EQ(odoo_->Calls().size(), 4u) << "nothing but the node reads";
      for (const size_t r : {size_t{0}, page->size() / 2, page->size() - 1}) {
        const json& line = (*page)[r];
        const int64_t id = line["id"].get<int64_t>();
        const json country = line["order_id.partner_id.country_id.name"];
        countries += country.is_string() ? 1 : 0;
        EXPECT_EQ(country.is_string() ? country.get<std::string>() : "",
                  Expected(id, {{"order_id", "sale.order"}, {"partner_id", "res.partner"},
                                {"country_id", "res.country"}},
                           "name"))
            << "line " << id;
        const json login = line["order_id.user_id.login"];
        logins += login.is_string() ? 1 : 0;
        EXPECT_EQ(login.is_string() ? login.get<std::string>() : "",
                  Expected(id, {{"order_id", "sale.order"}, {"user_id", "res.users"}}, "login"))
            << "line " << id;
      }
    }
  }
  EXPECT_GT(countries, 0u) << "the sample must hold real values, not only false";
  EXPECT_GT(logins, 0u);
}

}  // namespace
}  // namespace xlsync::odoo
