#include "odoo/currency_formats.h"

#include <algorithm>

#include "excel/number_format.h"
#include "odoo/cell_converter.h"
#include "odoo/client.h"
#include "odoo/value_cells.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

// Inside "[$...]" Excel ends the symbol at "-" (a locale id follows) or "]"; quotes, brackets
// and section separators would break the code for Excel or for readers of the file.
bool FitsInBrackets(std::string_view symbol) {
  if (symbol.empty()) return false;
  return std::none_of(symbol.begin(), symbol.end(), [](char c) {
    return c == ']' || c == '[' || c == '"' || c == '-' || c == ';' || c == '\\' ||
           static_cast<unsigned char>(c) < 0x20;
  });
}

std::string TextOf(const json& record, const char* key) {
  const auto value = record.find(key);
  return value != record.end() && value->is_string() ? value->get<std::string>() : std::string();
}

}  // namespace

std::string CurrencyFormat(std::string_view symbol, std::string_view iso_name, bool before,
                           int decimals) {
  const std::string amount = excel::DecimalFormat(decimals, true);
  const std::string_view shown = FitsInBrackets(symbol) ? symbol : iso_name;
  if (!FitsInBrackets(shown)) return amount;
  const std::string tag = "[$" + std::string(shown) + "]";
  return before ? tag + amount : amount + " " + tag;
}

core::Result<void> CurrencyFormats::Prefetch(Client& client, const CellConverter& converter,
                                             const json& page, const Context& context) {
  const std::vector<std::string> keys = converter.currency_fields();
  if (keys.empty() || unreadable_ || !page.is_array()) return {};
  std::set<int64_t> wanted;
  for (const json& record : page) {
    if (!record.is_object()) continue;
    for (const std::string& key : keys) {
      const auto value = record.find(key);
      if (value == record.end()) continue;
      const auto id = Many2oneId(*value);
      if (id && !asked_.contains(*id)) wanted.insert(*id);
    }
  }
  if (wanted.empty()) return {};
  auto currencies = client.Read("res.currency", std::vector<int64_t>(wanted.begin(), wanted.end()),
                                {"name", "symbol", "position", "decimal_places"}, context);
  if (!currencies && currencies.error().code == core::ErrorCode::kPermissionDenied) {
    // Amounts still export, as plain numbers: losing the symbol is better than losing the run.
    unreadable_ = true;
    warnings_.push_back(
        "xlsync may not read Odoo's currencies (res.currency), so amounts show without their "
        "currency symbol: ask the Odoo administrator for read access to currencies.");
    return {};
  }
  if (!currencies) return std::move(currencies).error();
  asked_.insert(wanted.begin(), wanted.end());
  Store(*currencies);
  return {};
}

std::string_view CurrencyFormats::Find(int64_t currency_id) const {
  const auto found = formats_.find(currency_id);
  return found == formats_.end() ? std::string_view() : std::string_view(found->second);
}

void CurrencyFormats::Store(const json& currencies) {
  if (!currencies.is_array()) return;
  for (const json& currency : currencies) {
    if (!currency.is_object()) continue;
    const auto id = currency.find("id");
    if (id == currency.end() || !id->is_number_integer()) continue;
    const auto places = currency.find("decimal_places");
    const int decimals =
        places != currency.end() && places->is_number_integer() ? places->get<int>() : 2;
    // Odoo's default position is "after" (res.currency.position).
    formats_[id->get<int64_t>()] =
        CurrencyFormat(TextOf(currency, "symbol"), TextOf(currency, "name"),
                       TextOf(currency, "position") == "before", decimals);
  }
}

}  // namespace xlsync::odoo
