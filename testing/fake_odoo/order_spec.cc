#include "testing/fake_odoo/order_spec.h"

#include <cctype>
#include <sstream>

#include "core/text.h"
#include "testing/fake_odoo/odoo_error.h"
#include "testing/fake_odoo/odoo_messages.h"

namespace xlsync::fakes {
namespace {

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == ':';
}

struct RawTerm {
  std::string field;
  bool descending = false;
  std::optional<bool> nulls_first;
};

// _check_qorder's regex: `field [asc|desc] [nulls first|last]` separated by commas, field
// optionally quoted and suffixed with ".id"; no trailing comma.
std::optional<RawTerm> ParseTerm(std::string_view part) {
  std::istringstream words{std::string(part)};
  std::vector<std::string> tokens;
  for (std::string word; words >> word;) tokens.push_back(word);
  if (tokens.empty() || tokens.size() > 4) return std::nullopt;
  RawTerm term;
  // Field names keep their case (an upper-case name is then unknown); keywords do not.
  std::string field = tokens[0];
  if (field.size() >= 2 && field.front() == '"' && field.back() == '"') field = field.substr(1, field.size() - 2);
  if (field.size() > 3 && core::ToLower(field.substr(field.size() - 3)) == ".id") field.resize(field.size() - 3);
  if (field.empty()) return std::nullopt;
  for (char c : field) {
    if (!IsNameChar(c)) return std::nullopt;
  }
  term.field = field;
  size_t next = 1;
  auto keyword = [&](size_t i) { return i < tokens.size() ? core::ToLower(tokens[i]) : std::string(); };
  if (keyword(next) == "asc" || keyword(next) == "desc") {
    term.descending = keyword(next) == "desc";
    ++next;
  }
  if (next < tokens.size()) {
    if (keyword(next) != "nulls" || (keyword(next + 1) != "first" && keyword(next + 1) != "last")) return std::nullopt;
    term.nulls_first = keyword(next + 1) == "first";
    next += 2;
  }
  if (next != tokens.size()) return std::nullopt;
  return term;
}

}  // namespace

core::Result<OrderSpec> OrderSpec::Parse(const ModelDef& model, std::string_view order) {
  std::vector<RawTerm> raw_terms;
  for (const std::string& part : core::Split(order, ',')) {
    auto term = ParseTerm(part);
    if (!term) return msg::BadOrder(order);
    raw_terms.push_back(*term);
  }
  OrderSpec spec;
  for (const RawTerm& raw : raw_terms) {
    const FieldDef* field = model.Find(raw.field);
    if (!field) return msg::InvalidField(model.name, raw.field);
    if (!field->sortable) {
      return OdooError(exc::kValueError,
                       "Cannot convert " + model.name + "." + field->name + " to SQL because it is not stored");
    }
    spec.terms_.push_back({field, raw.descending, raw.nulls_first});
  }
  return spec;
}

bool OrderSpec::LeadsWithId(bool& descending) const {
  if (terms_.empty() || terms_.front().field->name != "id") return false;
  descending = terms_.front().descending;
  return true;
}

}  // namespace xlsync::fakes
