// Domain operators (odoo-api.md §9.5), table-driven over a small hand-made set of contacts,
// and keyset paging over a million generated records (§9.4).
#include "tests/unit/fakes/fake_odoo_fixture.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

struct DomainCase {
  std::string label;
  json domain;
  std::vector<int64_t> ids;
};

void PrintTo(const DomainCase& c, std::ostream* out) { *out << c.label; }

json L(const json& a, const json& b, const json& c) { return json::array({a, b, c}); }

// A domain from its items (a braced list of one json would copy it instead of wrapping it).
json D(std::initializer_list<json> items) {
  json domain = json::array();
  for (const json& item : items) domain.push_back(item);
  return domain;
}

// Partners 1..5 (see Contacts()): 1 Alpha (company, BE), 2 beta (child of 1, FR), 3 Gamma
// (archived child of 1), 4 Delta_x (US, tags 1 and 2), 5 Éclair (tag 3).
std::vector<DomainCase> Cases() {
  return {
      {"Empty", json::array(), {1, 2, 4, 5}},
      {"Equal", D({L("name", "=", "Alpha")}), {1}},
      {"NotEqual", D({L("name", "!=", "Alpha")}), {2, 4, 5}},
      {"NotEqualAlias", D({L("name", "<>", "Alpha")}), {2, 4, 5}},
      {"Greater", D({L("color", ">", 0)}), {1, 4}},
      {"GreaterOrEqual", D({L("color", ">=", 3)}), {1, 4}},
      {"Less", D({L("color", "<", 3)}), {2, 5}},
      {"LessOrEqual", D({L("color", "<=", 3)}), {1, 2, 4, 5}},
      {"FloatEqual", D({L("credit_limit", "=", 10.5)}), {1}},
      {"EqualFalseMatchesNullAndEmptyText", D({L("ref", "=", false)}), {2, 5}},
      {"NotEqualFalse", D({L("ref", "!=", false)}), {1, 4}},
      {"NotEqualValueIncludesNull", D({L("ref", "!=", "A1")}), {2, 4, 5}},
      {"Like", D({L("name", "like", "lph")}), {1}},
      {"LikeIsCaseSensitive", D({L("name", "like", "ALPH")}), {}},
      {"Ilike", D({L("name", "ilike", "ALPH")}), {1}},
      {"IlikeLatin1", D({L("name", "ilike", "éCLAIR")}), {5}},
      {"NotLike", D({L("name", "not like", "e")}), {1, 5}},
      {"NotIlike", D({L("name", "not ilike", "PH")}), {2, 4, 5}},
      {"EqualLike", D({L("name", "=like", "Del%")}), {4}},
      {"EqualIlike", D({L("name", "=ilike", "del%")}), {4}},
      {"UnderscoreIsOneCharacter", D({L("name", "=like", "bet_")}), {2}},
      {"EscapedUnderscoreIsLiteral", D({L("name", "=like", "Delta\\_x")}), {4}},
      {"PercentInsideLikeIsAWildcard", D({L("name", "ilike", "a%x")}), {4}},
      {"In", D({L("color", "in", {0, 7})}), {2, 5}},
      {"NotIn", D({L("color", "not in", {3})}), {2, 5}},
      {"InWithFalse", D({L("ref", "in", {false, "A1"})}), {1, 2, 5}},
      {"NotInWithFalse", D({L("ref", "not in", {false})}), {1, 4}},
      {"EqualOrIgnoredWhenFalse", D({L("credit_limit", "=?", false)}), {1, 2, 4, 5}},
      {"EqualOrApplied", D({L("credit_limit", "=?", 10.5)}), {1}},
      {"Or", D({"|", L("name", "=", "Alpha"), L("name", "=", "beta")}), {1, 2}},
      {"Not", D({"!", L("name", "=", "Alpha")}), {2, 4, 5}},
      {"And", D({"&", L("color", "=", 3), L("is_company", "=", false)}), {4}},
      {"ImplicitAnd", D({L("color", "=", 3), L("is_company", "=", true)}), {1}},
      {"NestedOrInAnd", D({L("color", "=", 3), "|", L("name", "=", "Alpha"), L("name", "=", "beta")}), {1}},
      {"TrueLeaf", D({L(1, "=", 1)}), {1, 2, 4, 5}},
      {"FalseLeaf", D({L(0, "=", 1)}), {}},
      {"BooleanFalse", D({L("is_company", "=", false)}), {2, 4, 5}},
      {"BooleanNotTrue", D({L("is_company", "!=", true)}), {2, 4, 5}},
      {"ManyToOneEmpty", D({L("parent_id", "=", false)}), {1, 4, 5}},
      {"ManyToOneId", D({L("parent_id", "=", 1)}), {2}},
      {"ManyToOneByName", D({L("parent_id", "=", "Alpha")}), {2}},
      {"ManyToOneIlikeName", D({L("country_id", "ilike", "states")}), {4}},
      {"DottedPath", D({L("parent_id.name", "=", "Alpha")}), {2}},
      {"ThreeLevelPath", D({L("parent_id.country_id.code", "=", "BE")}), {2}},
      {"DottedIn", D({L("country_id.code", "in", {"FR", "US"})}), {2, 4}},
      {"ManyToManyContains", D({L("category_id", "in", {2})}), {4}},
      {"ManyToManyEqualId", D({L("category_id", "=", 3)}), {5}},
      {"ManyToManyEmpty", D({L("category_id", "=", false)}), {1, 2}},
      {"ManyToManyNotIn", D({L("category_id", "not in", {3})}), {1, 2, 4}},
      {"OneToManyNotEmpty", D({L("child_ids", "!=", false)}), {1}},
      {"Any", D({L("category_id", "any", D({L("name", "ilike", "desk")}))}), {4}},
      {"NotAny", D({L("category_id", "not any", D({L("name", "ilike", "desk")}))}), {1, 2, 5}},
      {"ChildOf", D({L("id", "child_of", 1)}), {1, 2}},
      {"ParentOf", D({L("id", "parent_of", 2)}), {1, 2}},
      {"ActiveMentionedDisablesTheDefaultFilter", D({L("active", "=", false)}), {3}},
      {"ActiveBoth", D({L("active", "in", {true, false})}), {1, 2, 3, 4, 5}},
      {"DatetimeLess", D({L("write_date", "<", "2024-03-02")}), {1}},
      {"DatetimeStrictlyLess", D({L("write_date", "<", "2024-03-01 12:00:00")}), {}},
      {"DatetimeLessOrEqual", D({L("write_date", "<=", "2024-03-01 12:00:00")}), {1}},
      {"DateOnlyMeansMidnight", D({L("write_date", ">=", "2024-03-01")}), {1, 2, 4, 5}},
      {"IdGreater", D({L("id", ">", 2)}), {4, 5}},
      {"IdIn", D({L("id", "in", {5, 1, 9})}), {1, 5}},
  };
}

