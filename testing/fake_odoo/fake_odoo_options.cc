#include "testing/fake_odoo/fake_odoo_options.h"

namespace xlsync::fakes {

std::vector<FakeUser> DefaultFakeUsers() {
  FakeUser admin;
  admin.login = "admin";
  admin.password = "admin";
  admin.api_keys = {"0123456789abcdef0123456789abcdef01234567"};
  admin.uid = 2;
  admin.name = "Mitchell Admin";
  admin.groups = {"base.group_user", "base.group_system", "account.group_account_invoice"};
  admin.company_ids = {1, 2};

  FakeUser demo;
  demo.login = "demo";
  demo.password = "demo";
  demo.api_keys = {"fedcba9876543210fedcba9876543210fedcba98"};
  demo.uid = 6;
  demo.name = "Marc Demo";
  demo.can_read = {"res.partner", "product.product", "sale.order", "sale.order.line",
                   "res.country", "res.currency", "res.users", "res.company", "crm.team",
                   "uom.uom", "product.category", "res.partner.category", "crm.tag"};
  demo.can_write = {"res.partner", "sale.order", "sale.order.line"};
  demo.groups = {"base.group_user"};
  demo.company_ids = {1};
  return {admin, demo};
}

const std::map<std::string, int64_t>& DefaultRecordCounts() {
  static const std::map<std::string, int64_t> kCounts = {
      {"res.partner", 40}, {"product.product", 20}, {"sale.order", 30},
      {"sale.order.line", 90}, {"account.move", 25}};
  return kCounts;
}

}  // namespace xlsync::fakes
