// formatted_read_group of the fake Odoo 19 over JSON-RPC and JSON-2 (odoo-api.md §9.1, §5),
// and the date buckets both grouped reads share (granularities, weeks per language, time zones).
#include "tests/unit/fakes/fake_odoo_fixture.h"
#include "testing/fake_odoo/group_buckets.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

struct BucketCase {
  std::string raw;
  bool datetime;
  std::string granularity;
  std::string tz;
  std::string lang;
  DateBucket expected;
};

TEST(GroupBucketsTest, BucketsFollowOdooGranularitiesWeeksAndTimeZones) {
  const std::vector<BucketCase> cases = {
      {"2024-01-28 10:00:00", true, "day", "", "en_US", {"28 Jan 2024", "2024-01-28 00:00:00", "2024-01-29 00:00:00"}},
      // en_US weeks start on Sunday; week 1 holds January 1st.
      {"2024-01-28 10:00:00", true, "week", "", "en_US", {"W5 2024", "2024-01-28 00:00:00", "2024-02-04 00:00:00"}},
      {"2024-01-27 10:00:00", true, "week", "", "en_US", {"W4 2024", "2024-01-21 00:00:00", "2024-01-28 00:00:00"}},
      {"2023-12-31", false, "week", "", "en_US", {"W1 2024", "2023-12-31", "2024-01-07"}},
      {"2015-12-28", false, "week", "", "en_US", {"W1 2016", "2015-12-27", "2016-01-03"}},
      // fr_FR weeks are ISO weeks starting on Monday.
      {"2024-01-28 10:00:00", true, "week", "", "fr_FR", {"W4 2024", "2024-01-22 00:00:00", "2024-01-29 00:00:00"}},
      {"2021-01-02", false, "week", "", "fr_FR", {"W53 2020", "2020-12-28", "2021-01-04"}},
      {"2024-03-15", false, "month", "", "en_US", {"March 2024", "2024-03-01", "2024-04-01"}},
      {"2024-03-15", false, "month", "", "fr_FR", {"mars 2024", "2024-03-01", "2024-04-01"}},
      {"2024-05-15", false, "quarter", "", "en_US", {"Q2 2024", "2024-04-01", "2024-07-01"}},
      {"2024-12-31", false, "year", "", "en_US", {"2024", "2024-01-01", "2025-01-01"}},
      // Datetimes are bucketed in the context's zone; the bounds are its midnights in UTC.
      {"2023-12-31 23:30:00", true, "month", "Europe/Brussels", "en_US",
       {"January 2024", "2023-12-31 23:00:00", "2024-01-31 23:00:00"}},
      {"2024-03-20 12:00:00", true, "month", "Europe/Brussels", "en_US",
       {"March 2024", "2024-02-29 23:00:00", "2024-03-31 22:00:00"}},
      {"2023-12-31 23:30:00", true, "month", "Not/AZone", "en_US",
       {"December 2023", "2023-12-01 00:00:00", "2024-01-01 00:00:00"}},
  };
  for (const BucketCase& c : cases) {
    const auto bucket = BucketOf(c.raw, c.datetime, c.granularity, c.tz, c.lang);
    ASSERT_TRUE(bucket) << c.raw;
    EXPECT_EQ(*bucket, c.expected) << c.raw << " " << c.granularity << " " << c.lang << ": " << bucket->label << " "
                                   << bucket->from << " " << bucket->to;
  }
  EXPECT_FALSE(BucketOf("2024-02-30", false, "month", "", "en_US"));
  EXPECT_FALSE(BucketOf("2024-02-03", false, "hour", "", "en_US"));
}

class FakeOdooFormattedReadGroupTest : public FakeOdooTest {
 protected:
  void SetUp() override {
    FakeOdooOptions options;
    options.version = 19;
    Start(options);
  }
  static json Body(const http::Response& reply) { return json::parse(reply.body, nullptr, false); }
};

TEST_F(FakeOdooFormattedReadGroupTest, GroupsCarryM2oPairsDateStartAndLabelAndAnExtraDomain) {
  const json groups = Result("sale.order", "formatted_read_group", json::array({json::array()}),
                             {{"groupby", {"partner_id", "date_order:month"}},
                              {"aggregates", {"amount_total:sum", "__count"}}});
  ASSERT_FALSE(groups.empty());
  int64_t total = 0;
  for (const json& group : groups) {
    ASSERT_TRUE(group["partner_id"].is_array());
    ASSERT_TRUE(group["date_order:month"].is_array());
    const std::string from = group["date_order:month"][0];
    const auto bucket = BucketOf(from, true, "month", "", "en_US");
    ASSERT_TRUE(bucket);
    EXPECT_EQ(group["date_order:month"][1], bucket->label);
    EXPECT_EQ(group["__extra_domain"],
              json::array({"&", {"partner_id", "=", group["partner_id"][0]}, "&", {"date_order", ">=", from},
                           {"date_order", "<", bucket->to}}));
    EXPECT_TRUE(group["amount_total:sum"].is_number());
    EXPECT_EQ(Result("sale.order", "search_count", json::array({group["__extra_domain"]})), group["__count"]);
    EXPECT_FALSE(group.contains("__domain"));
    EXPECT_FALSE(group.contains("__range"));
    total += group["__count"].get<int64_t>();
  }
  EXPECT_EQ(total, odoo_->Count("sale.order"));
}

