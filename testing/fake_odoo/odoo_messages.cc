#include "testing/fake_odoo/odoo_messages.h"

#include "testing/fake_odoo/odoo_error.h"
#include "testing/fake_odoo/python_repr.h"

namespace xlsync::fakes::msg {
namespace {

std::string Verb(std::string_view operation) {
  if (operation == "write") return "modify";
  if (operation == "unlink") return "delete";
  if (operation == "create") return "create";
  return "access";
}

std::string Described(const ModelDef& model) { return model.description + " (" + model.name + ")"; }

}  // namespace

core::Error AccessDenied() { return OdooError(exc::kAccessDenied, "Access Denied"); }

core::Error UnknownModel(std::string_view model) {
  return OdooError(exc::kUserError, "Object " + std::string(model) + " doesn't exist");
}

core::Error MethodNotFound(int version, std::string_view model, std::string_view method) {
  const std::string text = version <= 17
      ? "The method '" + std::string(method) + "' does not exist on the model '" + std::string(model) + "'"
      : "The method '" + std::string(model) + "." + std::string(method) + "' does not exist";
  return OdooError(exc::kAttributeError, text);
}

core::Error PrivateMethod(int version, std::string_view model, std::string_view method) {
  const std::string shown = version <= 17 ? std::string(method)
                                          : "'" + std::string(model) + "." + std::string(method) + "'";
  return OdooError(exc::kAccessError, "Private methods (such as " + shown + ") cannot be called remotely.");
}

core::Error InvalidField(std::string_view model, std::string_view field) {
  return OdooError(exc::kValueError,
                   "Invalid field '" + std::string(field) + "' on model '" + std::string(model) + "'");
}

core::Error Acl(const ModelDef& model, std::string_view operation) {
  const auto& groups = operation == "read" ? model.read_groups : model.write_groups;
  std::string text = "You are not allowed to " + Verb(operation) + " '" + model.description + "' (" +
                     model.name + ") records.\n\nThis operation is allowed for the following groups:\n";
  for (size_t i = 0; i < groups.size(); ++i) text += (i ? "\n\t- " : "\t- ") + groups[i];
  text += "\n\nContact your administrator to request access if necessary.";
  return OdooError(exc::kAccessError, text);
}

core::Error FieldAccess(int version, const ModelDef& model, const std::vector<std::string>& fields) {
  if (version >= 18) {
    return OdooError(exc::kAccessError,
                     "You do not have enough rights to access the field \"" + fields.front() + "\" on " +
                         Described(model) + ". Please contact your system administrator.\n\nOperation: read");
  }
  std::string joined;
  for (const std::string& field : fields) joined += (joined.empty() ? "" : ",") + field;
  return OdooError(exc::kAccessError,
                   "You do not have enough rights to access the fields \"" + joined + "\" on " +
                       Described(model) + ". Please contact your system administrator.\n\n(Operation: read)");
}

core::Error RecordRule(int version, const ModelDef& model, std::string_view user_name, int64_t uid,
                       std::string_view operation) {
  if (version <= 16) {
    return OdooError(exc::kAccessError,
                     "Due to security restrictions, you are not allowed to " + Verb(operation) + " '" +
                         model.description + "' (" + model.name +
                         ") records.\n\nContact your administrator to request access if necessary.");
  }
  return OdooError(exc::kAccessError,
                   "Uh-oh! Looks like you have stumbled upon some top-secret records.\n\nSorry, " +
                       std::string(user_name) + " (id=" + std::to_string(uid) + ") doesn't have '" +
                       std::string(operation) + "' access to:\n- " + Described(model) +
                       "\n\nIf you really, really need access, perhaps you can win over your friendly "
                       "administrator with a batch of freshly baked cookies.");
}

core::Error Missing(const ModelDef& model, const std::vector<int64_t>& ids, int64_t uid) {
  return OdooError(exc::kMissingError, "Record does not exist or has been deleted.\n(Record: " + model.name +
                                           PythonIdTuple(ids) + ", User: " + std::to_string(uid) + ")");
}

core::Error BadOrder(std::string_view order) {
  return OdooError(exc::kUserError,
                   "Invalid \"order\" specified (" + std::string(order) +
                       "). A valid \"order\" specification is a comma-separated list of valid field "
                       "names (optionally followed by asc/desc for the direction)");
}

core::Error UnauthorizedCompanies() {
  return OdooError(exc::kAccessError, "Access to unauthorized or invalid companies.");
}

core::Error MandatoryField(const ModelDef& model, const FieldDef& field) {
  return OdooError(exc::kValidationError,
                   "The operation cannot be completed:\n- Create/update: a mandatory field is not set.\n"
                   "- Delete: another model requires the record being deleted. If possible, archive it "
                   "instead.\n\nModel: " + Described(model) + "\nField: " + field.label + " (" +
                       field.name + ")\n");
}

}  // namespace xlsync::fakes::msg
