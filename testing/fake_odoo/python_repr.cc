#include "testing/fake_odoo/python_repr.h"

#include <charconv>
#include <cstdio>

namespace xlsync::fakes {
namespace {

std::string StringRepr(const std::string& text) {
  // Python picks double quotes only when the text holds a single quote and no double quote.
  const bool has_single = text.find('\'') != std::string::npos;
  const bool has_double = text.find('"') != std::string::npos;
  const char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out(1, quote);
  for (unsigned char c : text) {
    if (c == '\\') out += "\\\\";
    else if (c == static_cast<unsigned char>(quote)) out += std::string("\\") + quote;
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7f) {
      char buffer[8];
      std::snprintf(buffer, sizeof(buffer), "\\x%02x", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

std::string FloatRepr(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  if (ec != std::errc()) return "nan";
  std::string text(buffer, end);
  if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
  return text;
}

std::string SequenceRepr(const nlohmann::json& items, bool as_tuple) {
  std::string out = as_tuple ? "(" : "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += PythonRepr(items[i]);
  }
  if (as_tuple && items.size() == 1) out += ",";
  out += as_tuple ? ")" : "]";
  return out;
}

}  // namespace

std::string PythonRepr(const nlohmann::json& value, bool as_tuple) {
  switch (value.type()) {
    case nlohmann::json::value_t::null: return "None";
    case nlohmann::json::value_t::boolean: return value.get<bool>() ? "True" : "False";
    case nlohmann::json::value_t::number_integer: return std::to_string(value.get<int64_t>());
    case nlohmann::json::value_t::number_unsigned: return std::to_string(value.get<uint64_t>());
    case nlohmann::json::value_t::number_float: return FloatRepr(value.get<double>());
    case nlohmann::json::value_t::string: return StringRepr(value.get<std::string>());
    case nlohmann::json::value_t::array: return SequenceRepr(value, as_tuple);
    case nlohmann::json::value_t::object: {
      std::string out = "{";
      bool first = true;
      for (const auto& [key, item] : value.items()) {
        if (!first) out += ", ";
        first = false;
        out += StringRepr(key) + ": " + PythonRepr(item);
      }
      return out + "}";
    }
    default: return "None";
  }
}

std::string PythonIdTuple(const std::vector<int64_t>& ids) {
  nlohmann::json items = nlohmann::json::array();
  for (int64_t id : ids) items.push_back(id);
  return SequenceRepr(items, true);
}

}  // namespace xlsync::fakes
