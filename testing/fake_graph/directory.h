#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "testing/fake_graph/fake_graph_options.h"

namespace xlsync::fakes {

struct Tenant {
  std::string guid;
  std::vector<std::string> domains;
};

struct AppRegistration {
  std::string tenant_guid;
  std::string client_id;
  std::string secret;
  AppAccess access;
  bool secret_expired = false;
};

struct DirectoryUser {
  std::string tenant_guid;
  std::string upn;
  std::string id;
  std::string drive_id;  // empty = no OneDrive provisioned
};

/// What an access token stands for; the permission is fixed when the token is issued, like the
/// `roles` claim of a real one.
struct TokenGrant {
  std::string tenant_guid;
  std::string client_id;
  AppAccess access;
  core::TimePoint expires_at;
};

/// Tenants, app registrations, users and issued tokens. Not thread-safe: callers hold the
/// fake's state lock.
class Directory {
 public:
  /// False when the GUID or a domain is already taken.
  bool AddTenant(Tenant tenant);
  /// By GUID or verified domain, case-insensitively.
  const Tenant* FindTenant(std::string_view guid_or_domain) const;
  bool AddApp(AppRegistration app);
  const AppRegistration* FindApp(std::string_view tenant_guid, std::string_view client_id) const;
  bool AddUser(DirectoryUser user);
  /// By UPN (case-insensitive) or object id, within one tenant.
  const DirectoryUser* FindUser(std::string_view tenant_guid, std::string_view upn_or_id) const;

  /// Returns a fresh opaque token.
  std::string IssueToken(TokenGrant grant);
  const TokenGrant* FindToken(std::string_view token) const;
  void ExpireAllTokens(core::TimePoint now);
  void ForgetTokens() { tokens_.clear(); }

 private:
  std::vector<Tenant> tenants_;
  std::vector<AppRegistration> apps_;
  std::vector<DirectoryUser> users_;
  std::unordered_map<std::string, TokenGrant> tokens_;
};

}  // namespace xlsync::fakes
