#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "testing/fake_odoo/gen_context.h"
#include "testing/fake_odoo/schema.h"

namespace xlsync::fakes {

/// Produces the value of any field of any record on demand, from the seed alone: stored
/// ("base") values of generated and fixed records, and computed/related values from other raw
/// values. A million records cost nothing until read. Immutable; thread-safe.
class RecordGenerator {
 public:
  RecordGenerator(const Schema& schema, uint64_t seed, const std::map<std::string, int64_t>& counts,
                  const std::vector<FakeUser>& users);

  const GenContext& context() const { return context_; }
  bool IsComputed(const ModelDef& model, const FieldDef& field) const;
  /// Stored value of a generated or fixed record (null when the field is empty).
  nlohmann::json Base(const ModelDef& model, const FieldDef& field, int64_t id) const;
  nlohmann::json Compute(const ModelDef& model, const FieldDef& field, int64_t id,
                         const RawSource& source) const;
  /// Generated ids whose many2one `field` may point at `target`; nullopt when unknown (the
  /// caller scans instead — only for the small models).
  std::optional<std::vector<int64_t>> InverseCandidates(const ModelDef& comodel, const FieldDef& field,
                                                        int64_t target) const;
  /// Default stored values of a new record (odoo `default=`), without the log-access fields.
  nlohmann::json Defaults(const ModelDef& model, int64_t id, const std::string& now) const;

 private:
  struct Resolved {
    std::vector<BaseFn> base;
    std::vector<ComputeFn> compute;
    std::vector<InverseFn> inverse;
  };
  void Resolve(const ModelDef& model, ModelGenerators generators);

  GenContext context_;
  std::vector<Resolved> models_;  // by ModelDef::index
  int64_t default_uid_ = 2;
};

}  // namespace xlsync::fakes
