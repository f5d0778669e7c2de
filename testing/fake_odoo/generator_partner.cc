// res.partner data: blocks of five ids — a company, three of its contacts (invoice and
// delivery addresses among them), one individual — so parent_id/child_ids are consistent for
// any record count. Names cycle through spreadsheet-hostile texts (gen::TrickyNames).
#include <algorithm>
#include <cstdio>

#include "testing/fake_odoo/gen_context.h"
#include "testing/fake_odoo/gen_util.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

const std::vector<std::string> kAdjectives = {"Azure", "Deco", "Ready", "Gemini", "Lumber", "Wood",
                                              "Acme", "Blue", "Golden", "North", "Bright", "Urban"};
const std::vector<std::string> kNouns = {"Interior", "Addict", "Mat", "Furniture", "Corner",
                                         "Logistics", "Systems", "Foods", "Works", "Partners"};
const std::vector<std::string> kFirst = {"Brandon", "Colleen", "Marc", "Jeff", "Addison", "Tom",
                                         "Nicole", "Chloé", "Lucas", "Émilie", "Oscar", "Ines"};
const std::vector<std::string> kLast = {"Freeman", "Diaz", "Demo", "Lawson", "Olson", "Janssens",
                                        "Peeters", "Dubois", "Müller", "García", "Smith", "Martin"};
const std::vector<std::string> kCities = {"Brussels", "San Francisco", "Liège", "Paris", "Scranton",
                                          "Eugene", "Antwerpen", "Lyon", "Berlin", "Tokyo"};
const std::vector<std::string> kStreets = {"Rue de la Loi", "Main Street", "Avenue Louise",
                                           "Elm Street", "Baker Street", "Chaussée de Namur"};
const std::vector<std::string> kFunctions = {"Sales Manager", "Purchaser", "CEO", "Accountant",
                                             "Office Manager"};
const std::vector<std::string> kZones = {"America/New_York", "Europe/Brussels", "Europe/Paris", "UTC"};

int Position(int64_t id) { return static_cast<int>((id - 1) % 5); }
bool IsCompany(int64_t id) { return Position(id) == 0; }
// Contacts at position 1 and every other individual carry a spreadsheet-hostile name.
bool IsTricky(int64_t id) { return id % 5 == 2 || id % 10 == 0; }

std::string CompanyName(const GenContext& ctx, int64_t id) {
  const uint64_t h = ctx.Hash("res.partner.name", id);
  return gen::Choose(kAdjectives, h) + " " + gen::Choose(kNouns, h >> 16);
}

std::pair<std::string, std::string> PersonName(const GenContext& ctx, int64_t id) {
  const uint64_t h = ctx.Hash("res.partner.name", id);
  return {gen::Choose(kFirst, h), gen::Choose(kLast, h >> 16)};
}

json Name(const GenContext& ctx, int64_t id) {
  const auto& tricky = gen::TrickyNames();
  if (id % 5 == 2) return tricky[static_cast<size_t>(id / 5) % tricky.size()];
  if (id % 10 == 0) return tricky[static_cast<size_t>(id / 10 + 5) % tricky.size()];
  if (IsCompany(id)) return CompanyName(ctx, id);
  auto [first, last] = PersonName(ctx, id);
  return first + " " + last;
}

json Email(const GenContext& ctx, int64_t id) {
  if (id % 11 == 0) return nullptr;
  if (IsCompany(id) || IsTricky(id)) return "contact" + std::to_string(id) + "@example.com";
  auto [first, last] = PersonName(ctx, id);
  return first + "." + last + "@example.com";
}

std::string Digits(uint64_t hash, int count) {
  std::string out;
  for (int i = 0; i < count; ++i, hash /= 10) out += static_cast<char>('0' + hash % 10);
  return out;
}

json DisplayName(const GenContext&, const RawSource& src, int64_t id) {
  json name = src.Raw("res.partner", "name", id);
  std::string own = name.is_string() ? name.get<std::string>() : "";
  json parent = src.Raw("res.partner", "parent_id", id);
  if (!parent.is_number_integer()) return own;
  json parent_name = src.Raw("res.partner", "name", parent.get<int64_t>());
  if (!parent_name.is_string()) return own;
  return parent_name.get<std::string>() + ", " + own;
}

