#include "odoo/domain.h"

#include <gtest/gtest.h>

namespace xlsync::odoo {
namespace {

using nlohmann::json;

TEST(DomainTest, AcceptsWellFormedDomains) {
  const char* cases[] = {
      R"([])",
      R"([["is_company", "=", true]])",
      R"([["is_company", "=", true], ["name", "ilike", "acme"]])",
      R"(["|", ["state", "=", "sale"], ["state", "=", "done"]])",
      R"(["&", "!", ["active", "=", false], "|", ["a", "=", 1], ["b", "=", 2]])",
      R"(["|", ["a", "=", 1], ["b", "=", 2], ["c", "=", 3]])",
      R"([[1, "=", 1]])",
      R"([["partner_id.country_id.code", "in", ["BE", "FR"]]])",
  };
  for (const char* text : cases) {
    EXPECT_TRUE(ValidateDomain(json::parse(text))) << text;
  }
}

TEST(DomainTest, RejectsMalformedDomainsWithAPlainReason) {
  struct Case {
    const char* domain;
    const char* message;
  };
  const Case cases[] = {
      {R"(["name", "=", "x"])",
       "The filter is not a valid Odoo domain (item 1, \"name\", is neither a condition nor &, | "
       "or !): write it as a list of conditions such as [[\"is_company\", \"=\", true]]."},
      {R"(["|", ["a", "=", 1]])",
       "The filter is not a valid Odoo domain (an operator lacks its conditions): write it as a "
       "list of conditions such as [[\"is_company\", \"=\", true]]."},
      {R"({"name": "x"})",
       "The filter is not a valid Odoo domain (it is {\"name\":\"x\"}, not a list): write it as a "
       "list of conditions such as [[\"is_company\", \"=\", true]]."},
      {R"([["name", "="]])",
       "The filter is not a valid Odoo domain (item 1, [\"name\",\"=\"], is neither a condition "
       "nor &, | or !): write it as a list of conditions such as [[\"is_company\", \"=\", "
       "true]]."},
  };
  for (const auto& c : cases) {
    auto valid = ValidateDomain(json::parse(c.domain));
    ASSERT_FALSE(valid) << c.domain;
    EXPECT_EQ(valid.error().message, c.message);
  }
}

TEST(DomainTest, AddsAConditionThatOdooJoinsWithAnd) {
  EXPECT_EQ(WithCondition(json::array(), "id", ">", 5), json::parse(R"([["id", ">", 5]])"));
  EXPECT_EQ(WithCondition(json::parse(R"(["|", ["a","=",1], ["b","=",2]])"), "id", "<", 9),
            json::parse(R"(["|", ["a","=",1], ["b","=",2], ["id","<",9]])"));
}

}  // namespace
}  // namespace xlsync::odoo
