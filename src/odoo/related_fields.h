#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "odoo/context.h"
#include "odoo/field.h"
#include "odoo/field_path.h"
#include "odoo/schema.h"

namespace xlsync::odoo {

class Client;

/// The schema of a model, as fields_get gives it in the task's context (translated labels).
using SchemaLookup = std::function<core::Result<Schema>(const std::string& model)>;

/// One relation a plan follows: the records of `model` that the many2one at the end of `prefix`
/// ("order_id.partner_id") points at, read once per page with every field the paths through it
/// need (leaves and next-hop many2ones). `files` are binary leaves, read only with bin_size.
struct RelatedNode {
  std::string prefix;
  std::string model;
  std::vector<std::string> fields;
  std::vector<std::string> files;
};

/// How to read a task's related (dotted) fields: built once per run from the base schema and
/// one fields_get per comodel; Expand() then adds each path's value to the records of a page with
/// one read per relation node, never one per row. Immutable once built; Expand is const.
class RelatedPlan {
 public:
  RelatedPlan() = default;

  /// A plan for the dotted names among `fields` (plain names are left to the converter). Every
  /// segment but the last must be a many2one; errors name the path, the segment and its model.
  static core::Result<RelatedPlan> Build(const Schema& base, const std::vector<std::string>& fields,
                                         const SchemaLookup& lookup);
  /// The same, each comodel's fields_get read once through `client` in `context`.
  static core::Result<RelatedPlan> Build(Client& client, const Schema& base,
                                         const std::vector<std::string>& fields,
                                         const Context& context);

  bool empty() const { return nodes_.empty(); }
  /// The many2one fields of the base model the paths start from: read them with the records.
  const std::vector<std::string>& base_fields() const { return base_fields_; }
  /// Parents before children.
  const std::vector<RelatedNode>& nodes() const { return nodes_; }
  /// The leaf Field of a dotted column: name = the path, label = the labels on the way joined by
  /// " / ", and for a monetary leaf currency_field = the path of its currency
  /// ("order_id.currency_id", written by Expand too) or "" when its model names none. nullptr
  /// for a name the plan does not hold.
  const Field* Find(std::string_view path) const;

  /// Reads the nodes for `page` (an array of base records) and writes each path's raw Odoo value
  /// into every record under the dotted name; false where a many2one on the way is empty or
  /// points at a record that no longer exists (read drops those, odoo-api.md §9.1).
  core::Result<void> Expand(Client& client, nlohmann::json& page, const Context& context) const;

 private:
  struct Leaf {
    FieldPath path;
    std::vector<std::string> prefixes;  // the node of each relation on the way
    Field field;
  };
  using Found = std::map<std::string, std::map<int64_t, nlohmann::json>>;  // prefix -> id -> record

  core::Result<void> AddPath(const FieldPath& path, const Schema& base, const SchemaLookup& lookup,
                             std::map<std::string, Schema>& schemas);
  RelatedNode& NodeFor(const std::string& prefix, const std::string& model);
  static void Need(std::vector<std::string>& fields, const std::string& name);
  void AddCurrency(Leaf& leaf, const Schema& leaf_model);
  core::Result<void> ReadNode(Client& client, const RelatedNode& node, const nlohmann::json& page,
                              const Context& context, Found& found) const;
  static nlohmann::json Walk(const nlohmann::json& record, const Leaf& leaf, const Found& found);

  std::vector<std::string> base_fields_;
  std::vector<RelatedNode> nodes_;
  std::map<std::string, Leaf, std::less<>> leaves_;  // by path; columns and currency paths
};

}  // namespace xlsync::odoo
