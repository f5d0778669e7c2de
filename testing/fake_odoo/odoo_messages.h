#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "testing/fake_odoo/model_def.h"

namespace xlsync::fakes {

/// The error catalogue of odoo-api.md §4: each function builds the exception Odoo raises, with
/// its exact message for the version profile (16, 17, 18, 19) where the wording changed.
namespace msg {

core::Error AccessDenied();
core::Error UnknownModel(std::string_view model);
core::Error MethodNotFound(int version, std::string_view model, std::string_view method);
core::Error PrivateMethod(int version, std::string_view model, std::string_view method);
core::Error InvalidField(std::string_view model, std::string_view field);
/// ACL refusal; `operation` is read, write, create or unlink.
core::Error Acl(const ModelDef& model, std::string_view operation);
core::Error FieldAccess(int version, const ModelDef& model, const std::vector<std::string>& fields);
core::Error RecordRule(int version, const ModelDef& model, std::string_view user_name, int64_t uid,
                       std::string_view operation);
core::Error Missing(const ModelDef& model, const std::vector<int64_t>& ids, int64_t uid);
core::Error BadOrder(std::string_view order);
core::Error UnauthorizedCompanies();
core::Error MandatoryField(const ModelDef& model, const FieldDef& field);

}  // namespace msg
}  // namespace xlsync::fakes
