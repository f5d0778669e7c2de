#include "odoo/field_path.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace xlsync::odoo {
namespace {

using nlohmann::json;

const Schema& Partners() {
  static const Schema kSchema = *Schema::FromFieldsGet("res.partner", json::parse(R"({
    "name": {"type": "char", "string": "Name"},
    "country_id": {"type": "many2one", "string": "Country", "relation": "res.country"},
    "parent_id": {"type": "many2one", "string": "Related Company", "relation": "res.partner"},
    "child_ids": {"type": "one2many", "string": "Contact", "relation": "res.partner"},
    "category_id": {"type": "many2many", "string": "Tags", "relation": "res.partner.category"}
  })"));
  return kSchema;
}

TEST(FieldPathTest, SplitsAPathAtItsDots) {
  struct Case {
    std::string text;
    std::vector<std::string> segments;
    size_t relations;
  };
  const std::vector<Case> cases = {
      {"name", {"name"}, 0},
      {"partner_id.name", {"partner_id", "name"}, 1},
      {"order_id.partner_id.country_id.name", {"order_id", "partner_id", "country_id", "name"}, 3},
  };
  for (const Case& c : cases) {
    auto path = FieldPath::Parse(c.text);
    ASSERT_TRUE(path) << c.text << ": " << path.error().message;
    EXPECT_EQ(path->text(), c.text);
    EXPECT_EQ(path->segments(), c.segments) << c.text;
    EXPECT_EQ(path->relations(), c.relations) << c.text;
    EXPECT_EQ(path->dotted(), c.relations > 0) << c.text;
  }
}

TEST(FieldPathTest, PrefixJoinsTheFirstSegments) {
  auto path = FieldPath::Parse("order_id.partner_id.country_id.name");
  ASSERT_TRUE(path);
  EXPECT_EQ(path->Prefix(1), "order_id");
  EXPECT_EQ(path->Prefix(3), "order_id.partner_id.country_id");
}

TEST(FieldPathTest, AnEmptyPartIsRefusedNamingThePath) {
  for (const std::string text : {"partner_id..name", ".name", "partner_id.", ""}) {
    auto path = FieldPath::Parse(text);
    ASSERT_FALSE(path) << text;
    EXPECT_EQ(path.error().code, core::ErrorCode::kInvalidInput);
    EXPECT_EQ(path.error().message,
              "The field \"" + text +
                  "\" has an empty part between its dots: write a related field like "
                  "\"partner_id.country_id.name\".");
  }
}

TEST(FieldPathTest, MoreThanThreeRelationsAreRefused) {
  auto path = FieldPath::Parse("a_id.b_id.c_id.d_id.name");
  ASSERT_FALSE(path);
  EXPECT_EQ(path.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_EQ(path.error().message,
            "The field \"a_id.b_id.c_id.d_id.name\" follows 4 relations, more than the 3 xlsync "
            "follows: shorten it to at most three dots.");
}

TEST(FieldPathTest, CheckReturnsTheFieldOfEachSegment) {
  auto path = FieldPath::Parse("parent_id.country_id.name");
  ASSERT_TRUE(path);
  auto first = path->Check(0, Partners());
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ((*first)->name, "parent_id");
  auto leaf = FieldPath::Parse("category_id");
  ASSERT_TRUE(leaf);
  auto x2many_leaf = leaf->Check(0, Partners());
  ASSERT_TRUE(x2many_leaf) << "an x2many is fine as the last segment";
  EXPECT_EQ((*x2many_leaf)->relation, "res.partner.category");
}

TEST(FieldPathTest, CheckRefusesEachBadSegmentInOneSentence) {
  struct Case {
    std::string text;
    size_t index;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"parent_id.contry_id.name", 1,
       "The field \"contry_id\" in \"parent_id.contry_id.name\" does not exist on Odoo model "
       "res.partner: did you mean \"country_id\"?"},
      {"parent_id.zzzzzzzz.name", 1,
       "The field \"zzzzzzzz\" in \"parent_id.zzzzzzzz.name\" does not exist on Odoo model "
       "res.partner: check its technical name (or ask the Odoo administrator whether your user "
       "may see it)."},
      {"child_ids.name", 0,
       "The field \"child_ids\" in \"child_ids.name\" is a one2many field of res.partner, and only "
       "many2one fields can be followed by a dot: use the many2one \"parent_id\" instead "
       "(\"parent_id.name\")."},
      {"category_id.name", 0,
       "The field \"category_id\" in \"category_id.name\" is a many2many field of res.partner, and "
       "only many2one fields can be followed by a dot: export \"category_id\" alone to list the "
       "names of its records."},
      {"parent_id.name.size", 1,
       "The field \"name\" in \"parent_id.name.size\" is a char field of res.partner, and only "
       "many2one fields can be followed by a dot: remove what follows \"parent_id.name\"."},
  };
  for (const Case& c : cases) {
    auto path = FieldPath::Parse(c.text);
    ASSERT_TRUE(path) << c.text;
    auto checked = path->Check(c.index, Partners());
    ASSERT_FALSE(checked) << c.text;
    EXPECT_EQ(checked.error().code, core::ErrorCode::kInvalidInput) << c.text;
    EXPECT_EQ(checked.error().message, c.message);
  }
}

}  // namespace
}  // namespace xlsync::odoo
