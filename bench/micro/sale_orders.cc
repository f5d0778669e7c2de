#include "bench/micro/sale_orders.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "core/text.h"
#include "excel/cell_text.h"

namespace xlsync::bench {
namespace {

using nlohmann::json;

// SplitMix64: a tiny deterministic generator, seeded per record so a record does not depend
// on the fields asked for or on the records before it. The seed is mixed first: seeds one apart
// would otherwise give the same sequence shifted by one draw.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(Mix(seed + 0x632BE59BD9B4E019ULL)) {}
  uint64_t Next() { return Mix(state_ += 0x9E3779B97F4A7C15ULL); }
  int Below(int bound) { return static_cast<int>(Next() % static_cast<uint64_t>(bound)); }
  bool Chance(int percent) { return Below(100) < percent; }

 private:
  static uint64_t Mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  uint64_t state_;
};

constexpr std::array<std::string_view, 12> kPartners = {
    "Deco Addict",         "Ready Mat",     "Gemini Furniture",  "Azure Interior",
    "Lumber Inc",          "Wood Corner",   "Acme Corporation",  "Brandon Freeman",
    "Müller & Söhne GmbH", "Café Zoë SARL", "The Jackson Group", "Jackson Group, Toni Jimenez"};
constexpr std::array<std::string_view, 4> kUsers = {"Mitchell Admin", "Marc Demo", "Joel Willis",
                                                    "Randall Lewis"};
constexpr std::array<std::string_view, 3> kTeams = {"Sales", "Website", "Point of Sale"};
constexpr std::array<std::string_view, 4> kStates = {"draft", "sent", "sale", "cancel"};
constexpr std::array<std::string_view, 4> kInvoiceStatus = {"upselling", "invoiced", "to invoice",
                                                            "no"};
constexpr std::array<std::string_view, 3> kNotes = {
    "<p>Payment terms: 30 days end of month.</p>",
    "<p>Terms &amp; Conditions: https://www.example.com/terms</p><p>Delivery within two weeks of "
    "confirmation.</p>",
    "<p>Prices include <strong>free shipping</strong> above $500.</p>"};

json Many2one(int64_t id, std::string_view name) { return json::array({id, name}); }

std::string Date(Random& random) {
  char text[32];
  std::snprintf(text, sizeof text, "2024-%02d-%02d", 1 + random.Below(12), 1 + random.Below(28));
  return text;
}

std::string Datetime(Random& random) {
  char time[40];
  std::snprintf(time, sizeof time, " %02d:%02d:%02d", random.Below(24), random.Below(60),
                random.Below(60));
  return Date(random) + time;
}

double Cents(Random& random, int max_units) {
  return static_cast<double>(random.Below(max_units * 100)) / 100.0;
}

std::string OrderName(int64_t id) {
  char text[32];
  std::snprintf(text, sizeof text, "S%05lld", static_cast<long long>(id));
  return text;
}

json IdList(int64_t first, int count) {
  json ids = json::array();
  for (int i = 0; i < count; ++i) ids.push_back(first + i);
  return ids;
}

// Pick one of a list of names.
template <size_t N>
std::string_view Pick(Random& random, const std::array<std::string_view, N>& names) {
  return names[static_cast<size_t>(random.Below(static_cast<int>(N)))];
}

// The people and teams of an order: many2one pairs, false where Odoo leaves them empty.
void AddParties(json& record, Random& random) {
  const int partner = random.Below(static_cast<int>(kPartners.size()));
  const int user = random.Below(static_cast<int>(kUsers.size()));
  const int team = random.Below(static_cast<int>(kTeams.size()));
  record["partner_id"] = Many2one(10 + partner, kPartners[static_cast<size_t>(partner)]);
  record["user_id"] =
      random.Chance(90) ? Many2one(2 + user, kUsers[static_cast<size_t>(user)]) : json(false);
  record["team_id"] =
      random.Chance(85) ? Many2one(1 + team, kTeams[static_cast<size_t>(team)]) : json(false);
  record["company_id"] = Many2one(1, "YourCompany");
  record["create_uid"] = Many2one(1, "OdooBot");
  record["write_uid"] = random.Chance(50) ? Many2one(1, "OdooBot") : Many2one(2, "Mitchell Admin");
}

// Amounts in the order's currency (monetary fields are floats on the wire), 21 % tax.
void AddAmounts(json& record, Random& random, bool sold) {
  const bool euro = random.Chance(30);
  const double untaxed = Cents(random, 20'000);
  const double tax = std::round(untaxed * 21.0) / 100.0;
  const double total = std::round((untaxed + tax) * 100.0) / 100.0;
  record["currency_id"] = euro ? Many2one(125, "EUR") : Many2one(1, "USD");
  record["currency_rate"] = euro ? 0.9165325 : 1.0;
  record["amount_untaxed"] = untaxed;
  record["amount_tax"] = tax;
  record["amount_total"] = total;
  record["amount_to_invoice"] = sold ? total : 0.0;
}

void AddDates(json& record, Random& random) {
  record["date_order"] = Datetime(random);
  record["commitment_date"] = random.Chance(30) ? json(Datetime(random)) : json(false);
  record["create_date"] = Datetime(random);
  record["write_date"] = Datetime(random);
  record["validity_date"] = random.Chance(90) ? json(Date(random)) : json(false);
}

// References, the note and the related records of an order.
void AddDocuments(json& record, Random& random, int64_t id) {
  char reference[32];
  std::snprintf(reference, sizeof reference, "PO-%06d", random.Below(1'000'000));
  record["name"] = OrderName(id);
  record["display_name"] = OrderName(id);
  record["client_order_ref"] = random.Chance(40) ? json(reference) : json(false);
  record["origin"] = random.Chance(20) ? json(OrderName(id > 1 ? id - 1 : id)) : json(false);
  record["note"] = random.Chance(50) ? json(Pick(random, kNotes)) : json(false);
  record["order_line"] = IdList(id * 5, 1 + random.Below(6));
  record["tag_ids"] =
      random.Chance(25) ? IdList(1 + random.Below(5), 1 + random.Below(2)) : json::array();
}

// Every field of one order; SaleOrderRecords keeps the ones asked for.
json FullRecord(int64_t id) {
  Random random(static_cast<uint64_t>(id));
  const std::string_view state = Pick(random, kStates);
  json record = json::object();
  record["id"] = id;
  record["state"] = state;
  record["invoice_status"] = Pick(random, kInvoiceStatus);
  record["locked"] = state == "sale" && random.Chance(20);
  record["require_payment"] = random.Chance(50);
  record["require_signature"] = random.Chance(70);
  AddParties(record, random);
  AddAmounts(record, random, state == "sale");
  AddDates(record, random);
  AddDocuments(record, random, id);
  return record;
}

json Describe(std::string_view label, std::string_view type, bool store = true) {
  return {{"string", label},
          {"type", type},
          {"store", store},
          {"readonly", false},
          {"required", false}};
}

json Relational(std::string_view label, std::string_view type, std::string_view relation) {
  json field = Describe(label, type);
  field["relation"] = relation;
  return field;
}

json Monetary(std::string_view label, bool store = true) {
  json field = Describe(label, "monetary", store);
  field["currency_field"] = "currency_id";
  field["readonly"] = true;
  return field;
}

json Selection(std::string_view label, const json& choices) {
  json field = Describe(label, "selection");
  field["selection"] = choices;
  return field;
}

// Python's json.dumps writes ", " and ": " between items: the spaces the real Odoo sends.
std::string WithPythonSeparators(const std::string& compact) {
  std::string spaced;
  spaced.reserve(compact.size() + compact.size() / 6);
  bool in_string = false;
  bool escaped = false;
  for (const char c : compact) {
    spaced.push_back(c);
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == ',' || c == ':') {
      spaced.push_back(' ');
    }
  }
  return spaced;
}

json ReadBackValue(const core::Cell& cell) {
  switch (cell.kind) {
    case core::CellKind::kEmpty:
      return "";
    case core::CellKind::kBoolean:
      return cell.boolean;
    case core::CellKind::kText:
      return excel::SanitizeText(cell.text).text;
    case core::CellKind::kNumber:
    case core::CellKind::kLink:
      // Excel answers whole numbers without a fraction ("1740", not "1740.0").
      if (std::trunc(cell.number) == cell.number && std::fabs(cell.number) < 1e15) {
        return static_cast<int64_t>(cell.number);
      }
      return cell.number;
  }
  return "";
}

}  // namespace

