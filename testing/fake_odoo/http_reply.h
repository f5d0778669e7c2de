#pragma once

#include <string>
#include <utility>
#include <vector>

namespace xlsync::fakes {

/// A reply as the fake's services compute it, before it goes on the wire.
struct HttpReply {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

/// werkzeug's HTML error page ("404 Not Found", description), as Odoo sends outside JSON routes.
HttpReply WerkzeugPage(int status, const std::string& title, const std::string& description);

}  // namespace xlsync::fakes