class FakeOdooDomainTest : public ::testing::TestWithParam<DomainCase> {
 protected:
  static void SetUpTestSuite() {
    FakeOdooOptions options;
    options.record_counts["res.partner"] = 0;
    odoo_ = new FakeOdoo(options);
    odoo_->Create("res.partner", {{"name", "Alpha"}, {"ref", "A1"}, {"color", 3}, {"credit_limit", 10.5},
                                  {"is_company", true}, {"country_id", 20}, {"write_date", "2024-03-01 12:00:00"}});
    odoo_->Create("res.partner", {{"name", "beta"}, {"ref", ""}, {"parent_id", 1}, {"country_id", 75}});
    odoo_->Create("res.partner", {{"name", "Gamma 100%"}, {"color", 7}, {"parent_id", 1}, {"active", false}});
    odoo_->Create("res.partner", {{"name", "Delta_x"}, {"ref", "D"}, {"color", 3}, {"category_id", {1, 2}},
                                  {"country_id", 233}});
    odoo_->Create("res.partner", {{"name", "Éclair"}, {"category_id", {3}}});
  }
  static void TearDownTestSuite() {
    delete odoo_;
    odoo_ = nullptr;
  }
  static FakeOdoo* odoo_;
};

FakeOdoo* FakeOdooDomainTest::odoo_ = nullptr;

