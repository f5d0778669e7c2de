// product.product data: furniture and services with prices, some archived, some without an
// internal reference, some with numeric-looking codes and barcodes ("00123").
#include <cstdio>

#include "testing/fake_odoo/gen_context.h"
#include "testing/fake_odoo/gen_util.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

const std::vector<std::string> kNames = {
    "Office Chair", "Office Lamp", "Desk Combination", "Large Cabinet", "Acoustic Bloc Screens",
    "Corner Desk Right Sit", "Drawer Black", "Storage Box", "Pedal Bin", "Cable Management Box",
    "Conference Chair", "Whiteboard Pen", "Customizable Desk", "Flipover", "Virtual Interior Design",
    "Large Meeting Table", "Three-Seat Sofa", "Four Person Desk", "Hotel Accommodation",
    "Local Delivery"};
const std::vector<std::string> kVariants = {"White", "Black", "Oak", "Steel", "Red"};

bool IsService(int64_t id) { return id % 5 == 0; }

json Name(const GenContext&, int64_t id) {
  const size_t index = static_cast<size_t>(id - 1) % kNames.size();
  const size_t round = static_cast<size_t>(id - 1) / kNames.size();
  if (round == 0) return kNames[index];
  return kNames[index] + " (" + kVariants[round % kVariants.size()] + ")";
}

json DefaultCode(const GenContext&, int64_t id) {
  if (id % 7 == 0) return nullptr;
  char buffer[24];
  // Every tenth code is all digits with leading zeros, which a spreadsheet would mangle.
  if (id % 10 == 3) std::snprintf(buffer, sizeof(buffer), "%05lld", static_cast<long long>(id * 41));
  else std::snprintf(buffer, sizeof(buffer), "FURN_%04lld", static_cast<long long>(id));
  return buffer;
}

json ListPrice(const GenContext& ctx, int64_t id) {
  if (id % 19 == 0) return 0.0;
  return static_cast<double>(500 + ctx.Hash("product.price", id) % 150000) / 100.0;
}

json DisplayName(const GenContext&, const RawSource& src, int64_t id) {
  json name = src.Raw("product.product", "name", id);
  json code = src.Raw("product.product", "default_code", id);
  std::string text = name.is_string() ? name.get<std::string>() : "";
  if (code.is_string() && !code.get<std::string>().empty()) return "[" + code.get<std::string>() + "] " + text;
  return text;
}

void RegisterDescriptive(ModelGenerators& g) {
  g.base["name"] = Name;
  g.base["default_code"] = DefaultCode;
  g.base["barcode"] = [](const GenContext&, int64_t id) -> json {
    if (id % 3 != 0) return nullptr;
    char buffer[24];
    std::snprintf(buffer, sizeof(buffer), "%013lld", static_cast<long long>(id * 7919));
    return buffer;
  };
  g.base["type"] = [](const GenContext&, int64_t id) -> json {
    if (id % 50 == 0) return "combo";
    return IsService(id) ? "service" : "consu";
  };
  g.base["categ_id"] = [](const GenContext& ctx, int64_t id) -> json {
    return ctx.Pick("product.category", ctx.Hash("product.categ", id));
  };
  g.base["description"] = [](const GenContext&, int64_t id) -> json {
    if (id % 3 == 0) return nullptr;
    return id % 3 == 1 ? "<p>Solid <strong>oak</strong> finish.</p><ul><li>Assembly required</li></ul>"
                       : "<p><br></p>";
  };
  g.base["description_sale"] = [](const GenContext&, int64_t id) -> json {
    if (id % 4 == 0) return "";
    if (id % 4 == 1) return nullptr;
    return "Ergonomic design.\nAdjustable height: 70–120 cm.\n\t- 5 years warranty";
  };
  g.base["image_1920"] = [](const GenContext&, int64_t id) -> json {
    return id % 2 == 0 ? json(gen::PngBase64()) : json(nullptr);
  };
  g.compute["display_name"] = DisplayName;
}

void RegisterCommercial(ModelGenerators& g) {
  g.base["list_price"] = ListPrice;
  g.compute["lst_price"] = [](const GenContext&, const RawSource& src, int64_t id) -> json {
    json price = src.Raw("product.product", "list_price", id);
    return price.is_number() ? price : json(0.0);
  };
  g.base["standard_price"] = [](const GenContext& ctx, int64_t id) -> json {
    return gen::Round2(ListPrice(ctx, id).get<double>() * 0.6);
  };
  g.base["uom_id"] = [](const GenContext& ctx, int64_t id) -> json {
    const auto& uoms = ctx.FixedRows("uom.uom");
    if (IsService(id) && uoms.count(4)) return 4;  // Hours
    if (id % 9 == 0 && uoms.count(2)) return 2;    // Dozens
    return uoms.count(1) ? json(1) : json(nullptr);
  };
  g.base["sale_ok"] = [](const GenContext&, int64_t id) -> json { return id % 8 != 0; };
  g.base["active"] = [](const GenContext&, int64_t id) -> json { return id % 13 != 0; };
  g.base["weight"] = [](const GenContext& ctx, int64_t id) -> json {
    return IsService(id) ? 0.0 : static_cast<double>(ctx.Hash("product.weight", id) % 5000) / 100.0;
  };
  g.base["volume"] = [](const GenContext& ctx, int64_t id) -> json {
    return IsService(id) ? 0.0 : static_cast<double>(ctx.Hash("product.volume", id) % 300) / 100.0;
  };
  g.base["company_id"] = [](const GenContext&, int64_t) -> json { return nullptr; };
}

}  // namespace

void RegisterProductGenerators(ModelGenerators& product) {
  RegisterDescriptive(product);
  RegisterCommercial(product);
}

}  // namespace xlsync::fakes
