// sale.order and sale.order.line data. Lines are spread over orders in contiguous id blocks
// (owner(i) = floor((i-1)·orders/lines)+1), so order_line/order_id agree for any counts and the
// inverse is computed without scanning. Amounts are computed from the lines, like Odoo stores
// them, so totals always add up.
#include <cstdio>

#include "testing/fake_odoo/gen_context.h"
#include "testing/fake_odoo/gen_util.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

constexpr std::string_view kOrder = "sale.order";
constexpr std::string_view kLine = "sale.order.line";

int64_t Owner(const GenContext& ctx, int64_t line) {
  const int64_t orders = ctx.Count(kOrder);
  const int64_t lines = ctx.Count(kLine);
  if (orders <= 0 || lines <= 0) return 0;
  return (line - 1) * orders / lines + 1;
}

double Number(const json& value) { return value.is_number() ? value.get<double>() : 0.0; }

json OrderField(const RawSource& src, int64_t line, std::string_view field) {
  json order = src.Raw(kLine, "order_id", line);
  return order.is_number_integer() ? src.Raw(kOrder, field, order.get<int64_t>()) : json(nullptr);
}

json SumLines(const RawSource& src, int64_t order, std::string_view field) {
  double total = 0.0;
  json lines = src.Raw(kOrder, "order_line", order);
  if (!lines.is_array()) return 0.0;
  for (const json& line : lines) total += Number(src.Raw(kLine, field, line.get<int64_t>()));
  return gen::Round2(total);
}

void RegisterOrderHeader(ModelGenerators& g) {
  g.base["name"] = [](const GenContext&, int64_t id) -> json {
    char buffer[24];
    std::snprintf(buffer, sizeof(buffer), "S%05lld", static_cast<long long>(id));
    return buffer;
  };
  g.base["partner_id"] = [](const GenContext& ctx, int64_t id) -> json {
    return ctx.Pick("res.partner", ctx.Hash("sale.order.partner", id));
  };
  g.base["date_order"] = [](const GenContext& ctx, int64_t id) -> json {
    return gen::Datetime(ctx.CreateEpoch(kOrder, id) - static_cast<int64_t>(ctx.Hash("so.date", id) % 86400));
  };
  g.base["validity_date"] = [](const GenContext& ctx, int64_t id) -> json {
    return gen::Date(ctx.CreateEpoch(kOrder, id) + 30 * 86400);
  };
  g.base["commitment_date"] = [](const GenContext& ctx, int64_t id) -> json {
    if (ctx.Hash("so.commit", id) % 5 != 0) return nullptr;
    return gen::Datetime(ctx.CreateEpoch(kOrder, id) + 7 * 86400);
  };
  g.base["state"] = [](const GenContext& ctx, int64_t id) -> json {
    const uint64_t h = ctx.Hash("so.state", id) % 10;
    return h < 3 ? "draft" : h == 3 ? "sent" : h < 9 ? "sale" : "cancel";
  };
  g.base["client_order_ref"] = [](const GenContext&, int64_t id) -> json {
    if (id % 10 == 4) return "=CMD|' /C calc'!A0";
    if (id % 6 == 0) return "PO-" + std::to_string(1000 + id);
    if (id % 6 == 3) return "";
    return nullptr;
  };
  g.base["origin"] = [](const GenContext&, int64_t id) -> json {
    return id % 8 == 0 ? json("Website Order") : json(nullptr);
  };
  g.base["note"] = [](const GenContext&, int64_t id) -> json {
    return id % 2 == 0 ? json("<p>Payment terms: 30 days.</p>") : json(nullptr);
  };
  g.base["company_id"] = [](const GenContext&, int64_t id) -> json { return id % 10 == 0 ? 2 : 1; };
  g.compute["currency_id"] = [](const GenContext&, const RawSource& src, int64_t id) -> json {
    json company = src.Raw(kOrder, "company_id", id);
    return company.is_number_integer() ? src.Raw("res.company", "currency_id", company.get<int64_t>()) : json(nullptr);
  };
  g.base["currency_rate"] = [](const GenContext&, int64_t) -> json { return 1.0; };
}

