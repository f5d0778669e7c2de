// The small models behind many2one display names. Ids are sparse like in a real database
// (countries 20, 75, 233…; currencies 1, 25, 125, 147), and each table has an archived row.
#include <cmath>

#include "testing/fake_odoo/gen_context.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;
using Table = std::map<int64_t, json>;

// Symbols sit before or after the amount as in Odoo's own currency data; the yen has no decimals.
Table Currencies() {
  auto row = [](const char* name, const char* full_name, const char* symbol, double rounding,
                const char* position, bool active) {
    return json{{"name", name}, {"full_name", full_name}, {"symbol", symbol}, {"rounding", rounding},
                {"position", position}, {"active", active}};
  };
  return {{1, row("USD", "United States dollar", "$", 0.01, "before", true)},
          {25, row("JPY", "Japanese yen", "¥", 1.0, "before", true)},
          {125, row("EUR", "Euro", "€", 0.01, "after", true)},
          {147, row("GBP", "Pound sterling", "£", 0.01, "before", false)}};
}

Table Countries() {
  auto row = [](const char* name, const char* code, int64_t phone, json currency) {
    return json{{"name", name}, {"code", code}, {"phone_code", phone}, {"currency_id", currency}};
  };
  return {{20, row("Belgium", "BE", 32, 125)},       {38, row("Canada", "CA", 1, nullptr)},
          {52, row("Côte d'Ivoire", "CI", 225, nullptr)}, {57, row("Germany", "DE", 49, 125)},
          {68, row("Spain", "ES", 34, 125)},         {75, row("France", "FR", 33, 125)},
          {110, row("Italy", "IT", 39, 125)},        {113, row("Japan", "JP", 81, 25)},
          {166, row("Netherlands", "NL", 31, 125)},  {222, row("United Kingdom", "GB", 44, 147)},
          {233, row("United States", "US", 1, 1)}};
}

Table Companies() {
  return {{1, {{"name", "YourCompany"}, {"currency_id", 1}, {"country_id", 233}, {"email", "info@yourcompany.com"}, {"sequence", 0}}},
          {2, {{"name", "My Belgian Company"}, {"currency_id", 125}, {"country_id", 20}, {"email", nullptr}, {"sequence", 10}}}};
}

Table Users(const std::vector<FakeUser>& users) {
  Table rows;
  for (const FakeUser& user : users) {
    json companies = json::array();
    for (int64_t company : user.company_ids) companies.push_back(company);
    rows[user.uid] = {{"name", user.name}, {"login", user.login}, {"active", true}, {"share", false},
                      {"company_id", user.company_ids.empty() ? json(nullptr) : json(user.company_ids.front())},
                      {"company_ids", companies}};
  }
  return rows;
}

Table Teams() {
  return {{1, {{"name", "Sales"}, {"sequence", 10}, {"active", true}, {"user_id", 2}, {"company_id", 1}}},
          {2, {{"name", "Website"}, {"sequence", 20}, {"active", true}, {"user_id", nullptr}, {"company_id", nullptr}}},
          {3, {{"name", "Pre-Sales"}, {"sequence", 30}, {"active", false}, {"user_id", nullptr}, {"company_id", 1}}}};
}

Table Units() {
  auto row = [](const char* name, double factor, const char* type) {
    return json{{"name", name}, {"factor", factor}, {"rounding", 0.01}, {"uom_type", type}, {"active", true}};
  };
  return {{1, row("Units", 1.0, "reference")}, {2, row("Dozens", 0.08333333333333333, "bigger")},
          {3, row("Days", 0.125, "bigger")},   {4, row("Hours", 1.0, "reference")},
          {5, row("kg", 1.0, "reference")},    {6, row("g", 1000.0, "smaller")}};
}

Table Categories() {
  return {{1, {{"name", "All"}, {"parent_id", nullptr}}},
          {2, {{"name", "Saleable"}, {"parent_id", 1}}},
          {3, {{"name", "Expenses"}, {"parent_id", 1}}},
          {4, {{"name", "Office Furniture"}, {"parent_id", 2}}},
          {5, {{"name", "Services"}, {"parent_id", 2}}}};
}

Table Named(const std::vector<std::string>& names, bool with_active) {
  Table rows;
  int64_t id = 1;
  for (const std::string& name : names) {
    json row = {{"name", name}, {"color", id % 12}};
    if (with_active) row["active"] = name != "Prospects";
    rows[id++] = row;
  }
  return rows;
}

json CategoryPath(const RawSource& src, int64_t id) {
  std::string path;
  for (int depth = 0; depth < 10 && id > 0; ++depth) {
    json name = src.Raw("product.category", "name", id);
    path = (name.is_string() ? name.get<std::string>() : "") + (path.empty() ? "" : " / " + path);
    json parent = src.Raw("product.category", "parent_id", id);
    id = parent.is_number_integer() ? parent.get<int64_t>() : 0;
  }
  return path;
}

}  // namespace

std::map<std::string, std::map<int64_t, json>> FixedTables(const std::vector<FakeUser>& users) {
  return {{"res.currency", Currencies()},
          {"res.country", Countries()},
          {"res.company", Companies()},
          {"res.users", Users(users)},
          {"crm.team", Teams()},
          {"uom.uom", Units()},
          {"product.category", Categories()},
          {"res.partner.category", Named({"Consulting Services", "Desk Manufacturers", "Office Supplies",
                                          "Prospects", "Services", "Vendor", "VIP"}, true)},
          {"crm.tag", Named({"Product", "Software", "Services", "Information", "Design", "Training",
                             "Consulting", "Other"}, false)}};
}

void RegisterFixedGenerators(std::map<std::string, ModelGenerators>& generators) {
  auto path = [](const GenContext&, const RawSource& src, int64_t id) { return CategoryPath(src, id); };
  generators["product.category"].compute["complete_name"] = path;
  generators["product.category"].compute["display_name"] = path;
  generators["res.currency"].compute["decimal_places"] = [](const GenContext&, const RawSource& src, int64_t id) -> json {
    json rounding = src.Raw("res.currency", "rounding", id);
    const double value = rounding.is_number() ? rounding.get<double>() : 0.0;
    if (value <= 0.0 || value >= 1.0) return 0;
    return static_cast<int64_t>(std::ceil(std::log10(1.0 / value) - 1e-9));
  };
}

}  // namespace xlsync::fakes
