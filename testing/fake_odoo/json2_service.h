#pragma once

#include <string>

#include "testing/fake_odoo/http_reply.h"
#include "testing/fake_odoo/odoo_backend.h"
#include "testing/fake_odoo/rpc_service.h"

namespace xlsync::fakes {

/// The parts of a `POST /json/2/<model>/<method>` request the service reads.
struct Json2Request {
  std::string model;
  std::string method;
  std::string authorization;  // Authorization header
  std::string content_type;
  std::string database;  // X-Odoo-Database, empty when absent
  std::string body;
};

/// Odoo 19's JSON-2 endpoint (odoo-api.md §5): bearer API key, JSON object of named
/// arguments with reserved `ids` and `context`, bare return value on success, error objects
/// with the exception's HTTP status (401, 403, 404, 415, 422, 500) otherwise.
class Json2Service {
 public:
  explicit Json2Service(OdooBackend& backend) : backend_(backend) {}

  HttpReply Handle(const Json2Request& request, CallInfo& info);

 private:
  core::Result<nlohmann::json> Call(const FakeUser& user, const Json2Request& request, nlohmann::json body,
                                    CallInfo& info);

  OdooBackend& backend_;
};

/// The JSON-2 error reply for an exception: its status and the error object body.
HttpReply Json2Error(const core::Error& error);
/// The 404 JSON-2 answers to every other verb and path under /json/2.
HttpReply Json2NotRouted();

}  // namespace xlsync::fakes
