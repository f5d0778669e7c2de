// read_group (16-19) and formatted_read_group (19) of the fake Odoo (odoo-api.md §9.1): shapes
// per version, lazy variants, aggregates checked against groups computed here from the
// records, date buckets, order and paging, and the errors Odoo raises.
#include <functional>
#include <map>

#include "tests/unit/fakes/fake_odoo_fixture.h"
#include "testing/fake_odoo/group_buckets.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

struct Expected {
  int64_t count = 0;
  double total = 0;
  double low = 0;
  double high = 0;
};

// sale.order groups by `key` of each record, computed from search_read rather than the fake's grouping.
std::map<json, Expected> GroupsOf(const FakeOdoo& odoo, const std::function<json(const json&)>& key) {
  std::map<json, Expected> groups;
  for (const json& order : odoo.SearchRead("sale.order", json::array(), {"state", "partner_id", "date_order", "amount_total"})) {
    Expected& group = groups[key(order)];
    const double amount = order["amount_total"].get<double>();
    group.low = group.count == 0 ? amount : std::min(group.low, amount);
    group.high = group.count == 0 ? amount : std::max(group.high, amount);
    group.total += amount;
    ++group.count;
  }
  return groups;
}

class FakeOdooReadGroupTest : public FakeOdooTest, public ::testing::WithParamInterface<int> {
 protected:
  void SetUp() override {
    FakeOdooOptions options;
    options.version = GetParam();
    Start(options);
  }
};

INSTANTIATE_TEST_SUITE_P(Versions, FakeOdooReadGroupTest, ::testing::Values(16, 17, 18, 19));

TEST_P(FakeOdooReadGroupTest, LazyFalseByStateCountsSumsAndOrdersByKey) {
  const json groups = Result("sale.order", "read_group",
                             json::array({json::array(), {"amount_total:sum"}, {"state"}}), {{"lazy", false}});
  const auto expected = GroupsOf(*odoo_, [](const json& order) { return order["state"]; });
  ASSERT_EQ(groups.size(), expected.size());
  auto it = expected.begin();  // std::map orders the keys as PostgreSQL orders the selection keys
  for (const json& group : groups) {
    EXPECT_EQ(group["state"], it->first);
    EXPECT_EQ(group["__count"], it->second.count);
    EXPECT_NEAR(group["amount_total"].get<double>(), it->second.total, 1e-6);
    EXPECT_EQ(group["__domain"], json::array({{"state", "=", it->first}}));
    EXPECT_FALSE(group.contains("__context"));
    EXPECT_FALSE(group.contains("state_count"));
    ++it;
  }
}

TEST_P(FakeOdooReadGroupTest, LazyTrueGroupsByTheFirstSpecAndLeavesTheRestInContext) {
  const json groups =
      Result("sale.order", "read_group", json::array({json::array(), {"amount_total:sum"}, {"partner_id", "state"}}));
  const auto expected = GroupsOf(*odoo_, [](const json& order) { return order["partner_id"]; });
  ASSERT_EQ(groups.size(), expected.size());
  for (const json& group : groups) {
    ASSERT_TRUE(group["partner_id"].is_array()) << group.dump();
    const Expected& want = expected.at(group["partner_id"]);
    EXPECT_EQ(group["partner_id_count"], want.count);
    EXPECT_NEAR(group["amount_total"].get<double>(), want.total, 1e-6);
    EXPECT_EQ(group["__context"], json({{"group_by", {"state"}}}));
    EXPECT_EQ(group["__domain"], json::array({{"partner_id", "=", group["partner_id"][0]}}));
    EXPECT_FALSE(group.contains("state"));
    EXPECT_FALSE(group.contains("__count"));
  }
  // Many2one groups follow the partners' names.
  for (size_t i = 1; i < groups.size(); ++i) {
    EXPECT_LE(groups[i - 1]["partner_id"][1].get<std::string>(), groups[i]["partner_id"][1].get<std::string>());
  }
}

