// Scalar comparisons of domain leaves, as the SQL Odoo generates would evaluate them.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "testing/fake_odoo/domain_matcher.h"
#include "testing/fake_odoo/python_repr.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

// UTF-8 to code points, lowering ASCII and Latin-1 letters when asked (enough for ILIKE on
// the names the fake generates: "Chloé" ilike "CHLOÉ").
std::vector<uint32_t> CodePoints(const std::string& text, bool lower) {
  std::vector<uint32_t> points;
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    uint32_t point = c;
    size_t length = 1;
    if (c >= 0xf0) { point = c & 0x07u; length = 4; }
    else if (c >= 0xe0) { point = c & 0x0fu; length = 3; }
    else if (c >= 0xc0) { point = c & 0x1fu; length = 2; }
    for (size_t k = 1; k < length && i + k < text.size(); ++k) {
      point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3fu);
    }
    i += length;
    if (lower && ((point >= 'A' && point <= 'Z') || (point >= 0xc0 && point <= 0xde && point != 0xd7))) {
      point += 0x20;
    }
    points.push_back(point);
  }
  return points;
}

bool IsNull(const FieldDef&, const json& raw) { return raw.is_null() || raw == false; }

// `= False` matches NULL, and '' for text fields (Odoo 16+).
bool IsEmpty(const FieldDef& field, const json& raw) {
  return IsNull(field, raw) || (IsTextual(field.type) && raw == "");
}

bool Truthy(const json& value) {
  return value == true || (value.is_number() && value.get<double>() != 0.0);
}

// Booleans: NULL and false are the same value to Odoo's boolean domains.
bool CompareBoolean(const json& raw, const std::string& op, const json& value) {
  const bool actual = raw == true;
  const json list = value.is_array() ? value : json::array({value});
  const bool listed = std::any_of(list.begin(), list.end(), [&](const json& v) { return Truthy(v) == actual; });
  if (op == "=") return actual == Truthy(value);
  if (op == "!=") return actual != Truthy(value);
  if (op == "in") return listed;
  if (op == "not in") return !listed;
  return false;
}

json Normalized(const FieldDef& field, const json& value) {
  // A date-only value on a datetime field means midnight UTC (odoo-api.md §9.5).
  if (field.type == FieldType::kDatetime && value.is_string() && value.get<std::string>().size() == 10) {
    return value.get<std::string>() + " 00:00:00";
  }
  return value;
}

int Compare(const json& a, const json& b) {
  if (a.is_number() && b.is_number()) {
    const double x = a.get<double>(), y = b.get<double>();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.is_boolean() && b.is_boolean()) return static_cast<int>(a.get<bool>()) - static_cast<int>(b.get<bool>());
  if (a.is_string() && b.is_string()) {
    const int c = a.get<std::string>().compare(b.get<std::string>());
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  return 2;  // incomparable
}

bool Equal(const FieldDef& field, const json& raw, const json& value) {
  return Compare(raw, Normalized(field, value)) == 0;
}

std::string AsText(const json& raw) {
  if (raw.is_string()) return raw.get<std::string>();
  if (raw.is_boolean()) return raw.get<bool>() ? "true" : "false";
  return PythonRepr(raw);
}

bool InList(const FieldDef& field, const json& raw, const json& values) {
  const json list = values.is_array() ? values : json::array({values});
  for (const json& value : list) {
    const bool empty_value = value.is_null() || value == false;
    if (empty_value ? IsEmpty(field, raw) : Equal(field, raw, value)) return true;
  }
  return false;
}

bool Like(const json& raw, const std::string& op, const json& value) {
  std::string pattern = AsText(value);
  if (op == "like" || op == "ilike" || op == "not like" || op == "not ilike") pattern = "%" + pattern + "%";
  const bool insensitive = op.find("ilike") != std::string::npos;
  return SqlLike(AsText(raw), pattern, insensitive);
}

}  // namespace

bool SqlLike(const std::string& text, const std::string& pattern, bool insensitive) {
  const std::vector<uint32_t> s = CodePoints(text, insensitive);
  const std::vector<uint32_t> p = CodePoints(pattern, insensitive);
  // Classic wildcard DP over code points; `\` makes the next pattern character literal.
  std::vector<char> row(s.size() + 1, 0), next(s.size() + 1, 0);
  row[0] = 1;
  for (size_t j = 0; j < p.size(); ++j) {
    bool literal = false;
    uint32_t want = p[j];
    if (want == '\\' && j + 1 < p.size()) { literal = true; want = p[++j]; }
    std::fill(next.begin(), next.end(), 0);
    if (!literal && want == '%') {
      char any = 0;
      for (size_t i = 0; i <= s.size(); ++i) { any = static_cast<char>(any || row[i]); next[i] = any; }
    } else {
      for (size_t i = 1; i <= s.size(); ++i) {
        next[i] = static_cast<char>(row[i - 1] && ((!literal && want == '_') || s[i - 1] == want));
      }
    }
    row.swap(next);
  }
  return row[s.size()] != 0;
}

bool CompareScalar(const FieldDef& field, const json& raw, const std::string& op, const json& value) {
  if (field.type == FieldType::kBoolean) return CompareBoolean(raw, op, value);
  const bool null = IsNull(field, raw);
  const bool empty_value = value.is_null() || value == false;
  if (op == "=") return empty_value ? IsEmpty(field, raw) : !null && Equal(field, raw, value);
  if (op == "!=") return empty_value ? !IsEmpty(field, raw) : null || !Equal(field, raw, value);
  if (op == "in") return InList(field, raw, value);
  if (op == "not in") {
    const json list = value.is_array() ? value : json::array({value});
    const bool lists_empty =
        std::any_of(list.begin(), list.end(), [](const json& v) { return v.is_null() || v == false; });
    if (null) return !lists_empty;
    return !InList(field, raw, value);
  }
  if (op == "not like" || op == "not ilike") return null || !Like(raw, op, value);
  if (null) return false;
  if (op == "like" || op == "ilike" || op == "=like" || op == "=ilike") return Like(raw, op, value);
  const int c = Compare(raw, Normalized(field, value));
  if (c == 2) return false;
  if (op == "<") return c < 0;
  if (op == "<=") return c <= 0;
  if (op == ">") return c > 0;
  if (op == ">=") return c >= 0;
  return false;
}

}  // namespace xlsync::fakes
