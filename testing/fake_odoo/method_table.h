#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace xlsync::fakes {

/// The model methods the fake exposes over RPC.
enum class MethodId {
  kSearchRead,
  kSearch,
  kSearchCount,
  kRead,
  kFieldsGet,
  kNameSearch,
  kNameGet,
  kCheckAccessRights,
  kWrite,
  kCreate,
  kUnlink,
  kWebSearchRead,
  kContextGet,
  kReadGroup,
  kFormattedReadGroup,
};

/// One Python parameter: name, whether it has no default, and its default.
struct ParamSpec {
  std::string name;
  bool required = false;
  nlohmann::json fallback;
};

/// A method's Python signature (after self/ids), so binding errors read like CPython's
/// TypeError and JSON-2's inspect.Signature.bind messages (odoo-api.md §4, §5).
struct MethodSpec {
  MethodId id = MethodId::kSearch;
  std::string name;
  bool model_method = true;  // @api.model: takes no ids
  bool writes = false;
  std::vector<ParamSpec> params;
  bool read_kwargs = false;  // **read_kwargs forwarded to _read_format(load=...)
};

/// The method `name` as it exists on `model` in `version`, or null (AttributeError).
const MethodSpec* FindMethod(std::string_view name, std::string_view model, int version);

/// Arguments bound to a MethodSpec: ids for record methods, every parameter (defaults filled).
struct BoundCall {
  const MethodSpec* spec = nullptr;
  std::vector<int64_t> ids;
  std::map<std::string, nlohmann::json> args;
  nlohmann::json read_kwargs = nlohmann::json::object();
};

/// execute_kw binding: `args` positional (ids first for record methods) and `kwargs` named,
/// with CPython's TypeError texts ("BaseModel.search() missing 1 required positional argument: 'domain'").
core::Result<BoundCall> BindPositional(const MethodSpec& spec, const nlohmann::json& args,
                                       const nlohmann::json& kwargs);
/// JSON-2 binding: named arguments only; errors are the 422 texts of inspect.Signature.bind.
core::Result<BoundCall> BindNamed(const MethodSpec& spec, std::string_view model, const nlohmann::json& ids,
                                  const nlohmann::json& named);

}  // namespace xlsync::fakes
