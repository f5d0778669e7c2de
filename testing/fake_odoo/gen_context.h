#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "testing/fake_odoo/fake_odoo_options.h"
#include "testing/fake_odoo/raw_source.h"

namespace xlsync::fakes {

/// What data generation depends on: the seed, the record count of each generated model, the
/// fixed tables of the small models. Pure and immutable: value(model, field, id) is a function.
class GenContext {
 public:
  GenContext(uint64_t seed, std::map<std::string, int64_t> counts,
             std::map<std::string, std::map<int64_t, nlohmann::json>> fixed_rows);

  /// A 64-bit hash of (seed, tag, id): every generated value derives from one of these.
  uint64_t Hash(std::string_view tag, int64_t id) const;
  int64_t Count(std::string_view model) const;
  const std::map<int64_t, nlohmann::json>& FixedRows(std::string_view model) const;
  /// A deterministic existing id of `model` chosen by `hash`, or null when it has no records.
  nlohmann::json Pick(std::string_view model, uint64_t hash) const;
  /// Creation/update stamps of generated record `id` of a model with `count` records.
  int64_t CreateEpoch(std::string_view model, int64_t id) const;
  int64_t WriteEpoch(std::string_view model, int64_t id) const;

 private:
  uint64_t seed_;
  std::map<std::string, int64_t, std::less<>> counts_;
  std::map<std::string, std::map<int64_t, nlohmann::json>, std::less<>> fixed_rows_;
};

/// Generator of a stored field's base value for a generated or fixed record.
using BaseFn = std::function<nlohmann::json(const GenContext&, int64_t id)>;
/// Computed (or related) field: derives from other raw values, for every record.
using ComputeFn = std::function<nlohmann::json(const GenContext&, const RawSource&, int64_t id)>;
/// Generated ids whose generated many2one may point at `target` (an inverse index).
using InverseFn = std::function<std::vector<int64_t>(const GenContext&, int64_t target)>;

/// The generation functions of one model, by field name.
struct ModelGenerators {
  std::map<std::string, BaseFn> base;
  std::map<std::string, ComputeFn> compute;
  std::map<std::string, InverseFn> inverse;
};

/// Registration, one function per model family (generator_*.cc).
void RegisterPartnerGenerators(ModelGenerators& partner);
void RegisterProductGenerators(ModelGenerators& product);
void RegisterSaleOrderGenerators(ModelGenerators& order);
void RegisterSaleOrderLineGenerators(ModelGenerators& line);
void RegisterAccountMoveGenerators(ModelGenerators& move);
/// Fixed tables of the small models (ids and stored values), users from the options.
std::map<std::string, std::map<int64_t, nlohmann::json>> FixedTables(const std::vector<FakeUser>& users);
/// Computed fields of the small models (product.category complete_name, …).
void RegisterFixedGenerators(std::map<std::string, ModelGenerators>& generators);

}  // namespace xlsync::fakes
