// odoo::ReadGroups against the fake Odoo in process, per version (odoo-api.md §9.1, §11):
// read_group up to 18, formatted_read_group on 19, both folded into the same Groups.
#include "odoo/read_group.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "testing/fake_odoo/fake_odoo.h"
#include "testing/fake_odoo/group_buckets.h"
#include "testing/support/recording_sleeper.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

constexpr const char* kAdminKey = "0123456789abcdef0123456789abcdef01234567";

class ReadGroupsTest : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override {
    fakes::FakeOdooOptions options;
    options.version = GetParam();
    odoo_ = std::make_unique<fakes::FakeOdoo>(options);
    ASSERT_TRUE(odoo_->Start());
    http_ = http::MakeCurlClient({});
    Settings settings;
    settings.url = odoo_->url();
    settings.database = "demo";
    settings.login = "admin";
    settings.api_key = core::Secret(kAdminKey);
    client_ = std::make_unique<Client>(*http_, sleeper_, settings);
  }

  std::string LastMethod() const {
    const auto calls = odoo_->Calls();
    return calls.empty() ? std::string() : calls.back().method;
  }

  static GroupQuery Query(std::vector<std::string> group_by, std::vector<std::string> aggregates) {
    GroupQuery query;
    query.model = "sale.order";
    query.group_by = std::move(group_by);
    query.aggregates = std::move(aggregates);
    return query;
  }

  std::unique_ptr<fakes::FakeOdoo> odoo_;
  std::unique_ptr<http::Client> http_;
  fakes::RecordingSleeper sleeper_;
  std::unique_ptr<Client> client_;
};

INSTANTIATE_TEST_SUITE_P(Versions, ReadGroupsTest, ::testing::Values(16, 17, 18, 19));

TEST_P(ReadGroupsTest, GroupsByPartnerAndMonthEqualTheRecordsGroupedHere) {
  auto groups = ReadGroups(*client_, Query({"partner_id", "date_order:month"}, {"amount_total:sum", "__count"}));
  ASSERT_TRUE(groups) << groups.error().message;
  EXPECT_EQ(LastMethod(), GetParam() >= 19 ? "formatted_read_group" : "read_group");

  struct Expected {
    int64_t count = 0;
    double total = 0;
  };
  std::map<std::pair<int64_t, std::string>, Expected> expected;
  for (const json& order : odoo_->SearchRead("sale.order", json::array(), {"partner_id", "date_order", "amount_total"})) {
    const auto bucket = fakes::BucketOf(order["date_order"].get<std::string>(), true, "month", "", "en_US");
    Expected& group = expected[{order["partner_id"][0].get<int64_t>(), bucket->label}];
    ++group.count;
    group.total += order["amount_total"].get<double>();
  }
  ASSERT_EQ(groups->size(), expected.size());
  for (const Group& group : *groups) {
    ASSERT_EQ(group.keys.size(), 2u);
    ASSERT_TRUE(group.keys[0].is_array());
    const Expected& want = expected.at({group.keys[0][0].get<int64_t>(), group.keys[1].get<std::string>()});
    EXPECT_EQ(group.count, want.count);
    ASSERT_EQ(group.aggregates.size(), 2u);
    EXPECT_NEAR(group.aggregates[0].get<double>(), want.total, 1e-6);
    EXPECT_EQ(group.aggregates[1], want.count);
    EXPECT_FALSE(group.ranges[0]);
    ASSERT_TRUE(group.ranges[1]);
    const auto bucket = fakes::BucketOf(group.ranges[1]->first, true, "month", "", "en_US");
    ASSERT_TRUE(bucket);
    EXPECT_EQ(group.keys[1], bucket->label);
    EXPECT_EQ(group.ranges[1]->second, bucket->to);
  }
}

