#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "testing/fake_odoo/domain.h"
#include "testing/fake_odoo/fake_odoo_options.h"
#include "testing/fake_odoo/group_spec.h"
#include "testing/fake_odoo/record_store.h"
#include "testing/fake_odoo/schema.h"

namespace xlsync::fakes {

/// Who calls and with which context (odoo-api.md §9.3): the user (null = superuser, for the
/// tests' direct access), the language of labels, active_test, bin_size, visible companies.
struct Env {
  const FakeUser* user = nullptr;
  std::string lang = "en_US";
  bool active_test = true;
  bool bin_size = false;
  std::vector<int64_t> companies;  // empty = every company
  std::string tz;                  // context tz: read_group buckets datetimes in it
  std::string now;                 // "YYYY-MM-DD HH:MM:SS", stamps writes
};

/// The model methods of the fake Odoo over a RecordStore: search, read, fields_get, write…
/// with Odoo's access checks, serialisation (odoo-api.md §9.2) and errors (§4). Not
/// synchronised: callers hold the data lock (shared for reads, exclusive for writes).
class Orm {
 public:
  Orm(const Schema& schema, RecordStore& store, int version);

  int version() const { return version_; }
  core::Result<const ModelDef*> Model(std::string_view name) const;
  /// Builds the Env of a call from its context (AccessError for foreign allowed_company_ids).
  core::Result<Env> MakeEnv(const FakeUser* user, const nlohmann::json& context, std::string now) const;
  /// ACL check; `operation` is read, write, create or unlink.
  core::Result<void> CheckAccess(const Env& env, const ModelDef& model, std::string_view operation) const;
  bool CanSee(const Env& env, const FieldDef& field) const;

  core::Result<std::vector<int64_t>> Search(const Env& env, const ModelDef& model, const nlohmann::json& domain,
                                            int64_t offset, std::optional<int64_t> limit,
                                            const nlohmann::json& order) const;
  core::Result<int64_t> SearchCount(const Env& env, const ModelDef& model, const nlohmann::json& domain,
                                    std::optional<int64_t> limit) const;
  core::Result<nlohmann::json> Read(const Env& env, const ModelDef& model, const std::vector<int64_t>& ids,
                                    const nlohmann::json& fields, bool classic_load) const;
  core::Result<nlohmann::json> SearchRead(const Env& env, const ModelDef& model, const nlohmann::json& domain,
                                          const nlohmann::json& fields, int64_t offset,
                                          std::optional<int64_t> limit, const nlohmann::json& order,
                                          bool classic_load) const;
  core::Result<nlohmann::json> NameSearch(const Env& env, const ModelDef& model, const nlohmann::json& name,
                                          const nlohmann::json& domain, const nlohmann::json& op,
                                          std::optional<int64_t> limit) const;
  /// web_search_read: 16 takes `fields`, 17+ a `specification` (odoo-api.md §9.1).
  core::Result<nlohmann::json> WebSearchRead(const Env& env, const ModelDef& model, const nlohmann::json& domain,
                                             const nlohmann::json& spec, int64_t offset,
                                             std::optional<int64_t> limit, const nlohmann::json& order,
                                             std::optional<int64_t> count_limit) const;
  core::Result<nlohmann::json> FieldsGet(const Env& env, const ModelDef& model, const nlohmann::json& allfields,
                                         const nlohmann::json& attributes) const;
  /// read_group (16-19) and formatted_read_group (19), odoo-api.md §9.1, with their other
  /// arguments bound by name (read_group_format.cc).
  core::Result<nlohmann::json> ReadGroup(const Env& env, const ModelDef& model,
                                         const std::map<std::string, nlohmann::json>& args, int64_t offset,
                                         std::optional<int64_t> limit) const;
  core::Result<nlohmann::json> FormattedReadGroup(const Env& env, const ModelDef& model,
                                                  const std::map<std::string, nlohmann::json>& args, int64_t offset,
                                                  std::optional<int64_t> limit) const;

  /// `trusted` writes (the tests' direct access) may set create_date/write_date themselves.
  core::Result<void> Write(const Env& env, const ModelDef& model, const std::vector<int64_t>& ids,
                           const nlohmann::json& values, bool trusted = false);
  core::Result<std::vector<int64_t>> Create(const Env& env, const ModelDef& model,
                                            const std::vector<nlohmann::json>& values_list,
                                            bool trusted = false);
  core::Result<void> Unlink(const Env& env, const ModelDef& model, const std::vector<int64_t>& ids);

 private:
  struct Filter;
  core::Result<Filter> MakeFilter(const Env& env, const ModelDef& model, const nlohmann::json& domain) const;
  bool Passes(const Filter& filter, const ModelDef& model, int64_t id) const;
  bool CompanyVisible(const Env& env, const ModelDef& model, int64_t id) const;
  core::Result<std::vector<const FieldDef*>> ReadableFields(const Env& env, const ModelDef& model,
                                                            const nlohmann::json& fields) const;
  nlohmann::json ToRead(const Env& env, const FieldDef& field, const nlohmann::json& raw, bool classic_load) const;
  nlohmann::json Describe(const Env& env, const FieldDef& field, bool force_readonly) const;
  /// one2many commands to run once the parent exists: (field, command).
  using ChildCommands = std::vector<std::pair<const FieldDef*, nlohmann::json>>;
  core::Result<nlohmann::json> ToStored(const ModelDef& model, const FieldDef& field,
                                        const nlohmann::json& value) const;
  /// Converts `values` for record `id` (0 when creating) to stored form.
  core::Result<nlohmann::json> StoredValues(const ModelDef& model, int64_t id, const nlohmann::json& values,
                                            bool trusted, ChildCommands& children) const;
  core::Result<void> RunChildCommands(const Env& env, int64_t parent, const ChildCommands& children);
  core::Result<void> CheckRequired(const ModelDef& model, const nlohmann::json& stored) const;
  /// _read_group: the groups of `request`, ordered and paged (orm_read_group.cc).
  core::Result<std::vector<GroupRow>> GroupRows(const Env& env, const ModelDef& model,
                                                const GroupRequest& request) const;

  const Schema& schema_;
  RecordStore& store_;
  int version_;
};

}  // namespace xlsync::fakes
