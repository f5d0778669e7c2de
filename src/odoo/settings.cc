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

}  // namespace xlsync::odoo