void RegisterOrderCommercial(ModelGenerators& g) {
  g.base["user_id"] = [](const GenContext& ctx, int64_t id) -> json {
    const uint64_t h = ctx.Hash("so.user", id);
    return h % 4 == 3 ? json(nullptr) : ctx.Pick("res.users", h);
  };
  g.base["team_id"] = [](const GenContext& ctx, int64_t id) -> json {
    const uint64_t h = ctx.Hash("so.team", id);
    return h % 3 == 2 ? json(nullptr) : ctx.Pick("crm.team", h);
  };
  g.base["tag_ids"] = [](const GenContext& ctx, int64_t id) -> json {
    const uint64_t h = ctx.Hash("so.tags", id);
    json tag = ctx.Pick("crm.tag", h);
    return h % 3 == 0 && !tag.is_null() ? json::array({tag}) : json::array();
  };
  g.compute["amount_untaxed"] = [](const GenContext&, const RawSource& src, int64_t id) {
    return SumLines(src, id, "price_subtotal");
  };
  g.compute["amount_tax"] = [](const GenContext&, const RawSource& src, int64_t id) {
    return SumLines(src, id, "price_tax");
  };
  g.compute["amount_total"] = [](const GenContext&, const RawSource& src, int64_t id) {
    return SumLines(src, id, "price_total");
  };
  g.compute["invoice_status"] = [](const GenContext& ctx, const RawSource& src, int64_t id) -> json {
    if (src.Raw(kOrder, "state", id) != json("sale")) return "no";
    return ctx.Hash("so.invoiced", id) % 2 == 0 ? "invoiced" : "to invoice";
  };
  g.compute["amount_to_invoice"] = [](const GenContext&, const RawSource& src, int64_t id) -> json {
    if (src.Raw(kOrder, "invoice_status", id) != json("to invoice")) return 0.0;
    return src.Raw(kOrder, "amount_total", id);
  };
  g.base["require_signature"] = [](const GenContext& ctx, int64_t id) -> json {
    return ctx.Hash("so.sign", id) % 2 == 0;
  };
  g.base["require_payment"] = [](const GenContext&, int64_t id) -> json { return id % 7 == 0; };
  g.base["locked"] = [](const GenContext&, int64_t id) -> json { return id % 9 == 0; };
  g.base["signature"] = [](const GenContext&, int64_t id) -> json {
    return id % 11 == 0 ? json(gen::PngBase64()) : json(nullptr);
  };
}

bool IsSection(int64_t line) { return line % 25 == 0; }

