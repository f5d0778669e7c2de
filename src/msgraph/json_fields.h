#pragma once

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace xlsync::msgraph {

/// Non-throwing reads of Graph and identity-platform JSON: a missing field or one of another
/// type reads as empty, so a surprising reply becomes a plain error instead of an exception.

/// Parses `text`; an invalid document comes back discarded (`is_discarded()`), never thrown.
inline nlohmann::json ParseJson(std::string_view text) {
  return nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
}

inline const nlohmann::json* Field(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(std::string(key));
  return it == object.end() ? nullptr : &*it;
}

inline std::string StringField(const nlohmann::json& object, std::string_view key) {
  const nlohmann::json* value = Field(object, key);
  return value && value->is_string() ? value->get<std::string>() : std::string();
}

/// A number, or a string holding one (v1 endpoints send "3599").
inline std::optional<double> NumberField(const nlohmann::json& object, std::string_view key) {
  const nlohmann::json* value = Field(object, key);
  if (!value) return std::nullopt;
  if (value->is_number()) return value->get<double>();
  if (!value->is_string()) return std::nullopt;
  const std::string text = value->get<std::string>();
  char* end = nullptr;
  const double number = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size()) return std::nullopt;
  return number;
}

/// Serializes without throwing: invalid UTF-8 is replaced rather than rejected.
inline std::string DumpJson(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace xlsync::msgraph
