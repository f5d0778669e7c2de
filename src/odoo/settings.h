#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/secret.h"

namespace xlsync::odoo {

/// Which Odoo API a Client speaks (odoo-api.md §1). kAuto picks JSON-2 when the server is
/// Odoo 19+ and an API key is given, else JSON-RPC.
enum class Protocol { kAuto, kJsonRpc, kJson2 };

/// "auto", "json-rpc" or "json-2", for logs and messages.
std::string_view ProtocolName(Protocol protocol);

/// The protocol as written in settings: "auto" (or empty), "jsonrpc" or "json2".
core::Result<Protocol> ParseProtocol(std::string_view text);

/// How to reach and log in to one Odoo database. Secrets stay wrapped until they go on the
/// wire; a value, copied into each Client.
struct Settings {
  std::string url;        // "https://mycompany.odoo.com"; http only for loopback hosts
  std::string database;   // on Odoo Online, the instance name
  std::string login;      // needed for JSON-RPC; JSON-2 identifies the user by the key
  core::Secret password;  // one of password / api_key (api_key preferred)
  core::Secret api_key;
  Protocol protocol = Protocol::kAuto;
  std::chrono::milliseconds timeout{120'000};  // per HTTP request (Odoo's limit_time_real, §7)
};

}  // namespace xlsync::odoo
