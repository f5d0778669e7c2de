#include "odoo/settings.h"

namespace xlsync::odoo {

std::string_view ProtocolName(Protocol protocol) {
  switch (protocol) {
    case Protocol::kAuto:
      return "auto";
    case Protocol::kJsonRpc:
      return "json-rpc";
    case Protocol::kJson2:
      return "json-2";
  }
  return "auto";
}

core::Result<Protocol> ParseProtocol(std::string_view text) {
  if (text.empty() || text == "auto") return Protocol::kAuto;
  if (text == "jsonrpc") return Protocol::kJsonRpc;
  if (text == "json2") return Protocol::kJson2;
  return core::InvalidInput("The Odoo protocol \"" + std::string(text) + "\" is unknown: use auto, jsonrpc or json2.");
}

}  // namespace xlsync::odoo
