#include "odoo/currency_formats.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "odoo/cell_converter.h"
#include "odoo/client.h"
#include "odoo/name_cache.h"
#include "odoo_replies.h"
#include "testing/support/recording_sleeper.h"
#include "testing/support/scripted_http_client.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

TEST(CurrencyFormatTest, PlacesTheSymbolAndTheDecimalsAsTheCurrencySays) {
  struct Case {
    std::string symbol;
    std::string iso;
    bool before;
    int decimals;
    std::string format;
  };
  const std::vector<Case> cases = {
      {"€", "EUR", false, 2, "#,##0.00 [$€]"},
      {"$", "USD", true, 2, "[$$]#,##0.00"},
      {"¥", "JPY", true, 0, "[$¥]#,##0"},
      {"د.ك", "KWD", false, 3, "#,##0.000 [$د.ك]"},
      {"Fr.", "CHF", true, 2, "[$Fr.]#,##0.00"},
      // Excel ends "[$...]" at "-" or "]"; quotes break it for readers: the ISO code instead.
      {"K-r", "XKR", true, 2, "[$XKR]#,##0.00"},
      {"R]", "XRB", false, 2, "#,##0.00 [$XRB]"},
      {"\"Q\"", "GTQ", true, 2, "[$GTQ]#,##0.00"},
      {"", "CHF", true, 2, "[$CHF]#,##0.00"},
      {"-", "", false, 2, "#,##0.00"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CurrencyFormat(c.symbol, c.iso, c.before, c.decimals), c.format) << c.symbol;
  }
}

const Schema& Lines() {
  static const Schema kSchema = *Schema::FromFieldsGet("sale.order.line", json::parse(R"({
    "name": {"type": "text", "string": "Description"},
    "price_total": {"type": "monetary", "string": "Total", "currency_field": "currency_id"},
    "currency_id": {"type": "many2one", "string": "Currency", "relation": "res.currency"}})"));
  return kSchema;
}

// res.currency as read returns it (odoo-api.md §9.2), with Odoo's own symbols and positions.
json Currency(int64_t id, const char* name, const char* symbol, const char* position, int decimals) {
  return {{"id", id}, {"name", name}, {"symbol", symbol}, {"position", position},
          {"decimal_places", decimals}};
}

json Line(int64_t id, double total, const json& currency) {
  return {{"id", id}, {"price_total", total}, {"currency_id", currency}};
}

struct FormatsFixture {
  FormatsFixture() { fakes::QueueJsonRpcConnect(http); }
  json Args(size_t call) const { return fakes::RpcArgs(http.requests()[2 + call]); }
  std::vector<std::string> Formats(const json& page) const {
    std::vector<std::string> formats;
    for (const json& record : page) formats.push_back(converter.Convert(record, names, &currencies)[0].number_format);
    return formats;
  }

  fakes::ScriptedHttpClient http;
  fakes::RecordingSleeper sleeper;
  Client client{http, sleeper, fakes::JsonRpcSettings()};
  CellConverter converter = *CellConverter::Create(Lines(), {"price_total"}, {});
  NameCache names;
  CurrencyFormats currencies;
};

TEST(CurrencyFormatsTest, EachAmountCarriesTheFormatOfItsRecordsCurrency) {
  FormatsFixture f;
  EXPECT_EQ(f.converter.read_fields(), (std::vector<std::string>{"price_total", "currency_id"}));
  EXPECT_EQ(f.converter.currency_fields(), std::vector<std::string>{"currency_id"});
  const json page = json::array({Line(1, 1250.5, {125, "EUR"}), Line(2, 99.0, {1, "USD"}),
                     Line(3, 3000.0, {25, "JPY"}), Line(4, 10.0, false), Line(5, 7.0, {1, "USD"})});
  f.http.Enqueue(fakes::RpcResult(json::array({Currency(1, "USD", "$", "before", 2),
                                                Currency(25, "JPY", "¥", "before", 0),
                                                Currency(125, "EUR", "€", "after", 2)})));

  ASSERT_TRUE(f.currencies.Prefetch(f.client, f.converter, page, Context()));

  ASSERT_EQ(f.http.requests().size(), 3u) << "one read for every currency of the page";
  EXPECT_EQ(f.Args(0)[3], "res.currency");
  EXPECT_EQ(f.Args(0)[4], "read");
  EXPECT_EQ(f.Args(0)[5], json::parse("[[1, 25, 125]]"));
  EXPECT_EQ(f.Args(0)[6]["fields"], json({"name", "symbol", "position", "decimal_places"}));
  EXPECT_EQ(f.Formats(page), (std::vector<std::string>{"#,##0.00 [$€]", "[$$]#,##0.00", "[$¥]#,##0", "",
                                                       "[$$]#,##0.00"}));
  EXPECT_EQ(f.converter.Convert(page[0], f.names, &f.currencies)[0], core::Cell::Number(1250.5, "#,##0.00 [$€]"));
  EXPECT_EQ(f.converter.columns()[0].number_format, "#,##0.00") << "the column keeps the plain format";
  EXPECT_TRUE(f.currencies.warnings().empty());
}