TEST_P(FakeOdooDomainTest, MatchesTheExpectedRecords) {
  const json rows = odoo_->SearchRead("res.partner", GetParam().domain, {"id"});
  std::vector<int64_t> ids;
  for (const json& row : rows) ids.push_back(row["id"].get<int64_t>());
  EXPECT_EQ(ids, GetParam().ids) << GetParam().domain.dump();
  EXPECT_EQ(odoo_->Count("res.partner", GetParam().domain), static_cast<int64_t>(GetParam().ids.size()));
}

INSTANTIATE_TEST_SUITE_P(Operators, FakeOdooDomainTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<DomainCase>& param_info) { return param_info.param.label; });

class FakeOdooOrderTest : public FakeOdooTest {};

TEST_F(FakeOdooOrderTest, OrdersByFieldsDirectionsAndNulls) {
  FakeOdooOptions options;
  options.record_counts["res.partner"] = 0;
  Start(options);
  odoo_->Create("res.partner", {{"name", "b"}, {"color", 2}, {"ref", "x"}});
  odoo_->Create("res.partner", {{"name", "a"}, {"color", 2}});
  odoo_->Create("res.partner", {{"name", "c"}, {"color", 1}, {"ref", "y"}});
  auto ids = [&](const std::string& order) {
    std::vector<int64_t> out;
    for (const json& row : odoo_->SearchRead("res.partner", json::array(), {"id"}, order)) out.push_back(row["id"]);
    return out;
  };
  EXPECT_EQ(ids("name"), (std::vector<int64_t>{2, 1, 3}));
  EXPECT_EQ(ids("name desc"), (std::vector<int64_t>{3, 1, 2}));
  EXPECT_EQ(ids("color, name desc"), (std::vector<int64_t>{3, 1, 2}));
  EXPECT_EQ(ids("id desc"), (std::vector<int64_t>{3, 2, 1}));
  EXPECT_EQ(ids("ref"), (std::vector<int64_t>{1, 3, 2}));  // NULLS LAST ascending
  EXPECT_EQ(ids("ref desc"), (std::vector<int64_t>{2, 3, 1}));  // NULLS FIRST descending
  EXPECT_EQ(ids("ref asc nulls first"), (std::vector<int64_t>{2, 1, 3}));
  EXPECT_EQ(ids("\"name\" DESC"), (std::vector<int64_t>{3, 1, 2}));
  // res.partner's default order: complete_name ASC, id DESC.
  const json rows = Result("res.partner", "search_read", json::array({json::array()}), {{"fields", {"name"}}});
  EXPECT_EQ(rows[0]["name"], "a");
  const json offset = Result("res.partner", "search", json::array({json::array()}), {{"order", "name"}, {"offset", 1}, {"limit", 1}});
  EXPECT_EQ(offset, json::array({1}));
}

class FakeOdooKeysetTest : public FakeOdooTest {};

TEST_F(FakeOdooKeysetTest, KeysetPagingOverAMillionRecordsReturnsEveryPageInOrder) {
  FakeOdooOptions options;
  options.record_counts["res.partner"] = 1'000'000;
  Start(options);
  odoo_->Unlink("res.partner", {500'001});  // a hole in the ids, as deletions leave
  const int64_t expected = Result("res.partner", "search_count", json::array({json::array()})).get<int64_t>();
  int64_t last = 0, seen = 0, pages = 0;
  while (true) {
    const json page = Result("res.partner", "search_read", json::array({json::array({json::array({"id", ">", last})})}),
                             {{"fields", {"id"}}, {"limit", 25000}, {"order", "id"}});
    ASSERT_TRUE(page.is_array());
    if (page.empty()) break;
    for (const json& row : page) {
      ASSERT_GT(row["id"].get<int64_t>(), last);
      ASSERT_NE(row["id"], 500'001);
      last = row["id"].get<int64_t>();
    }
    seen += static_cast<int64_t>(page.size());
    ++pages;
    if (page.size() < 25000) break;
  }
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(pages, (expected + 24999) / 25000);
  EXPECT_EQ(last, 1'000'000);
  const json tail = Result("res.partner", "search_read", json::array({json::array({json::array({"id", ">", 999'990})})}),
                           {{"fields", {"name"}}, {"limit", 5}, {"order", "id desc"}});
  ASSERT_EQ(tail.size(), 5u);
  EXPECT_EQ(tail[0]["id"], 1'000'000);
}

}  // namespace
}  // namespace xlsync::fakes
