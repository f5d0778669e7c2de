#include "msgraph/token_errors.h"

#include <array>
#include <string>

#include "core/text.h"
#include "msgraph/graph_error.h"
#include "msgraph/json_fields.h"

namespace xlsync::msgraph {
namespace {

struct TokenReply {
  std::string error;   // "invalid_client"
  long long code = 0;  // error_codes[0]
  std::string trace_id;
  std::string correlation_id;
};

TokenReply ParseTokenReply(std::string_view body) {
  TokenReply reply;
  const nlohmann::json json = ParseJson(body);
  if (json.is_discarded() || !json.is_object()) return reply;
  reply.error = StringField(json, "error");
  reply.trace_id = StringField(json, "trace_id");
  reply.correlation_id = StringField(json, "correlation_id");
  if (const auto* codes = Field(json, "error_codes");
      codes && codes->is_array() && !codes->empty() && codes->front().is_number_integer()) {
    reply.code = codes->front().get<long long>();
  }
  return reply;
}

struct CodeSentence {
  std::array<long long, 3> codes;  // unused slots are 0
  core::ErrorCode kind;
  std::string_view message;
};

// The "User messages" list of msgraph.md §2.4: one sentence per code a user can cause.
constexpr CodeSentence kCodeSentences[] = {
    {{7000215},
     core::ErrorCode::kUnauthenticated,
     "Microsoft rejected the client secret: paste the secret's Value (not its Secret ID) from "
     "Certificates & secrets in the app registration in Microsoft Entra."},
    {{7000222},
     core::ErrorCode::kUnauthenticated,
     "The client secret has expired: create a new one under Certificates & secrets in the app "
     "registration in Microsoft Entra and save its Value here."},
    {{700016},
     core::ErrorCode::kUnauthenticated,
     "The client ID is not known in this tenant: check the Application (client) ID, and that an "
     "administrator of this tenant registered the app or consented to it."},
    {{90002},
     core::ErrorCode::kInvalidInput,
     "The tenant ID is wrong (Microsoft knows no such tenant in this cloud): copy the Directory "
     "(tenant) ID from the app registration's Overview page."},
    {{900023},
     core::ErrorCode::kInvalidInput,
     "The tenant ID is wrong (it is neither a GUID nor a domain name): copy the Directory "
     "(tenant) ID from the app registration's Overview page."},
    {{7000218, 900144, 90014},
     core::ErrorCode::kInvalidInput,
     "Microsoft sign-in is missing a required value: enter the client ID and the client secret's "
     "Value in the Microsoft connection settings."},
    {{70011, 1002012, 700022},
     core::ErrorCode::kInternal,
     "Microsoft rejected the permission scope xlsync asked for: check the Microsoft Graph address "
     "setting, otherwise report this xlsync bug with the code shown."},
    {{53003},
     core::ErrorCode::kPermissionDenied,
     "A Conditional Access policy blocks this app from signing in: ask an administrator to allow "
     "the app (or this server's location) in the policy."},
    {{7000112},
     core::ErrorCode::kPermissionDenied,
     "The app is disabled in this tenant: ask an administrator to enable it under Enterprise "
     "applications, Properties."},
    {{50049},
     core::ErrorCode::kInvalidInput,
     "The Microsoft sign-in address is wrong: use https://login.microsoftonline.com or your "
     "national cloud's sign-in address."},
    {{500011},
     core::ErrorCode::kInvalidInput,
     "Microsoft Graph is not available to this tenant at the configured address: check that the "
     "Microsoft Graph address belongs to the tenant's cloud."},
};

// An empty Error (no message) when the code has no sentence of its own.
core::Error ErrorForCode(long long code, const std::string& upstream) {
  if (code == 0) return core::Error{};
  for (const CodeSentence& each : kCodeSentences) {
    for (long long known : each.codes) {
      if (known == code) return core::MakeError(each.kind, std::string(each.message), upstream);
    }
  }
  return core::Error{};
}

}  // namespace

core::Error MapTokenError(const http::Response& response) {
  const TokenReply reply = ParseTokenReply(response.body);
  const std::string upstream = reply.code != 0        ? "AADSTS" + std::to_string(reply.code)
                               : !reply.error.empty() ? reply.error
                                                      : "HTTP " + std::to_string(response.status);
  core::Error error = ErrorForCode(reply.code, upstream);
  if (error.message.empty()) {
    if (reply.error == "temporarily_unavailable" || response.status >= 500 ||
        response.status == 429) {
      error = core::Unavailable(
          "Microsoft sign-in is temporarily unavailable: try again in a few "
          "minutes.",
          upstream);
    } else if (reply.error == "invalid_tenant") {
      error = ErrorForCode(90002, upstream);
    } else if (!reply.error.empty()) {
      error = core::Unauthenticated("Microsoft sign-in failed: " + reply.error +
                                        " (check the tenant ID, client ID and client secret).",
                                    upstream);
    } else {
      error = core::Unavailable(
          "The Microsoft sign-in address did not answer like Microsoft's "
          "sign-in service (HTTP " +
              std::to_string(response.status) + "): check the sign-in address setting.",
          upstream);
    }
  }
  error.detail = "HTTP " + std::to_string(response.status) +
                 " POST token endpoint trace_id=" + reply.trace_id +
                 " correlation_id=" + reply.correlation_id;
  return error;
}

bool IsTransientTokenOutcome(const core::Result<http::Response>& outcome) {
  if (!outcome) return IsTransientTransportError(outcome.error());
  if (outcome->status == 429 || outcome->status >= 500) return true;
  if (outcome->status != 400) return false;
  return ParseTokenReply(outcome->body).error == "temporarily_unavailable";
}

}  // namespace xlsync::msgraph