TEST_F(FakeOdooFormattedReadGroupTest, CountIsOnlyThereWhenAskedFor) {
  const json groups = Result("sale.order", "formatted_read_group", json::array({json::array()}),
                             {{"groupby", {"state"}}, {"aggregates", {"amount_total:max"}}});
  ASSERT_FALSE(groups.empty());
  EXPECT_FALSE(groups[0].contains("__count"));
  EXPECT_EQ(groups[0]["__extra_domain"], json::array({{"state", "=", groups[0]["state"]}}));
}

TEST_F(FakeOdooFormattedReadGroupTest, Json2TakesNamedArgumentsAndTheContextTimeZone) {
  const json body = {{"domain", json::array()},
                     {"groupby", {"date_order:year"}},
                     {"aggregates", {"__count"}},
                     {"order", "date_order:year desc"},
                     {"context", {{"tz", "Pacific/Auckland"}}}};
  const http::Response reply = Json2("sale.order", "formatted_read_group", body);
  ASSERT_EQ(reply.status, 200) << reply.body;
  const json groups = Body(reply);
  ASSERT_FALSE(groups.empty());
  const std::string from = groups[0]["date_order:year"][0];
  EXPECT_EQ(from.substr(4), "-12-31 11:00:00");  // local midnight of January 1st in Auckland (NZDT)
  for (size_t i = 1; i < groups.size(); ++i) {
    EXPECT_GT(groups[i - 1]["date_order:year"][0].get<std::string>(), groups[i]["date_order:year"][0].get<std::string>());
  }
  const http::Response missing = Json2("sale.order", "formatted_read_group", {{"groupby", {"state"}}});
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(Body(missing)["message"], "missing a required argument: 'domain'");
}

TEST_F(FakeOdooFormattedReadGroupTest, HavingKeepsTheGroupsWhoseAggregatesMatch) {
  const json all = Result("sale.order", "formatted_read_group", json::array({json::array()}),
                          {{"groupby", {"partner_id"}}, {"aggregates", {"__count"}}});
  const json kept = Result("sale.order", "formatted_read_group", json::array({json::array()}),
                           {{"groupby", {"partner_id"}}, {"aggregates", {"__count"}}, {"having", {{"__count", ">", 1}}}});
  size_t several = 0;
  for (const json& group : all) several += group["__count"].get<int64_t>() > 1 ? 1 : 0;
  EXPECT_EQ(kept.size(), several);
  for (const json& group : kept) EXPECT_GT(group["__count"], 1);
}

TEST_F(FakeOdooFormattedReadGroupTest, ErrorsNameTheSpecLikeOdoo) {
  auto error = [&](const json& kwargs) {
    return ErrorOf(ExecuteKw("sale.order", "formatted_read_group", json::array({json::array()}), kwargs));
  };
  EXPECT_EQ(error({{"groupby", {"date_order"}}})["message"], "Granularity not set on a date(time) field: 'date_order'");
  EXPECT_EQ(error({{"groupby", {"date_order:decade"}}})["message"], "Granularity specification isn't correct: 'decade'");
  EXPECT_EQ(error({{"groupby", {"state"}}, {"aggregates", {"amount_total:median"}}})["message"],
            "Invalid aggregate method 'median' for 'amount_total:median'.");
  EXPECT_EQ(error({{"groupby", {"state"}}, {"order", "name desc"}})["message"],
            "Order term 'name desc' is not a valid aggregate nor valid groupby");
  const json over_json2 = Body(Json2("sale.order", "formatted_read_group",
                                     {{"domain", json::array()}, {"groupby", {"nope"}}}));
  EXPECT_EQ(over_json2["name"], "builtins.ValueError");
  EXPECT_EQ(over_json2["message"], "Invalid field 'nope' on model 'sale.order'");
}

TEST_F(FakeOdooFormattedReadGroupTest, ReadGroupStaysInNineteenAsTheLegacyShape) {
  const json groups = Result("sale.order", "read_group", json::array({json::array(), {"amount_total:sum"}, {"state"}}),
                             {{"lazy", false}});
  ASSERT_FALSE(groups.empty());
  EXPECT_TRUE(groups[0].contains("__domain"));
  EXPECT_TRUE(groups[0].contains("__count"));
  EXPECT_TRUE(groups[0].contains("amount_total"));
}

}  // namespace
}  // namespace xlsync::fakes