TEST_P(ReadGroupsTest, OrderAndLimitUseTheSpecsOfTheQuery) {
  GroupQuery query = Query({"state"}, {"amount_total:sum", "amount_total:avg"});
  query.order = "amount_total:sum desc";
  query.limit = 3;
  auto groups = ReadGroups(*client_, query);
  ASSERT_TRUE(groups) << groups.error().message;
  ASSERT_EQ(groups->size(), 3u);
  for (size_t i = 0; i < groups->size(); ++i) {
    const Group& group = (*groups)[i];
    EXPECT_TRUE(group.keys[0].is_string());
    // Two aggregates of one field stay apart: the average is the sum over the count.
    EXPECT_NEAR(group.aggregates[1].get<double>(),
                group.aggregates[0].get<double>() / static_cast<double>(group.count), 1e-6);
    if (i > 0) {
      EXPECT_GE((*groups)[i - 1].aggregates[0].get<double>(), group.aggregates[0].get<double>());
    }
  }
}

TEST_P(ReadGroupsTest, DomainAndTimeZoneShapeTheBuckets) {
  GroupQuery query = Query({"date_order:year"}, {"__count"});
  query.domain = json::array({{"state", "=", "sale"}});
  query.context.tz = "Europe/Brussels";
  auto groups = ReadGroups(*client_, query);
  ASSERT_TRUE(groups) << groups.error().message;
  int64_t counted = 0;
  for (const Group& group : *groups) {
    ASSERT_TRUE(group.ranges[0]);
    EXPECT_EQ(group.ranges[0]->first.substr(4), "-12-31 23:00:00");  // Brussels' midnight of January 1st
    counted += group.count;
  }
  EXPECT_EQ(counted, odoo_->Count("sale.order", query.domain));
}

TEST_P(ReadGroupsTest, AnUnknownFieldIsOneSentenceNamingIt) {
  auto groups = ReadGroups(*client_, Query({"nope"}, {"__count"}));
  ASSERT_FALSE(groups);
  EXPECT_EQ(groups.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_EQ(groups.error().message,
            "The field \"nope\" does not exist on Odoo model sale.order: remove it from the task or pick another "
            "field.");
  EXPECT_EQ(groups.error().upstream, "builtins.ValueError");
}

TEST(ReadGroupsCheckTest, AMalformedAggregateOrNoGroupByIsRefusedBeforeAnyCall) {
  auto http = http::MakeCurlClient({});
  fakes::RecordingSleeper sleeper;
  Settings settings;
  settings.url = "http://127.0.0.1:9";  // never reached
  settings.database = "demo";
  Client client(*http, sleeper, settings);
  GroupQuery query;
  query.model = "sale.order";
  query.group_by = {"state"};
  query.aggregates = {"amount_total"};
  auto malformed = ReadGroups(client, query);
  ASSERT_FALSE(malformed);
  EXPECT_EQ(malformed.error().message,
            "The aggregate \"amount_total\" is not understood: write \"field:function\", such as \"amount_total:sum\", "
            "or \"__count\".");
  query.group_by.clear();
  query.aggregates = {"__count"};
  auto ungrouped = ReadGroups(client, query);
  ASSERT_FALSE(ungrouped);
  EXPECT_EQ(ungrouped.error().message,
            "A grouped read of sale.order names no field to group by: give one, such as \"partner_id\".");
}

TEST(ReadGroupsCheckTest, FormattedReadGroupArrivesWithSaas18Point2) {
  const std::vector<std::pair<ServerVersion, bool>> cases = {
      {{17, 0, "17.0"}, false}, {{18, 0, "18.0"}, false}, {{18, 1, "saas~18.1"}, false},
      {{18, 2, "saas~18.2"}, true}, {{18, 4, "saas~18.4"}, true}, {{19, 0, "19.0"}, true}};
  for (const auto& [version, expected] : cases) EXPECT_EQ(HasFormattedReadGroup(version), expected) << version.text;
}

}  // namespace
}  // namespace xlsync::odoo
