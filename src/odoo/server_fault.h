#pragma once

#include <string>

#include "core/error.h"

namespace xlsync::odoo {

/// An exception Odoo reported, as either transport carries it: the `data` of a JSON-RPC error
/// envelope (HTTP 200) or a JSON-2 error body (4xx/5xx). odoo-api.md §4.
struct ServerFault {
  std::string name;     // "odoo.exceptions.AccessError"; empty when Odoo sent no name
  std::string message;  // what Odoo says, possibly several lines
  std::string debug;    // the traceback: log only
  int http_status = 0;  // JSON-2 status; 0 over JSON-RPC
};

/// What was being done when the fault came back, to name things in the message.
struct CallSite {
  std::string origin;  // "https://mycompany.odoo.com"
  std::string database;
  std::string user;  // the login; empty over JSON-2 (the key names the user)
  std::string model;
  std::string method;
  std::string order;  // the call's "order" argument, if any
};

/// Turns a fault into one plain sentence, classified by the exception's name (and the JSON-2
/// status), and by its text only where nothing else tells (ValueError flavours). `upstream` is
/// the name, or "HTTP <status>" when there is none. Secrets are not removed here.
core::Error ClassifyFault(const ServerFault& fault, const CallSite& site);

/// The first line of Odoo's message (the rest lists groups, records, hints).
std::string FirstLine(const std::string& text);

}  // namespace xlsync::odoo