TEST_P(FakeOdooReadGroupTest, LazyFalseTwoSpecsJoinTheirDomainsWithAnd) {
  const json groups = Result("sale.order", "read_group",
                             json::array({json::array({{"state", "!=", "cancel"}}), {"amount_total:sum"},
                                          {"partner_id", "state"}}),
                             {{"lazy", false}, {"limit", 3}});
  ASSERT_EQ(groups.size(), 3u);
  const json& group = groups[0];
  const json partner_leaf = {"partner_id", "=", group["partner_id"][0]};
  const json state_leaf = {"state", "=", group["state"]};
  const json filter = {"state", "!=", "cancel"};
  // 16 puts the group's conditions first; 17+ ANDs them after the domain.
  const json domain = GetParam() <= 16 ? json::array({"&", "&", partner_leaf, state_leaf, filter})
                                       : json::array({"&", "&", filter, partner_leaf, state_leaf});
  EXPECT_EQ(group["__domain"], domain);
  EXPECT_EQ(Result("sale.order", "search_count", json::array({group["__domain"]})), group["__count"]);
}

TEST_P(FakeOdooReadGroupTest, MonthGroupsCarryLabelsRangesAndDomainsOfTheirBucket) {
  const json groups = Result("sale.order", "read_group",
                             json::array({json::array(), {"amount_total:sum"}, {"date_order:month"}}), {{"lazy", false}});
  const auto expected = GroupsOf(*odoo_, [](const json& order) {
    return json(order["date_order"].get<std::string>().substr(0, 7) + "-01 00:00:00");
  });
  ASSERT_EQ(groups.size(), expected.size());
  auto it = expected.begin();
  for (const json& group : groups) {
    const json range = group["__range"]["date_order:month"];
    EXPECT_EQ(range["from"], it->first);
    const auto bucket = BucketOf(it->first.get<std::string>(), true, "month", "", "en_US");
    ASSERT_TRUE(bucket);
    EXPECT_EQ(group["date_order:month"], bucket->label);
    EXPECT_EQ(range["to"], bucket->to);
    EXPECT_EQ(group["__count"], it->second.count);
    EXPECT_EQ(group["__domain"], json::array({"&", {"date_order", ">=", bucket->from}, {"date_order", "<", bucket->to}}));
    ++it;
  }
}

TEST_P(FakeOdooReadGroupTest, ADateWithoutGranularityIsGroupedByMonthUnderItsOwnName) {
  const json groups = Result("sale.order", "read_group", json::array({json::array(), json::array(), {"date_order"}}),
                             {{"lazy", false}, {"limit", 1}});
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_TRUE(groups[0]["date_order"].is_string());
  EXPECT_TRUE(groups[0]["__range"].contains("date_order"));
  EXPECT_NE(groups[0]["date_order"].get<std::string>().find(' '), std::string::npos);  // "March 2023"
}

TEST_P(FakeOdooReadGroupTest, SumAvgMinMaxAndCountUnderTheirOutputNames) {
  const json groups = Result("sale.order", "read_group",
                             json::array({json::array(),
                                          {"total:sum(amount_total)", "mean:avg(amount_total)", "low:min(amount_total)",
                                           "high:max(amount_total)", "n:count(amount_total)", "amount_untaxed"},
                                          {"state"}}),
                             {{"lazy", false}});
  const auto expected = GroupsOf(*odoo_, [](const json& order) { return order["state"]; });
  for (const json& group : groups) {
    const Expected& want = expected.at(group["state"]);
    EXPECT_NEAR(group["total"].get<double>(), want.total, 1e-6);
    EXPECT_NEAR(group["mean"].get<double>(), want.total / static_cast<double>(want.count), 1e-6);
    EXPECT_EQ(group["low"], want.low);
    EXPECT_EQ(group["high"], want.high);
    EXPECT_EQ(group["n"], want.count);
    EXPECT_TRUE(group["amount_untaxed"].is_number());  // a plain numeric field is summed
  }
}

TEST_P(FakeOdooReadGroupTest, WithoutGroupByOneGroupHoldsEveryRecord) {
  const json groups = Result("sale.order", "read_group", json::array({json::array(), {"amount_total:sum"}, json::array()}),
                             {{"lazy", false}});
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0]["__count"], odoo_->Count("sale.order"));
  double total = 0;
  for (const auto& [key, group] : GroupsOf(*odoo_, [](const json& order) { return order["state"]; })) total += group.total;
  EXPECT_NEAR(groups[0]["amount_total"].get<double>(), total, 1e-6);
}

