#include "testing/fake_odoo/http_reply.h"

namespace xlsync::fakes {

HttpReply WerkzeugPage(int status, const std::string& title, const std::string& description) {
  HttpReply reply;
  reply.status = status;
  reply.content_type = "text/html; charset=utf-8";
  reply.body = "<!doctype html>\n<html lang=en>\n<title>" + std::to_string(status) + " " + title + "</title>\n<h1>" +
               title + "</h1>\n<p>" + description + "</p>\n";
  return reply;
}

}  // namespace xlsync::fakes
