// The error catalogue of odoo-api.md §4 over /jsonrpc: each case is a call and the exception
// name and message Odoo answers with.
#include "tests/unit/fakes/fake_odoo_fixture.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

struct ErrorCase {
  std::string label;
  int version;
  std::string model;
  std::string method;
  json args;
  json kwargs;
  std::string name;
  std::string message;
  std::string secret = "admin";
  int64_t uid = 2;
};

void PrintTo(const ErrorCase& c, std::ostream* out) { *out << c.label; }

const char* kAccountMoveAcl =
    "You are not allowed to access 'Journal Entry' (account.move) records.\n\nThis operation is allowed for the "
    "following groups:\n\t- Invoicing/Billing\n\t- Invoicing/Read-only\n\nContact your administrator to request "
    "access if necessary.";
const char* kUsersWriteAcl =
    "You are not allowed to modify 'User' (res.users) records.\n\nThis operation is allowed for the following "
    "groups:\n\t- Administration/Access Rights\n\nContact your administrator to request access if necessary.";
const char* kBadOrder =
    "Invalid \"order\" specified (name desc,). A valid \"order\" specification is a comma-separated list of valid "
    "field names (optionally followed by asc/desc for the direction)";
const char* kNoPartner =
    "The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n- Delete: another model "
    "requires the record being deleted. If possible, archive it instead.\n\nModel: Sales Order (sale.order)\nField: "
    "Customer (partner_id)\n";

json Leaf(const json& a, const json& b, const json& c) { return json::array({a, b, c}); }
json Domain(const json& leaf) { return json::array({json::array({leaf})}); }

std::vector<ErrorCase> Cases() {
  const json name_only = {{"fields", {"name"}}, {"limit", 1}};
  return {
      {"UnknownModel", 18, "x_no.such.model", "search_read", json::array({json::array()}), {{"limit", 1}},
       "odoo.exceptions.UserError", "Object x_no.such.model doesn't exist"},
      {"UnknownFieldInFields", 18, "res.partner", "search_read", json::array({json::array()}),
       {{"fields", {"name", "no_such_field"}}, {"limit", 1}}, "builtins.ValueError",
       "Invalid field 'no_such_field' on model 'res.partner'"},
      {"UnknownFieldInDomain", 18, "res.partner", "search_read", Domain(Leaf("no_such_field", "=", 1)), name_only,
       "builtins.ValueError", "Invalid field res.partner.no_such_field in leaf ('no_such_field', '=', 1)"},
      {"UnknownFieldAtTheEndOfAPath", 18, "res.partner", "search_count", Domain(Leaf("country_id.nope", "=", "x")),
       json::object(), "builtins.ValueError", "Invalid field res.country.nope in leaf ('country_id.nope', '=', 'x')"},
      {"InvalidOperator", 18, "res.partner", "search_read", Domain(Leaf("name", "~~", "x")), name_only,
       "builtins.ValueError", "Invalid leaf ('name', '~~', 'x')"},
      {"AnyIsUnknownOn16", 16, "res.partner", "search_count", Domain(Leaf("category_id", "any", json::array())),
       json::object(), "builtins.ValueError", "Invalid leaf ('category_id', 'any', [])"},
      {"FlatLeafInsteadOfADomain", 18, "res.partner", "search_read", json::array({json::array({"name", "=", "x"})}),
       name_only, "builtins.IndexError", "string index out of range"},
      {"MalformedDomainOn16", 16, "res.partner", "search_read",
       json::array({json::array({"&", Leaf("name", "=", "x")})}), name_only, "builtins.AssertionError",
       "This domain is syntactically not correct: ['&', ['name', '=', 'x']]"},
      {"MalformedDomainOn17", 17, "res.partner", "search_read",
       json::array({json::array({"&", Leaf("name", "=", "x")})}), name_only, "builtins.ValueError",
       "Domain ['&', ['name', '=', 'x']] is syntactically not correct."},
      {"NonStoredFieldInDomain", 18, "res.partner", "search_count", Domain(Leaf("company_type", "=", "person")),
       json::object(), "builtins.ValueError", "Non-stored field res.partner.company_type cannot be searched."},
      {"BadOrder", 18, "res.partner", "search_read", json::array({json::array()}),
       {{"fields", {"name"}}, {"order", "name desc,"}}, "odoo.exceptions.UserError", kBadOrder},
      {"UnknownOrderField", 18, "res.partner", "search", json::array({json::array()}), {{"order", "nope"}},
       "builtins.ValueError", "Invalid field 'nope' on model 'res.partner'"},
      {"OrderOnANonStoredField", 18, "res.partner", "search", json::array({json::array()}), {{"order", "display_name"}},
       "builtins.ValueError", "Cannot convert res.partner.display_name to SQL because it is not stored"},
      {"BadKwarg", 18, "res.partner", "search_read", json::array({json::array()}),
       {{"fields", {"name"}}, {"limit", 1}, {"bogus_kw", 1}}, "builtins.TypeError",
       "BaseModel._read_format() got an unexpected keyword argument 'bogus_kw'"},
      {"MissingArgument", 18, "res.partner", "search", json::array(), json::object(), "builtins.TypeError",
       "BaseModel.search() missing 1 required positional argument: 'domain'"},
      {"UnexpectedKeyword", 18, "res.partner", "search_count", json::array({json::array()}), {{"bogus", 1}},
       "builtins.TypeError", "BaseModel.search_count() got an unexpected keyword argument 'bogus'"},
      {"TooManyPositional", 18, "res.partner", "search_count", json::array({json::array(), 1, 2}), json::object(),
       "builtins.TypeError", "BaseModel.search_count() takes from 2 to 3 positional arguments but 4 were given"},
      {"AclRead", 18, "account.move", "search_read", json::array({json::array()}), name_only,
       "odoo.exceptions.AccessError", kAccountMoveAcl, "demo", 6},
      {"AclWrite", 18, "res.users", "write", json::array({json::array({2}), {{"name", "hacked"}}}), json::object(),
       "odoo.exceptions.AccessError", kUsersWriteAcl, "demo", 6},
      {"ForeignCompany", 18, "res.partner", "search_count", json::array({json::array()}),
       {{"context", {{"allowed_company_ids", {1, 2}}}}}, "odoo.exceptions.AccessError",
       "Access to unauthorized or invalid companies.", "demo", 6},
      {"GroupRestrictedField18", 18, "res.partner", "read", json::array({json::array({1}), json::array({"credit"})}),
       json::object(), "odoo.exceptions.AccessError",
       "You do not have enough rights to access the field \"credit\" on Contact (res.partner). Please contact your "
       "system administrator.\n\nOperation: read", "demo", 6},
      {"GroupRestrictedField16", 16, "res.partner", "read", json::array({json::array({1}), json::array({"credit"})}),
       json::object(), "odoo.exceptions.AccessError",
       "You do not have enough rights to access the fields \"credit\" on Contact (res.partner). Please contact your "
       "system administrator.\n\n(Operation: read)", "demo", 6},
      {"WriteOnADeletedRecord", 18, "res.partner", "write", json::array({json::array({999}), {{"name", "x"}}}),
       json::object(), "odoo.exceptions.MissingError",
       "Record does not exist or has been deleted.\n(Record: res.partner(999,), User: 2)"},
      {"MandatoryFieldMissing", 18, "sale.order", "create", json::array({json::object()}), json::object(),
       "odoo.exceptions.ValidationError", kNoPartner},
      {"RecordRuleOnAnotherCompanysRecord", 18, "sale.order", "read",
       json::array({json::array({10}), json::array({"name"})}), json::object(), "odoo.exceptions.AccessError",
       "Uh-oh! Looks like you have stumbled upon some top-secret records.\n\nSorry, Marc Demo (id=6) doesn't have "
       "'read' access to:\n- Sales Order (sale.order)\n\nIf you really, really need access, perhaps you can win over "
       "your friendly administrator with a batch of freshly baked cookies.", "demo", 6},
      {"RecordRuleOn16", 16, "sale.order", "read", json::array({json::array({10}), json::array({"name"})}),
       json::object(), "odoo.exceptions.AccessError",
       "Due to security restrictions, you are not allowed to access 'Sales Order' (sale.order) records.\n\nContact "
       "your administrator to request access if necessary.", "demo", 6},
      {"NameGetIsGoneIn18", 18, "res.partner", "name_get", json::array({json::array({1})}), json::object(),
       "builtins.AttributeError", "The method 'res.partner.name_get' does not exist"},
  };
}