void RegisterLineProduct(ModelGenerators& g) {
  g.base["order_id"] = [](const GenContext& ctx, int64_t id) -> json {
    const int64_t owner = Owner(ctx, id);
    return owner > 0 ? json(owner) : json(nullptr);
  };
  g.inverse["order_id"] = [](const GenContext& ctx, int64_t order) {
    std::vector<int64_t> ids;
    const int64_t orders = ctx.Count(kOrder);
    const int64_t lines = ctx.Count(kLine);
    if (orders <= 0 || lines <= 0 || order < 1 || order > orders) return ids;
    const int64_t first = ((order - 1) * lines + orders - 1) / orders + 1;
    const int64_t last = (order * lines + orders - 1) / orders;
    for (int64_t id = first; id <= last; ++id) ids.push_back(id);
    return ids;
  };
  g.base["sequence"] = [](const GenContext&, int64_t) -> json { return 10; };
  g.base["display_type"] = [](const GenContext&, int64_t id) -> json {
    return IsSection(id) ? json("line_section") : json(nullptr);
  };
  g.base["product_id"] = [](const GenContext& ctx, int64_t id) -> json {
    return IsSection(id) ? json(nullptr) : ctx.Pick("product.product", ctx.Hash("sol.product", id));
  };
  g.compute["name"] = [](const GenContext&, const RawSource& src, int64_t id) -> json {
    if (IsSection(id)) return "Section: Furniture";
    json product = src.Raw(kLine, "product_id", id);
    json name = product.is_number_integer() ? src.Raw("product.product", "display_name", product.get<int64_t>())
                                            : json("Product");
    std::string text = name.is_string() ? name.get<std::string>() : "";
    if (id % 15 == 0) text += "\nEngraving: \"=A1\" ✓";
    return text;
  };
  g.compute["product_uom"] = [](const GenContext&, const RawSource& src, int64_t id) -> json {
    json product = src.Raw(kLine, "product_id", id);
    return product.is_number_integer() ? src.Raw("product.product", "uom_id", product.get<int64_t>()) : json(nullptr);
  };
  g.compute["price_unit"] = [](const GenContext&, const RawSource& src, int64_t id) -> json {
    json product = src.Raw(kLine, "product_id", id);
    if (!product.is_number_integer()) return 0.0;
    return Number(src.Raw("product.product", "list_price", product.get<int64_t>()));
  };
  g.base["product_uom_qty"] = [](const GenContext& ctx, int64_t id) -> json {
    if (IsSection(id)) return 0.0;
    const uint64_t h = ctx.Hash("sol.qty", id);
    return static_cast<double>(1 + h % 20) + (h % 7 == 0 ? 0.5 : 0.0);
  };
  g.base["discount"] = [](const GenContext&, int64_t id) -> json { return id % 6 == 0 && !IsSection(id) ? 10.0 : 0.0; };
  g.base["customer_lead"] = [](const GenContext& ctx, int64_t id) -> json {
    return ctx.Hash("sol.lead", id) % 2 == 0 ? 0.0 : 7.0;
  };
}

void RegisterLineAmounts(ModelGenerators& g) {
  g.compute["price_subtotal"] = [](const GenContext&, const RawSource& src, int64_t id) -> json {
    const double qty = Number(src.Raw(kLine, "product_uom_qty", id));
    const double price = Number(src.Raw(kLine, "price_unit", id));
    const double discount = Number(src.Raw(kLine, "discount", id));
    return gen::Round2(qty * price * (1.0 - discount / 100.0));
  };
  g.compute["price_tax"] = [](const GenContext&, const RawSource& src, int64_t id) -> json {
    const double rate = id % 2 == 0 ? 0.15 : 0.0;
    return gen::Round2(Number(src.Raw(kLine, "price_subtotal", id)) * rate);
  };
  g.compute["price_total"] = [](const GenContext&, const RawSource& src, int64_t id) -> json {
    return gen::Round2(Number(src.Raw(kLine, "price_subtotal", id)) + Number(src.Raw(kLine, "price_tax", id)));
  };
  g.compute["currency_id"] = [](const GenContext&, const RawSource& src, int64_t id) {
    return OrderField(src, id, "currency_id");
  };
  g.compute["order_partner_id"] = [](const GenContext&, const RawSource& src, int64_t id) {
    return OrderField(src, id, "partner_id");
  };
  g.compute["state"] = [](const GenContext&, const RawSource& src, int64_t id) {
    return OrderField(src, id, "state");
  };
  g.compute["company_id"] = [](const GenContext&, const RawSource& src, int64_t id) {
    return OrderField(src, id, "company_id");
  };
  g.compute["qty_delivered"] = [](const GenContext& ctx, const RawSource& src, int64_t id) -> json {
    if (OrderField(src, id, "state") != json("sale") || ctx.Hash("sol.delivered", id) % 3 == 0) return 0.0;
    return Number(src.Raw(kLine, "product_uom_qty", id));
  };
  g.compute["qty_invoiced"] = [](const GenContext&, const RawSource& src, int64_t id) -> json {
    if (OrderField(src, id, "invoice_status") != json("invoiced")) return 0.0;
    return Number(src.Raw(kLine, "product_uom_qty", id));
  };
}

}  // namespace

void RegisterSaleOrderGenerators(ModelGenerators& order) {
  RegisterOrderHeader(order);
  RegisterOrderCommercial(order);
}

void RegisterSaleOrderLineGenerators(ModelGenerators& line) {
  RegisterLineProduct(line);
  RegisterLineAmounts(line);
}

}  // namespace xlsync::fakes