TEST(CurrencyFormatsTest, EachCurrencyIsReadOnceForTheWholeRun) {
  FormatsFixture f;
  f.http.Enqueue(fakes::RpcResult(json::array({Currency(1, "USD", "$", "before", 2)})));
  ASSERT_TRUE(f.currencies.Prefetch(f.client, f.converter, json::array({Line(1, 1.0, {1, "USD"})}), Context()));
  ASSERT_TRUE(f.currencies.Prefetch(f.client, f.converter, json::array({Line(2, 2.0, {1, "USD"})}), Context()));
  EXPECT_EQ(f.http.requests().size(), 3u) << "USD is known from the first page";

  f.http.Enqueue(fakes::RpcResult(json::array()));  // 999 was deleted: read leaves it out
  const json page = json::array({Line(3, 3.0, {1, "USD"}), Line(4, 4.0, {999, "Gone"})});
  ASSERT_TRUE(f.currencies.Prefetch(f.client, f.converter, page, Context()));
  ASSERT_EQ(f.http.requests().size(), 4u);
  EXPECT_EQ(f.Args(1)[5], json::parse("[[999]]")) << "only the currency not read yet";
  EXPECT_EQ(f.Formats(page), (std::vector<std::string>{"[$$]#,##0.00", ""}));
  ASSERT_TRUE(f.currencies.Prefetch(f.client, f.converter, page, Context()));
  EXPECT_EQ(f.http.requests().size(), 4u) << "a missing currency is not asked for again";
}

TEST(CurrencyFormatsTest, UnreadableCurrenciesLeaveTheColumnFormatAndOneWarning) {
  FormatsFixture f;
  f.http.Enqueue(fakes::RpcError("odoo.exceptions.AccessError",
                                 "You are not allowed to access 'Currency' (res.currency) records."));
  const json page = json::array({Line(1, 1.0, {1, "USD"}), Line(2, 2.0, {125, "EUR"})});
  ASSERT_TRUE(f.currencies.Prefetch(f.client, f.converter, page, Context()));
  ASSERT_TRUE(f.currencies.Prefetch(f.client, f.converter, json::array({Line(3, 3.0, {147, "GBP"})}), Context()));

  EXPECT_EQ(f.http.requests().size(), 3u) << "refused once, not asked again";
  EXPECT_EQ(f.Formats(page), (std::vector<std::string>{"", ""}));
  ASSERT_EQ(f.currencies.warnings().size(), 1u);
  EXPECT_EQ(f.currencies.warnings()[0],
            "xlsync may not read Odoo's currencies (res.currency), so amounts show without their "
            "currency symbol: ask the Odoo administrator for read access to currencies.");
}

TEST(CurrencyFormatsTest, OtherReadFailuresStopTheRun) {
  FormatsFixture f;
  f.http.Enqueue(fakes::RpcError("builtins.KeyError", "'symbol'"));
  auto prefetched = f.currencies.Prefetch(f.client, f.converter, json::array({Line(1, 1.0, {1, "USD"})}), Context());
  ASSERT_FALSE(prefetched);
  EXPECT_EQ(prefetched.error().upstream, "builtins.KeyError");
  EXPECT_TRUE(f.currencies.warnings().empty());
}

}  // namespace
}  // namespace xlsync::odoo