const std::vector<std::string>& SaleOrderFields(int columns) {
  static const std::vector<std::string> kTen = core::Split(
      "name partner_id date_order state user_id amount_untaxed amount_total invoice_status "
      "validity_date client_order_ref",
      ' ');
  static const std::vector<std::string> kThirty = core::Split(
      "amount_tax amount_to_invoice amount_total amount_untaxed client_order_ref commitment_date "
      "company_id create_date create_uid currency_id currency_rate date_order display_name id "
      "invoice_status locked name note order_line origin partner_id require_payment "
      "require_signature state tag_ids team_id user_id validity_date write_date write_uid",
      ' ');
  return columns == 10 ? kTen : kThirty;
}

json SaleOrderFieldsGet() {
  json fields = json::object();
  fields["amount_tax"] = Monetary("Taxes");
  fields["amount_to_invoice"] = Monetary("Un-invoiced Balance", false);
  fields["amount_total"] = Monetary("Total");
  fields["amount_untaxed"] = Monetary("Untaxed Amount");
  fields["client_order_ref"] = Describe("Customer Reference", "char");
  fields["commitment_date"] = Describe("Delivery Date", "datetime");
  fields["company_id"] = Relational("Company", "many2one", "res.company");
  fields["create_date"] = Describe("Creation Date", "datetime");
  fields["create_uid"] = Relational("Created by", "many2one", "res.users");
  fields["currency_id"] = Relational("Currency", "many2one", "res.currency");
  fields["currency_rate"] = Describe("Currency Rate", "float");
  fields["currency_rate"]["digits"] = 0;  // Odoo 18's "unrounded float"
  fields["date_order"] = Describe("Order Date", "datetime");
  fields["display_name"] = Describe("Display Name", "char", false);
  fields["id"] = Describe("ID", "integer");
  fields["invoice_status"] =
      Selection("Invoice Status", json::array({json::array({"upselling", "Upselling Opportunity"}),
                                               json::array({"invoiced", "Fully Invoiced"}),
                                               json::array({"to invoice", "To Invoice"}),
                                               json::array({"no", "Nothing to Invoice"})}));
  fields["locked"] = Describe("Locked", "boolean");
  fields["name"] = Describe("Order Reference", "char");
  fields["note"] = Describe("Terms and conditions", "html");
  fields["order_line"] = Relational("Order Lines", "one2many", "sale.order.line");
  fields["origin"] = Describe("Source Document", "char");
  fields["partner_id"] = Relational("Customer", "many2one", "res.partner");
  fields["require_payment"] = Describe("Online payment", "boolean");
  fields["require_signature"] = Describe("Online signature", "boolean");
  fields["state"] = Selection(
      "Status",
      json::array({json::array({"draft", "Quotation"}), json::array({"sent", "Quotation Sent"}),
                   json::array({"sale", "Sales Order"}), json::array({"cancel", "Cancelled"})}));
  fields["tag_ids"] = Relational("Tags", "many2many", "crm.tag");
  fields["team_id"] = Relational("Sales Team", "many2one", "crm.team");
  fields["user_id"] = Relational("Salesperson", "many2one", "res.users");
  fields["validity_date"] = Describe("Expiration", "date");
  fields["write_date"] = Describe("Last Updated on", "datetime");
  fields["write_uid"] = Relational("Last Updated by", "many2one", "res.users");
  return fields;
}