void RegisterIdentity(ModelGenerators& g) {
  g.base["name"] = Name;
  g.base["is_company"] = [](const GenContext&, int64_t id) -> json { return IsCompany(id); };
  g.base["parent_id"] = [](const GenContext&, int64_t id) -> json {
    const int pos = Position(id);
    return pos >= 1 && pos <= 3 ? json(id - pos) : json(nullptr);
  };
  g.inverse["parent_id"] = [](const GenContext& ctx, int64_t target) {
    std::vector<int64_t> ids;
    if (!IsCompany(target)) return ids;
    for (int64_t id = target + 1; id <= target + 3 && id <= ctx.Count("res.partner"); ++id) ids.push_back(id);
    return ids;
  };
  g.base["type"] = [](const GenContext& ctx, int64_t id) -> json {
    if (ctx.Hash("res.partner.type", id) % 17 == 0) return "other";
    const int pos = Position(id);
    return pos == 2 ? "invoice" : pos == 3 ? "delivery" : "contact";
  };
  g.base["ref"] = [](const GenContext&, int64_t id) -> json {
    if (id % 13 == 0) return "";  // stored empty string, not NULL (odoo-api.md §9.2)
    if (!IsCompany(id)) return nullptr;
    char buffer[16];
    std::snprintf(buffer, sizeof(buffer), "%05lld", static_cast<long long>(id));
    return buffer;
  };
  g.base["vat"] = [](const GenContext& ctx, int64_t id) -> json {
    if (!IsCompany(id)) return nullptr;
    return "BE0" + Digits(ctx.Hash("res.partner.vat", id), 9);
  };
  g.base["email"] = Email;
  g.base["function"] = [](const GenContext& ctx, int64_t id) -> json {
    if (IsCompany(id)) return nullptr;
    return gen::Choose(kFunctions, ctx.Hash("res.partner.function", id));
  };
  g.compute["display_name"] = DisplayName;
  g.compute["complete_name"] = DisplayName;
  g.compute["company_type"] = [](const GenContext&, const RawSource& src, int64_t id) -> json {
    return src.Raw("res.partner", "is_company", id) == json(true) ? "company" : "person";
  };
}

void RegisterAddress(ModelGenerators& g) {
  g.base["phone"] = [](const GenContext& ctx, int64_t id) -> json {
    if (id % 7 == 0) return nullptr;
    return "+32 2 555 " + Digits(ctx.Hash("res.partner.phone", id), 4);
  };
  g.base["street"] = [](const GenContext& ctx, int64_t id) -> json {
    const uint64_t h = ctx.Hash("res.partner.street", id);
    return std::to_string(1 + h % 250) + " " + gen::Choose(kStreets, h >> 8);
  };
  g.base["street2"] = [](const GenContext&, int64_t id) -> json {
    return id % 9 == 0 ? json("Suite 3400") : json(nullptr);
  };
  g.base["zip"] = [](const GenContext& ctx, int64_t id) -> json {
    return Digits(ctx.Hash("res.partner.zip", id), 5);  // leading zeros are common
  };
  g.base["city"] = [](const GenContext& ctx, int64_t id) -> json {
    return gen::Choose(kCities, ctx.Hash("res.partner.city", id));
  };
  g.base["country_id"] = [](const GenContext& ctx, int64_t id) -> json {
    return ctx.Pick("res.country", ctx.Hash("res.partner.country", id));
  };
  g.base["website"] = [](const GenContext& ctx, int64_t id) -> json {
    if (!IsCompany(id)) return nullptr;
    return "https://www.company" + std::to_string(ctx.Hash("res.partner.web", id) % 1000) + ".example.com";
  };
  g.base["comment"] = [](const GenContext&, int64_t id) -> json {
    if (id % 3 == 0) return nullptr;
    return id % 3 == 1 ? "<p>Preferred customer since 2019.<br>Pays on time &amp; in full.</p>"
                       : "<p><br></p>";
  };
  g.base["lang"] = [](const GenContext& ctx, int64_t id) -> json {
    return ctx.Hash("res.partner.lang", id) % 4 == 0 ? "fr_FR" : "en_US";
  };
  g.base["tz"] = [](const GenContext& ctx, int64_t id) -> json {
    return gen::Choose(kZones, ctx.Hash("res.partner.tz", id));
  };
}