TEST_P(FakeOdooReadGroupTest, OrderByCountDescendingThenLimitAndOffset) {
  const json all = Result("sale.order", "read_group", json::array({json::array(), json::array(), {"partner_id"}}),
                          {{"lazy", false}, {"orderby", "__count desc"}});
  for (size_t i = 1; i < all.size(); ++i) EXPECT_GE(all[i - 1]["__count"], all[i]["__count"]);
  const json page = Result("sale.order", "read_group", json::array({json::array(), json::array(), {"partner_id"}}),
                           {{"lazy", false}, {"orderby", "__count desc"}, {"offset", 2}, {"limit", 2}});
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0], all[2]);
  EXPECT_EQ(page[1], all[3]);
}

TEST_P(FakeOdooReadGroupTest, UnknownAndUnaggregatableFieldsRaiseLikeOdoo) {
  auto error = [&](const json& fields, const json& groupby) {
    return ErrorOf(ExecuteKw("sale.order", "read_group", json::array({json::array(), fields, groupby}), {{"lazy", false}}));
  };
  const json unknown_group = error(json::array(), {"nope"});
  EXPECT_EQ(unknown_group["name"], "builtins.ValueError");
  EXPECT_EQ(unknown_group["message"], "Invalid field 'nope' on model 'sale.order'");
  EXPECT_EQ(error({"nope:sum"}, {"state"})["message"],
            GetParam() <= 16 ? "Invalid field 'nope' on model 'sale.order'"
                             : "Invalid field 'nope' on model 'sale.order' for 'nope:sum'.");
  const json text_sum = error({"name:sum"}, {"state"});
  EXPECT_EQ(text_sum["name"], "psycopg2.errors.UndefinedFunction");
  EXPECT_EQ(text_sum["message"].get<std::string>().substr(0, 46), "function sum(character varying) does not exist");
  const json computed = error({"amount_to_invoice:sum"}, {"state"});
  EXPECT_EQ(computed["name"], GetParam() <= 16 ? "odoo.exceptions.UserError" : "builtins.ValueError");
  EXPECT_EQ(computed["message"], GetParam() <= 16
                                     ? "Cannot aggregate field 'amount_to_invoice'."
                                     : "Cannot convert sale.order.amount_to_invoice to SQL because it is not stored");
  EXPECT_EQ(error(json::array(), {"state:month"})["message"],
            "Granularity set on a no-datetime field or property: 'state:month'");
}

TEST_P(FakeOdooReadGroupTest, FormattedReadGroupExistsFrom19Only) {
  const json envelope = ExecuteKw("sale.order", "formatted_read_group", json::array({json::array()}),
                                  {{"groupby", {"partner_id", "state"}}, {"aggregates", {"amount_total:sum"}}});
  if (GetParam() >= 19) {
    EXPECT_TRUE(envelope.contains("result")) << envelope.dump();
    return;
  }
  const json error = ErrorOf(envelope);
  EXPECT_EQ(error["name"], "builtins.AttributeError");
  EXPECT_EQ(error["message"], GetParam() <= 17
                                  ? "The method 'formatted_read_group' does not exist on the model 'sale.order'"
                                  : "The method 'sale.order.formatted_read_group' does not exist");
  EXPECT_EQ(error["arguments"], json::array({error["message"]}));
}

TEST_P(FakeOdooReadGroupTest, ReadGroupBindsItsPythonSignature) {
  const json error = ErrorOf(ExecuteKw("sale.order", "read_group", json::array({json::array(), json::array()})));
  EXPECT_EQ(error["name"], "builtins.TypeError");
  EXPECT_EQ(error["message"], "BaseModel.read_group() missing 1 required positional argument: 'groupby'");
  const json extra = ErrorOf(ExecuteKw("sale.order", "read_group", json::array({json::array(), json::array(), {"state"}}),
                                       {{"aggregates", {"__count"}}}));
  EXPECT_EQ(extra["message"], "BaseModel.read_group() got an unexpected keyword argument 'aggregates'");
}

}  // namespace
}  // namespace xlsync::fakes
