// account.move data: customer invoices mostly, with credit notes, vendor bills and a few
// miscellaneous entries; drafts have no invoice date, paid invoices no residual.
#include <cstdio>

#include "testing/fake_odoo/gen_context.h"
#include "testing/fake_odoo/gen_util.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

constexpr std::string_view kMove = "account.move";

std::string MoveType(int64_t id) {
  if (id % 23 == 0) return "entry";
  if (id % 6 == 0) return "in_invoice";
  if (id % 5 == 0) return "out_refund";
  return "out_invoice";
}

std::string State(int64_t id) {
  if (id % 11 == 0) return "cancel";
  if (id % 7 == 0) return "draft";
  return "posted";
}

double Untaxed(const GenContext& ctx, int64_t id) {
  return static_cast<double>(1000 + ctx.Hash("am.amount", id) % 5000000) / 100.0;
}

double Tax(const GenContext& ctx, int64_t id) {
  return id % 3 == 0 ? 0.0 : gen::Round2(Untaxed(ctx, id) * 0.21);
}

std::string PaymentState(const GenContext& ctx, int64_t id) {
  if (State(id) != "posted" || MoveType(id) == "entry") return "not_paid";
  const uint64_t h = ctx.Hash("am.paid", id) % 6;
  return h < 2 ? "paid" : h == 2 ? "partial" : h == 3 ? "in_payment" : "not_paid";
}

void RegisterIdentity(ModelGenerators& g) {
  g.base["name"] = [](const GenContext& ctx, int64_t id) -> json {
    if (State(id) == "draft") return "/";
    const std::string type = MoveType(id);
    const char* prefix = type == "out_invoice" ? "INV" : type == "out_refund" ? "RINV"
                         : type == "in_invoice" ? "BILL" : "MISC";
    char buffer[48];
    std::snprintf(buffer, sizeof(buffer), "%s/%s/%05lld", prefix,
                  gen::Date(ctx.CreateEpoch(kMove, id)).substr(0, 4).c_str(), static_cast<long long>(id));
    return buffer;
  };
  g.base["move_type"] = [](const GenContext&, int64_t id) -> json { return MoveType(id); };
  g.base["state"] = [](const GenContext&, int64_t id) -> json { return State(id); };
  g.base["partner_id"] = [](const GenContext& ctx, int64_t id) -> json {
    return MoveType(id) == "entry" ? json(nullptr) : ctx.Pick("res.partner", ctx.Hash("am.partner", id));
  };
  g.base["date"] = [](const GenContext& ctx, int64_t id) -> json { return gen::Date(ctx.CreateEpoch(kMove, id)); };
  g.base["invoice_date"] = [](const GenContext& ctx, int64_t id) -> json {
    if (State(id) == "draft" || MoveType(id) == "entry") return nullptr;
    return gen::Date(ctx.CreateEpoch(kMove, id));
  };
  g.base["invoice_date_due"] = [](const GenContext& ctx, int64_t id) -> json {
    if (MoveType(id) == "entry") return nullptr;
    return gen::Date(ctx.CreateEpoch(kMove, id) + 30 * 86400);
  };
  g.base["ref"] = [](const GenContext&, int64_t id) -> json {
    if (id % 4 == 1) return "00" + std::to_string(100 + id);
    return nullptr;
  };
  g.base["narration"] = [](const GenContext&, int64_t id) -> json {
    return id % 2 == 0 ? json("<p>Thank you for your business.</p>") : json(nullptr);
  };
  g.base["invoice_origin"] = [](const GenContext& ctx, int64_t id) -> json {
    json order = ctx.Pick("sale.order", ctx.Hash("am.origin", id));
    if (MoveType(id) != "out_invoice" || !order.is_number_integer()) return nullptr;
    char buffer[24];
    std::snprintf(buffer, sizeof(buffer), "S%05lld", static_cast<long long>(order.get<int64_t>()));
    return buffer;
  };
  g.compute["invoice_partner_display_name"] = [](const GenContext&, const RawSource& src, int64_t id) -> json {
    json partner = src.Raw(kMove, "partner_id", id);
    return partner.is_number_integer() ? src.Raw("res.partner", "display_name", partner.get<int64_t>()) : json(nullptr);
  };
}

void RegisterAmounts(ModelGenerators& g) {
  g.base["amount_untaxed"] = [](const GenContext& ctx, int64_t id) -> json { return Untaxed(ctx, id); };
  g.base["amount_tax"] = [](const GenContext& ctx, int64_t id) -> json { return Tax(ctx, id); };
  g.base["amount_total"] = [](const GenContext& ctx, int64_t id) -> json {
    return gen::Round2(Untaxed(ctx, id) + Tax(ctx, id));
  };
  g.base["amount_residual"] = [](const GenContext& ctx, int64_t id) -> json {
    const std::string state = PaymentState(ctx, id);
    const double total = gen::Round2(Untaxed(ctx, id) + Tax(ctx, id));
    if (state == "paid" || state == "in_payment") return 0.0;
    return state == "partial" ? gen::Round2(total / 2.0) : total;
  };
  g.base["payment_state"] = [](const GenContext& ctx, int64_t id) -> json { return PaymentState(ctx, id); };
  g.base["company_id"] = [](const GenContext&, int64_t id) -> json { return id % 10 == 0 ? 2 : 1; };
  g.base["currency_id"] = [](const GenContext& ctx, int64_t id) -> json {
    if (id % 10 == 0) return ctx.FixedRows("res.company").count(2) ? json(125) : json(1);
    return ctx.Hash("am.currency", id) % 8 == 0 ? 125 : 1;  // some invoices in EUR
  };
  g.base["invoice_user_id"] = [](const GenContext& ctx, int64_t id) -> json {
    const uint64_t h = ctx.Hash("am.user", id);
    return h % 5 == 4 ? json(nullptr) : ctx.Pick("res.users", h);
  };
  g.base["team_id"] = [](const GenContext& ctx, int64_t id) -> json {
    return ctx.Pick("crm.team", ctx.Hash("am.team", id));
  };
  g.base["is_move_sent"] = [](const GenContext&, int64_t id) -> json {
    return State(id) == "posted" && id % 2 == 1;
  };
}

}  // namespace

void RegisterAccountMoveGenerators(ModelGenerators& move) {
  RegisterIdentity(move);
  RegisterAmounts(move);
}

}  // namespace xlsync::fakes