void RegisterCommercial(ModelGenerators& g) {
  g.base["user_id"] = [](const GenContext& ctx, int64_t id) -> json {
    const uint64_t h = ctx.Hash("res.partner.user", id);
    return h % 3 == 2 ? json(nullptr) : ctx.Pick("res.users", h);
  };
  g.base["category_id"] = [](const GenContext& ctx, int64_t id) -> json {
    json tags = json::array();
    if (!IsCompany(id)) return tags;
    const uint64_t h = ctx.Hash("res.partner.tags", id);
    json first = ctx.Pick("res.partner.category", h);
    json second = ctx.Pick("res.partner.category", h >> 20);
    if (!first.is_null()) tags.push_back(first);
    if (!second.is_null() && second != first && h % 2 == 0) tags.push_back(second);
    std::sort(tags.begin(), tags.end());
    return tags;
  };
  g.base["active"] = [](const GenContext&, int64_t id) -> json { return id % 17 != 0; };
  g.base["color"] = [](const GenContext& ctx, int64_t id) -> json {
    return static_cast<int64_t>(ctx.Hash("res.partner.color", id) % 12);
  };
  g.base["customer_rank"] = [](const GenContext& ctx, int64_t id) -> json {
    return IsCompany(id) ? static_cast<int64_t>(ctx.Hash("res.partner.rank", id) % 5) : 0;
  };
  g.base["supplier_rank"] = [](const GenContext&, int64_t id) -> json { return id % 8 == 0 ? 1 : 0; };
  g.base["partner_latitude"] = [](const GenContext& ctx, int64_t id) -> json {
    const uint64_t h = ctx.Hash("res.partner.lat", id);
    return h % 3 == 0 ? 0.0 : 50.0 + static_cast<double>(h % 10000000) / 1e7;
  };
  g.base["partner_longitude"] = [](const GenContext& ctx, int64_t id) -> json {
    const uint64_t h = ctx.Hash("res.partner.lat", id);
    return h % 3 == 0 ? 0.0 : 4.0 + static_cast<double>((h >> 24) % 10000000) / 1e7;
  };
  g.base["credit_limit"] = [](const GenContext&, int64_t id) -> json { return id % 5 == 0 ? 5000.0 : 0.0; };
  g.compute["credit"] = [](const GenContext& ctx, const RawSource&, int64_t id) -> json {
    return static_cast<double>(ctx.Hash("res.partner.credit", id) % 1000000) / 100.0;
  };
  g.compute["currency_id"] = [](const GenContext&, const RawSource& src, int64_t id) -> json {
    json company = src.Raw("res.partner", "company_id", id);
    return src.Raw("res.company", "currency_id", company.is_number_integer() ? company.get<int64_t>() : 1);
  };
  g.base["company_id"] = [](const GenContext&, int64_t id) -> json {
    return id % 20 == 19 ? json(2) : json(nullptr);
  };
  g.base["image_1920"] = [](const GenContext&, int64_t id) -> json {
    return id % 4 == 0 ? json(gen::PngBase64()) : json(nullptr);
  };
  g.base["barcode"] = [](const GenContext& ctx, int64_t id) -> json {
    if (id % 9 != 0) return nullptr;
    return "0" + Digits(ctx.Hash("res.partner.barcode", id), 12);
  };
}

}  // namespace

void RegisterPartnerGenerators(ModelGenerators& partner) {
  RegisterIdentity(partner);
  RegisterAddress(partner);
  RegisterCommercial(partner);
}

}  // namespace xlsync::fakes
