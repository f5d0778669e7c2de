#include "testing/fake_odoo/record_generator.h"

#include <cstdio>

#include "core/error.h"
#include "testing/fake_odoo/gen_util.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

// Fixed rows were "installed" with the database, before any generated record.
constexpr const char* kInstallStamp = "2024-12-01 09:00:00";

std::map<std::string, ModelGenerators> RegisteredGenerators() {
  std::map<std::string, ModelGenerators> generators;
  RegisterPartnerGenerators(generators["res.partner"]);
  RegisterProductGenerators(generators["product.product"]);
  RegisterSaleOrderGenerators(generators["sale.order"]);
  RegisterSaleOrderLineGenerators(generators["sale.order.line"]);
  RegisterAccountMoveGenerators(generators["account.move"]);
  RegisterFixedGenerators(generators);
  return generators;
}

void AddCommonGenerators(const Schema& schema, const ModelDef& model, int64_t uid, ModelGenerators& g) {
  const std::string name = model.name;
  auto stamp = [name](bool write) {
    return [name, write](const GenContext& ctx, int64_t id) -> json {
      if (ctx.FixedRows(name).count(id)) return kInstallStamp;
      return gen::Datetime(write ? ctx.WriteEpoch(name, id) : ctx.CreateEpoch(name, id));
    };
  };
  g.base.try_emplace("create_date", stamp(false));
  g.base.try_emplace("write_date", stamp(true));
  g.base.try_emplace("create_uid", [uid](const GenContext&, int64_t) -> json { return uid; });
  g.base.try_emplace("write_uid", [uid](const GenContext&, int64_t) -> json { return uid; });
  g.compute.try_emplace("display_name", [name](const GenContext&, const RawSource& src, int64_t id) -> json {
    json value = src.Raw(name, "name", id);
    return value.is_string() ? value : json("");
  });
  // one2many values are the inverse of the comodel's many2one, whatever changed since.
  for (const FieldDef& field : model.fields) {
    if (field.type != FieldType::kOne2many) continue;
    const ModelDef* comodel = schema.Find(field.relation);
    const FieldDef* inverse = comodel ? comodel->Find(field.relation_field) : nullptr;
    XLSYNC_CHECK(inverse != nullptr);
    g.compute.try_emplace(field.name, [comodel, inverse](const GenContext&, const RawSource& src, int64_t id) {
      return json(src.Inverse(*comodel, *inverse, id));
    });
  }
}

// Odoo `default=` values of the fields a new record would otherwise leave NULL.
const std::map<std::string, json>& ModelDefaults() {
  static const std::map<std::string, json> kDefaults = {
      {"res.partner", {{"active", true}, {"type", "contact"}, {"is_company", false}, {"color", 0},
                       {"customer_rank", 0}, {"supplier_rank", 0}, {"lang", "en_US"}}},
      {"product.product", {{"active", true}, {"type", "consu"}, {"sale_ok", true}, {"categ_id", 1},
                           {"uom_id", 1}, {"list_price", 1.0}, {"standard_price", 0.0}}},
      {"sale.order", {{"state", "draft"}, {"company_id", 1}, {"currency_rate", 1.0},
                      {"require_signature", true}, {"require_payment", false}, {"locked", false}}},
      {"sale.order.line", {{"sequence", 10}, {"product_uom_qty", 1.0}, {"discount", 0.0},
                           {"customer_lead", 0.0}}},
      {"account.move", {{"state", "draft"}, {"move_type", "entry"}, {"company_id", 1},
                        {"currency_id", 1}, {"name", "/"}, {"payment_state", "not_paid"},
                        {"is_move_sent", false}}},
  };
  return kDefaults;
}

}  // namespace

RecordGenerator::RecordGenerator(const Schema& schema, uint64_t seed,
                                 const std::map<std::string, int64_t>& counts,
                                 const std::vector<FakeUser>& users)
    : context_(seed, counts, FixedTables(users)) {
  if (!users.empty()) default_uid_ = users.front().uid;
  auto generators = RegisteredGenerators();
  models_.resize(schema.models().size());
  for (const ModelDef& model : schema.models()) {
    ModelGenerators& g = generators[model.name];
    AddCommonGenerators(schema, model, default_uid_, g);
    Resolve(model, std::move(g));
  }
}

void RecordGenerator::Resolve(const ModelDef& model, ModelGenerators generators) {
  Resolved& resolved = models_[static_cast<size_t>(model.index)];
  resolved.base.resize(model.fields.size());
  resolved.compute.resize(model.fields.size());
  resolved.inverse.resize(model.fields.size());
  for (const FieldDef& field : model.fields) {
    const size_t i = static_cast<size_t>(field.index);
    if (auto it = generators.base.find(field.name); it != generators.base.end()) resolved.base[i] = it->second;
    if (auto it = generators.compute.find(field.name); it != generators.compute.end()) resolved.compute[i] = it->second;
    if (auto it = generators.inverse.find(field.name); it != generators.inverse.end()) resolved.inverse[i] = it->second;
    // A generated model must say how every stored field is made: a gap is a catalogue bug.
    const bool covered = resolved.base[i] || resolved.compute[i] || field.name == "id";
    if (model.generated && !covered) {
      std::fprintf(stderr, "fake odoo: no generator for %s.%s\n", model.name.c_str(), field.name.c_str());
    }
    XLSYNC_CHECK(!model.generated || covered);
  }
}

bool RecordGenerator::IsComputed(const ModelDef& model, const FieldDef& field) const {
  return static_cast<bool>(models_[static_cast<size_t>(model.index)].compute[static_cast<size_t>(field.index)]);
}

json RecordGenerator::Base(const ModelDef& model, const FieldDef& field, int64_t id) const {
  const auto& fn = models_[static_cast<size_t>(model.index)].base[static_cast<size_t>(field.index)];
  if (!model.generated) {
    const auto& rows = context_.FixedRows(model.name);
    auto row = rows.find(id);
    if (row != rows.end()) {
      auto value = row->second.find(field.name);
      if (value != row->second.end()) return *value;
    }
  }
  return fn ? fn(context_, id) : json(nullptr);
}

json RecordGenerator::Compute(const ModelDef& model, const FieldDef& field, int64_t id,
                              const RawSource& source) const {
  const auto& fn = models_[static_cast<size_t>(model.index)].compute[static_cast<size_t>(field.index)];
  return fn ? fn(context_, source, id) : json(nullptr);
}

std::optional<std::vector<int64_t>> RecordGenerator::InverseCandidates(const ModelDef& comodel,
                                                                       const FieldDef& field,
                                                                       int64_t target) const {
  const auto& fn = models_[static_cast<size_t>(comodel.index)].inverse[static_cast<size_t>(field.index)];
  if (!fn) return std::nullopt;
  return fn(context_, target);
}

json RecordGenerator::Defaults(const ModelDef& model, int64_t id, const std::string& now) const {
  json values = json::object();
  if (auto it = ModelDefaults().find(model.name); it != ModelDefaults().end()) values = it->second;
  if (model.Has("active") && !values.contains("active")) values["active"] = true;
  if (model.name == "sale.order") {
    char buffer[24];
    std::snprintf(buffer, sizeof(buffer), "S%05lld", static_cast<long long>(id));
    values["name"] = buffer;
    values["date_order"] = now;
  }
  if (model.name == "account.move") values["date"] = now.substr(0, 10);
  return values;
}

}  // namespace xlsync::fakes
