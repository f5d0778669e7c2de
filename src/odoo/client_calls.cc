// The typed model calls of odoo::Client (odoo-api.md §9.1); the connection logic is in client.cc.
#include "odoo/client.h"
#include "odoo/domain.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

// Only what xlsync uses: fields_get without `attributes` returns ~20 attributes per field (§8).
const json& FieldAttributes() {
  static const json kAttributes = {"string",   "type",  "relation", "selection",     "required",
                                   "readonly", "store", "digits",   "currency_field"};
  return kAttributes;
}

core::Result<void> CheckFields(const std::string& model, const std::vector<std::string>& fields) {
  // An empty list means *every* field to Odoo, binaries included (§9.1).
  if (fields.empty()) {
    return core::InvalidInput("No fields were chosen for Odoo model " + model +
                              ": choose at least one.");
  }
  return {};
}

}  // namespace

core::Result<Schema> Client::FieldsGet(const std::string& model, const Context& context) {
  auto result = CallModel(model, "fields_get", nullptr,
                          {{"attributes", FieldAttributes()}, {"context", context.ToJson()}});
  if (!result) return std::move(result).error();
  if (!result->is_object()) return Unexpected(model, "fields_get");
  return Schema::FromFieldsGet(model, *result);
}

core::Result<int64_t> Client::SearchCount(const std::string& model, const json& domain,
                                          const Context& context) {
  XLSYNC_RETURN_IF_ERROR(ValidateDomain(domain));
  auto result = CallModel(model, "search_count", nullptr,
                          {{"domain", domain}, {"context", context.ToJson()}});
  if (!result) return std::move(result).error();
  if (!result->is_number_integer()) return Unexpected(model, "search_count");
  return result->get<int64_t>();
}

core::Result<std::vector<int64_t>> Client::Search(const std::string& model, const json& domain,
                                                  const std::string& order,
                                                  const Context& context) {
  XLSYNC_RETURN_IF_ERROR(ValidateDomain(domain));
  json kwargs = {{"domain", domain}, {"context", context.ToJson()}};
  if (!order.empty()) kwargs["order"] = order;
  auto result = CallModel(model, "search", nullptr, std::move(kwargs));
  if (!result) return std::move(result).error();
  if (!result->is_array()) return Unexpected(model, "search");
  std::vector<int64_t> ids;
  ids.reserve(result->size());
  for (const json& id : *result) {
    if (!id.is_number_integer()) return Unexpected(model, "search");
    ids.push_back(id.get<int64_t>());
  }
  return ids;
}

core::Result<json> Client::SearchRead(const std::string& model, const json& domain,
                                      const std::vector<std::string>& fields,
                                      const std::string& order, int limit, const Context& context) {
  XLSYNC_RETURN_IF_ERROR(ValidateDomain(domain));
  XLSYNC_RETURN_IF_ERROR(CheckFields(model, fields));
  json kwargs = {{"domain", domain}, {"fields", fields}, {"context", context.ToJson()}};
  if (!order.empty()) kwargs["order"] = order;
  if (limit > 0) kwargs["limit"] = limit;  // a falsy limit means "all" to Odoo (§9.1)
  auto result = CallModel(model, "search_read", nullptr, std::move(kwargs));
  if (!result) return std::move(result).error();
  if (!result->is_array()) return Unexpected(model, "search_read");
  return result;
}

core::Result<json> Client::Read(const std::string& model, const std::vector<int64_t>& ids,
                                const std::vector<std::string>& fields, const Context& context) {
  XLSYNC_RETURN_IF_ERROR(CheckFields(model, fields));
  if (ids.empty()) return json::array();
  auto result = CallModel(model, "read", ids, {{"fields", fields}, {"context", context.ToJson()}});
  if (!result) return std::move(result).error();
  if (!result->is_array()) return Unexpected(model, "read");
  return result;
}

core::Result<json> Client::Execute(const std::string& model, const std::string& method,
                                   const json& ids, const json& kwargs) {
  if (!kwargs.is_null() && !kwargs.is_object()) {
    return core::InvalidInput("The arguments for " + model + "." + method +
                              " must be a JSON object of named arguments.");
  }
  json named = kwargs.is_object() ? kwargs : json::object();
  // Both transports must see the same language (§5); a context without one gets en_US.
  if (!named.contains("context") || !named["context"].is_object()) {
    named["context"] = json::object();
  }
  if (!named["context"].contains("lang")) named["context"]["lang"] = Context().lang;
  return CallModel(model, method, ids, std::move(named));
}

}  // namespace xlsync::odoo
