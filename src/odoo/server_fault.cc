#include "odoo/server_fault.h"

#include <optional>
#include <string_view>

namespace xlsync::odoo {
namespace {

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

std::string Quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

// The text between the first `quote` and the next one ("" when there is no pair).
std::string BetweenQuotes(std::string_view text, char quote) {
  const auto open = text.find(quote);
  if (open == std::string_view::npos) return {};
  const auto close = text.find(quote, open + 1);
  if (close == std::string_view::npos) return {};
  return std::string(text.substr(open + 1, close - open - 1));
}

std::string UserPhrase(const CallSite& site) {
  return site.user.empty() ? "The Odoo user of the API key" : "The Odoo user " + site.user;
}

std::string ModelPhrase(const CallSite& site) {
  return site.model.empty() ? "this Odoo model" : "Odoo model " + site.model;
}

// AccessError covers the model ACL, record rules, field groups and company checks (§4); only
// the text tells them apart, and each needs a different fix.
core::Error AccessErrorFor(const ServerFault& fault, const CallSite& site, std::string upstream) {
  const std::string& text = fault.message;
  if (Contains(text, "enough rights to access the field")) {
    const std::string fields = BetweenQuotes(text, '"');
    const bool several = Contains(fields, ",");
    return core::PermissionDenied(UserPhrase(site) + " may not read the field" +
                                      (several ? "s " : " ") + Quoted(fields) + " of " +
                                      ModelPhrase(site) + ": remove " + (several ? "them" : "it") +
                                      " from the task or ask the Odoo administrator for access.",
                                  std::move(upstream));
  }
  if (Contains(text, "unauthorized or invalid companies")) {
    return core::PermissionDenied(
        UserPhrase(site) +
            " does not belong to every company chosen for this task: remove the "
            "other companies from the task or ask the Odoo administrator to add "
            "the user to them.",
        std::move(upstream));
  }
  return core::PermissionDenied(UserPhrase(site) + " may not read " + ModelPhrase(site) +
                                    ": ask the Odoo administrator for read access to it.",
                                std::move(upstream));
}

// ValueError (and 16's AssertionError) is Odoo's answer to bad fields, filters and sort orders;
// only the message says which (§4 catalogue).
std::optional<core::Error> ValueErrorFor(const ServerFault& fault, const CallSite& site,
                                         const std::string& upstream) {
  const std::string& text = fault.message;
  if (text.starts_with("Invalid field ") && Contains(text, " in leaf ")) {
    std::string path = text.substr(14, text.find(" in leaf ") - 14);
    if (!site.model.empty() && path.starts_with(site.model + ".")) {
      path = path.substr(site.model.size() + 1);
    }
    return core::InvalidInput("The filter uses the field " + Quoted(path) +
                                  ", which does not exist on " + ModelPhrase(site) +
                                  ": correct the filter.",
                              upstream);
  }
  if (text.starts_with("Invalid field '")) {
    const std::string field = BetweenQuotes(text, '\'');
    if (!field.empty() && Contains(site.order, field)) {
      return core::InvalidInput("The sort order uses the field " + Quoted(field) +
                                    ", which does not exist on " + ModelPhrase(site) +
                                    ": correct the sort order.",
                                upstream);
    }
    return core::InvalidInput("The field " + Quoted(field) + " does not exist on " +
                                  ModelPhrase(site) +
                                  ": remove it from the task or pick another field.",
                              upstream);
  }
  if (Contains(text, "syntactically not correct") || text.starts_with("Invalid leaf") ||
      text.starts_with("Invalid domain")) {
    return core::InvalidInput("Odoo rejected the filter (" + FirstLine(text) +
                                  "): write it as a list of conditions such as "
                                  "[[\"is_company\", \"=\", true]].",
                              upstream);
  }
  return std::nullopt;
}

// UserError carries unknown models and bad sort orders (§4); its subclasses are handled first.
std::optional<core::Error> UserErrorFor(const ServerFault& fault, const CallSite& site,
                                        const std::string& upstream) {
  const std::string& text = fault.message;
  const bool unknown_model =
      (text.starts_with("Object ") && Contains(text, "doesn't exist")) ||
      (fault.http_status == 404 && Contains(text, "model '") && Contains(text, "does not exist"));
  if (unknown_model) {
    const std::string model = site.model.empty() ? BetweenQuotes(text, '\'') : site.model;
    return core::NotFound("The Odoo model " + Quoted(model) + " does not exist on database " +
                              site.database +
                              ": check the model's technical name (such as res.partner) and "
                              "that its app is installed.",
                          upstream);
  }
  if (Contains(text, "Invalid \"order\"")) {
    return core::InvalidInput("Odoo does not accept the sort order " + Quoted(site.order) + " on " +
                                  ModelPhrase(site) +
                                  ": use field names separated by commas, each optionally "
                                  "followed by asc or desc.",
                              upstream);
  }
  return std::nullopt;
}

core::Error AuthenticationError(const ServerFault& fault, const CallSite& site,
                                std::string upstream) {
  const bool bearer = fault.name.starts_with("werkzeug.") || fault.http_status == 401;
  if (site.user.empty() || bearer) {
    return core::Unauthenticated(
        "Odoo rejected the API key for database " + site.database +
            ": check the key in the connection settings, or create a new one in Odoo under "
            "Preferences > Account Security (keys can expire).",
        std::move(upstream));
  }
  return core::Unauthenticated("Odoo refused the password or API key of " + site.user +
                                   " on database " + site.database +
                                   ": check them in the connection settings (API keys can "
                                   "expire).",
                               std::move(upstream));
}

core::Error Classify(const ServerFault& fault, const CallSite& site, std::string upstream) {
  const std::string& name = fault.name;
  if (name.ends_with(".AccessDenied") || name == "werkzeug.exceptions.Unauthorized" ||
      fault.http_status == 401) {
    return AuthenticationError(fault, site, std::move(upstream));
  }
  if (Contains(name, "OperationalError") && Contains(fault.message, "database") &&
      Contains(fault.message, "does not exist")) {
    return core::NotFound("The Odoo database " + Quoted(site.database) + " does not exist on " +
                              site.origin +
                              ": check the database name (on Odoo Online it is the instance "
                              "name, as in mycompany.odoo.com).",
                          std::move(upstream));
  }
  if (name.ends_with(".AccessError")) return AccessErrorFor(fault, site, std::move(upstream));
  if (name.ends_with(".MissingError")) {
    return core::NotFound("A record of " + ModelPhrase(site) +
                              " was deleted while xlsync was reading it: run the export again.",
                          std::move(upstream));
  }
  if (name.ends_with("ValueError") || name.ends_with("AssertionError")) {
    if (auto error = ValueErrorFor(fault, site, upstream)) return *std::move(error);
  }
  if (name.ends_with(".UserError") || name.ends_with(".NotFound") || fault.http_status == 404) {
    if (auto error = UserErrorFor(fault, site, upstream)) return *std::move(error);
  }
  std::string said = FirstLine(fault.message);
  if (said.empty()) said = name.empty() ? "HTTP " + std::to_string(fault.http_status) : name;
  const bool user_error =
      name.ends_with("UserError") || name.ends_with("ValidationError") || fault.http_status == 422;
  return core::MakeError(user_error ? core::ErrorCode::kInvalidInput : core::ErrorCode::kInternal,
                         "Odoo reported an error: " + said, std::move(upstream));
}

// The traceback's last line names the exception; the frames are noise in a log line.
std::string LastLine(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  const auto start = text.rfind('\n');
  return std::string(start == std::string_view::npos ? text : text.substr(start + 1));
}

}  // namespace

std::string FirstLine(const std::string& text) {
  const auto end = text.find('\n');
  std::string line = end == std::string::npos ? text : text.substr(0, end);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
  return line;
}

core::Error ClassifyFault(const ServerFault& fault, const CallSite& site) {
  std::string upstream = fault.name;
  if (upstream.empty() && fault.http_status != 0) {
    upstream = "HTTP " + std::to_string(fault.http_status);
  }
  core::Error error = Classify(fault, site, std::move(upstream));
  error.detail +=
      " | " + site.model + "." + site.method + ": " + fault.name + ": " + FirstLine(fault.message);
  if (const std::string last = LastLine(fault.debug); !last.empty()) error.detail += " | " + last;
  return error;
}

}  // namespace xlsync::odoo