class FakeOdooErrorTest : public FakeOdooTest, public ::testing::WithParamInterface<ErrorCase> {};

TEST_P(FakeOdooErrorTest, AnswersTheExceptionOdooRaises) {
  const ErrorCase& c = GetParam();
  FakeOdooOptions options;
  options.version = c.version;
  Start(options);
  const json envelope = ExecuteKw(c.model, c.method, c.args, c.kwargs, c.secret, c.uid);
  ASSERT_TRUE(envelope.contains("error")) << envelope.dump();
  EXPECT_EQ(envelope["error"]["code"], 200);
  EXPECT_EQ(ErrorOf(envelope)["name"], c.name);
  EXPECT_EQ(ErrorOf(envelope)["message"], c.message);
  EXPECT_EQ(ErrorOf(envelope)["arguments"], json::array({c.message}));
  EXPECT_NE(ErrorOf(envelope)["debug"].get<std::string>().find("Traceback (most recent call last):"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Catalogue, FakeOdooErrorTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<ErrorCase>& param_info) { return param_info.param.label; });

class FakeOdooErrorExtrasTest : public FakeOdooTest {};

TEST_F(FakeOdooErrorExtrasTest, CheckAccessRightsAnswersFalseInsteadOfRaisingWhenAsked) {
  Start();
  EXPECT_EQ(Result("sale.order", "check_access_rights", {"read"}, {{"raise_exception", false}}), true);
  const json demo = ExecuteKw("account.move", "check_access_rights", {"read"}, {{"raise_exception", false}}, "demo", 6);
  EXPECT_EQ(demo["result"], false);
}

TEST_F(FakeOdooErrorExtrasTest, AllowedCompanyIdsNarrowWhatIsVisible) {
  Start();
  const json all = Result("sale.order", "search_count", json::array({json::array()}));
  const json first = Result("sale.order", "search_count", json::array({json::array()}), {{"context", {{"allowed_company_ids", {1}}}}});
  EXPECT_EQ(all, 30);
  EXPECT_EQ(first, 27);  // orders 10, 20, 30 belong to company 2
}

TEST_F(FakeOdooErrorExtrasTest, SearchCountStopsAtItsLimit) {
  Start();
  EXPECT_EQ(Result("res.partner", "search_count", json::array({json::array()}), {{"limit", 3}}), 3);
}

}  // namespace
}  // namespace xlsync::fakes
