#include "testing/fake_graph/directory.h"

#include <algorithm>

#include "core/text.h"

namespace xlsync::fakes {

bool Directory::AddTenant(Tenant tenant) {
  if (FindTenant(tenant.guid)) return false;
  for (const auto& domain : tenant.domains) {
    if (FindTenant(domain)) return false;
  }
  tenants_.push_back(std::move(tenant));
  return true;
}

const Tenant* Directory::FindTenant(std::string_view guid_or_domain) const {
  for (const auto& tenant : tenants_) {
    if (core::EqualsIgnoreCase(tenant.guid, guid_or_domain)) return &tenant;
    for (const auto& domain : tenant.domains) {
      if (core::EqualsIgnoreCase(domain, guid_or_domain)) return &tenant;
    }
  }
  return nullptr;
}

bool Directory::AddApp(AppRegistration app) {
  if (FindApp(app.tenant_guid, app.client_id)) return false;
  apps_.push_back(std::move(app));
  return true;
}

const AppRegistration* Directory::FindApp(std::string_view tenant_guid,
                                          std::string_view client_id) const {
  for (const auto& app : apps_) {
    if (app.tenant_guid == tenant_guid && core::EqualsIgnoreCase(app.client_id, client_id))
      return &app;
  }
  return nullptr;
}

bool Directory::AddUser(DirectoryUser user) {
  if (FindUser(user.tenant_guid, user.upn)) return false;
  users_.push_back(std::move(user));
  return true;
}

const DirectoryUser* Directory::FindUser(std::string_view tenant_guid,
                                         std::string_view upn_or_id) const {
  for (const auto& user : users_) {
    if (user.tenant_guid != tenant_guid) continue;
    if (core::EqualsIgnoreCase(user.upn, upn_or_id) || core::EqualsIgnoreCase(user.id, upn_or_id)) {
      return &user;
    }
  }
  return nullptr;
}

std::string Directory::IssueToken(TokenGrant grant) {
  // Opaque to clients (msgraph.md §2.3): random, and shaped like nothing they could parse.
  std::string token = "fake-graph." + core::NewGuid() + "." + core::NewGuid();
  tokens_.emplace(token, std::move(grant));
  return token;
}

const TokenGrant* Directory::FindToken(std::string_view token) const {
  const auto found = tokens_.find(std::string(token));
  return found == tokens_.end() ? nullptr : &found->second;
}

void Directory::ExpireAllTokens(core::TimePoint now) {
  for (auto& [token, grant] : tokens_) grant.expires_at = std::min(grant.expires_at, now);
}

}  // namespace xlsync::fakes
