#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.h"
#include "odoo/context.h"

namespace xlsync::odoo {

class CellConverter;
class Client;

/// Display names of x2many targets, fetched with ONE batched read per comodel and page (never
/// per row). Keeps names across pages up to a bound, then starts over, so memory stays flat on
/// long runs. Not thread-safe: prefetch, then convert.
class NameCache {
 public:
  static constexpr size_t kMaxNames = 100'000;

  /// Reads the names of every x2many id in `page` that is not cached yet.
  core::Result<void> Prefetch(Client& client, const CellConverter& converter,
                              const nlohmann::json& page, const Context& context);
  std::optional<std::string_view> Find(const std::string& model, int64_t id) const;
  size_t size() const { return size_; }

 private:
  void Store(const std::string& model, const nlohmann::json& records);

  std::map<std::string, std::unordered_map<int64_t, std::string>> names_;
  size_t size_ = 0;
};

}  // namespace xlsync::odoo