json SaleOrderCurrencies() {
  return json::array(
      {{{"id", 1}, {"name", "USD"}, {"symbol", "$"}, {"position", "before"}, {"decimal_places", 2}},
       {{"id", 125},
        {"name", "EUR"},
        {"symbol", "€"},
        {"position", "after"},
        {"decimal_places", 2}}});
}

json SaleOrderRecords(const std::vector<std::string>& fields, int count, int64_t first_id) {
  json records = json::array();
  for (int i = 0; i < count; ++i) {
    const json full = FullRecord(first_id + i);
    json record = {{"id", full["id"]}};
    for (const auto& field : fields) {
      if (const auto value = full.find(field); value != full.end()) record[field] = *value;
    }
    records.push_back(std::move(record));
  }
  return records;
}

std::string JsonRpcReplyBody(const json& result, int64_t request_id) {
  const json envelope = {{"jsonrpc", "2.0"}, {"id", request_id}, {"result", result}};
  return WithPythonSeparators(envelope.dump());
}

std::string RangeValuesBody(std::span<const core::Row> rows) {
  json values = json::array();
  for (const auto& row : rows) {
    json cells = json::array();
    for (const auto& cell : row) cells.push_back(ReadBackValue(cell));
    values.push_back(std::move(cells));
  }
  const json body = {{"@odata.context",
                      "https://graph.microsoft.com/v1.0/$metadata#workbookRange(values)/$entity"},
                     {"values", std::move(values)}};
  return body.dump();
}

}  // namespace xlsync::bench
