#include "sync/linked_record_source.h"

#include <gtest/gtest.h>

#include <deque>

namespace xlsync::sync {
namespace {

odoo::ServerVersion Version(int major, int minor, std::string text) { return {major, minor, std::move(text)}; }

TEST(RecordUrlTest, UsesTheWebClientsAddressOfEachVersion) {
  struct Case {
    odoo::ServerVersion version;
    std::string url;
  };
  const Case cases[] = {
      {Version(16, 0, "16.0"), "https://erp.example.com/web#id=42&model=sale.order&view_type=form"},
      {Version(17, 0, "17.0"), "https://erp.example.com/web#id=42&model=sale.order&view_type=form"},
      {Version(17, 1, "saas~17.1"), "https://erp.example.com/web#id=42&model=sale.order&view_type=form"},
      {Version(17, 2, "saas~17.2"), "https://erp.example.com/odoo/sale.order/42"},
      {Version(18, 0, "18.0"), "https://erp.example.com/odoo/sale.order/42"},
      {Version(19, 0, "19.0+e"), "https://erp.example.com/odoo/sale.order/42"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(RecordUrl("https://erp.example.com", c.version, "sale.order", 42), c.url) << c.version.text;
    EXPECT_EQ(RecordUrl("https://erp.example.com/", c.version, "sale.order", 42), c.url) << c.version.text;
  }
}

/// Two pages of one-column rows with their ids.
class PagedSource final : public RecordSource {
 public:
  explicit PagedSource(std::deque<Batch> pages) : pages_(std::move(pages)) {}
  const std::vector<core::Column>& columns() const override { return columns_; }
  core::Result<std::optional<Batch>> Next() override {
    if (pages_.empty()) return std::optional<Batch>();
    Batch batch = std::move(pages_.front());
    pages_.pop_front();
    return std::optional<Batch>(std::move(batch));
  }

 private:
  std::vector<core::Column> columns_{{"name", "Customer", ""}};
  std::deque<Batch> pages_;
};

std::unique_ptr<RecordSource> TwoPages() {
  std::deque<Batch> pages;
  pages.push_back({{{core::Cell::Text("Acme")}, {core::Cell::Text("Beta")}}, {7, 9}});
  pages.push_back({{{core::Cell::Text("Gamma")}}, {12}});
  return std::make_unique<PagedSource>(std::move(pages));
}

std::string UrlOf(int64_t id) {
  return RecordUrl("https://erp.example.com", Version(18, 0, "18.0"), "res.partner", id);
}

TEST(LinkedRecordSourceTest, AppendsALinkToEachRowsRecord) {
  LinkedRecordSource source(TwoPages(), UrlOf, LinkColumnLabel("labels"));
  ASSERT_EQ(source.columns().size(), 2u);
  EXPECT_EQ(source.columns()[1], (core::Column{"id", "Odoo ID", "0"}));
  auto first = source.Next();
  ASSERT_TRUE(first && first->has_value());
  const Batch& page = **first;
  ASSERT_EQ(page.rows.size(), 2u);
  EXPECT_EQ(page.rows[0][0], core::Cell::Text("Acme"));
  EXPECT_EQ(page.rows[0][1], core::Cell::Link("https://erp.example.com/odoo/res.partner/7", 7));
  EXPECT_EQ(page.rows[1][1], core::Cell::Link("https://erp.example.com/odoo/res.partner/9", 9));
  EXPECT_EQ(page.ids, (std::vector<int64_t>{7, 9}));
  auto second = source.Next();
  ASSERT_TRUE(second && second->has_value());
  EXPECT_EQ((*second)->rows[0][1], core::Cell::Link("https://erp.example.com/odoo/res.partner/12", 12));
  auto end = source.Next();
  ASSERT_TRUE(end);
  EXPECT_FALSE(end->has_value());
}

TEST(LinkedRecordSourceTest, NamesTheColumnIdWithTechnicalHeaders) {
  LinkedRecordSource source(TwoPages(), UrlOf, LinkColumnLabel("names"));
  EXPECT_EQ(source.columns()[1].label, "id");
}

TEST(LinkedRecordSourceTest, LeavesTheIdUnlinkedWhenTheUrlIsTooLongForHyperlink) {
  const auto long_url = [](int64_t id) { return "https://" + std::string(250, 'x') + "/" + std::to_string(id); };
  LinkedRecordSource source(TwoPages(), long_url, "Odoo ID");
  auto page = source.Next();
  ASSERT_TRUE(page && page->has_value());
  EXPECT_EQ((*page)->rows[0][1], core::Cell::Number(7));
}

TEST(LinkedRecordSourceTest, RefusesRowsWithoutIds) {
  std::deque<Batch> pages;
  pages.push_back({{{core::Cell::Text("Acme")}}, {}});
  LinkedRecordSource source(std::make_unique<PagedSource>(std::move(pages)), UrlOf, "Odoo ID");
  auto page = source.Next();
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, core::ErrorCode::kInternal);
}

}  // namespace
}  // namespace xlsync::sync
