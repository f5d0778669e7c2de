#include "odoo/name_cache.h"

#include <gtest/gtest.h>

#include "odoo/cell_converter.h"
#include "odoo/client.h"
#include "odoo_replies.h"
#include "testing/support/recording_sleeper.h"
#include "testing/support/scripted_http_client.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

const Schema& Orders() {
  static const Schema kSchema = *Schema::FromFieldsGet("sale.order", json::parse(R"({
    "name": {"type": "char", "string": "Order Reference"},
    "tag_ids": {"type": "many2many", "string": "Tags", "relation": "crm.tag"},
    "extra_tag_ids": {"type": "many2many", "string": "Extra Tags", "relation": "crm.tag"},
    "order_line": {"type": "one2many", "string": "Order Lines", "relation": "sale.order.line"}
  })"));
  return kSchema;
}

json Names(std::initializer_list<std::pair<int, const char*>> names) {
  json records = json::array();
  for (const auto& [id, name] : names) records.push_back({{"id", id}, {"display_name", name}});
  return records;
}

struct CacheFixture {
  CacheFixture() { fakes::QueueJsonRpcConnect(http); }
  json Args(size_t call) const { return fakes::RpcArgs(http.requests()[2 + call]); }

  fakes::ScriptedHttpClient http;
  fakes::RecordingSleeper sleeper;
  Client client{http, sleeper, fakes::JsonRpcSettings()};
  NameCache names;
};

TEST(NameCacheTest, ReadsEachComodelOnceForAWholePage) {
  CacheFixture f;
  auto converter = CellConverter::Create(Orders(), {"name", "tag_ids", "extra_tag_ids"}, {});
  ASSERT_TRUE(converter);
  const json page = json::parse(R"([
    {"id": 1, "name": "S1", "tag_ids": [7, 3], "extra_tag_ids": [5]},
    {"id": 2, "name": "S2", "tag_ids": [3], "extra_tag_ids": []},
    {"id": 3, "name": "S3", "tag_ids": [], "extra_tag_ids": false}])");
  f.http.Enqueue(fakes::RpcResult(Names({{3, "Blue"}, {5, "Green"}, {7, "Red"}})));

  ASSERT_TRUE(f.names.Prefetch(f.client, *converter, page, Context()));

  ASSERT_EQ(f.http.requests().size(), 3u);
  EXPECT_EQ(f.Args(0)[3], "crm.tag");
  EXPECT_EQ(f.Args(0)[4], "read");
  EXPECT_EQ(f.Args(0)[5], json::parse("[[3, 5, 7]]"));
  EXPECT_EQ(f.Args(0)[6]["fields"], json({"display_name"}));
  const auto& row = converter->Convert(page[0], f.names);
  EXPECT_EQ(row[1], core::Cell::Text("Blue, Red"));  // in id order
  EXPECT_EQ(row[2], core::Cell::Text("Green"));
  EXPECT_EQ(converter->Convert(page[2], f.names)[1], core::Cell::Empty());
}

TEST(NameCacheTest, ReusesNamesOnLaterPagesAndReadsOnlyNewIds) {
  CacheFixture f;
  auto converter = CellConverter::Create(Orders(), {"tag_ids"}, {});
  ASSERT_TRUE(converter);
  f.http.Enqueue(fakes::RpcResult(Names({{3, "Blue"}})));
  ASSERT_TRUE(f.names.Prefetch(f.client, *converter, json::parse(R"([{"id":1,"tag_ids":[3]}])"),
                               Context()));
  ASSERT_TRUE(f.names.Prefetch(f.client, *converter, json::parse(R"([{"id":2,"tag_ids":[3]}])"),
                               Context()));
  EXPECT_EQ(f.http.requests().size(), 3u);  // the second page needed no read

  f.http.Enqueue(fakes::RpcResult(Names({{8, "Gold"}})));
  ASSERT_TRUE(f.names.Prefetch(f.client, *converter, json::parse(R"([{"id":3,"tag_ids":[3, 8]}])"),
                               Context()));
  EXPECT_EQ(f.Args(1)[5], json::parse("[[8]]"));
  EXPECT_EQ(f.names.Find("crm.tag", 8), "Gold");
  EXPECT_EQ(f.names.size(), 2u);
}

TEST(NameCacheTest, ReadsEveryComodelAndShowsDeletedTargetsAsIds) {
  CacheFixture f;
  auto converter = CellConverter::Create(Orders(), {"tag_ids", "order_line"}, {});
  ASSERT_TRUE(converter);
  const json page = json::parse(R"([{"id": 1, "tag_ids": [4], "order_line": [11, 12]}])");
  f.http.Enqueue(fakes::RpcResult(Names({{4, "Blue"}})));
  f.http.Enqueue(fakes::RpcResult(Names({{11, "S1 - Desk"}})));  // line 12 deleted meanwhile
  ASSERT_TRUE(f.names.Prefetch(f.client, *converter, page, Context()));
  EXPECT_EQ(f.http.requests().size(), 4u);
  EXPECT_EQ(converter->Convert(page[0], f.names)[1], core::Cell::Text("S1 - Desk, 12"));
  EXPECT_FALSE(f.names.Find("sale.order.line", 12).has_value());
}

TEST(NameCacheTest, SendsNoReadWhenIdsAreWantedInsteadOfNames) {
  CacheFixture f;
  ConvertOptions options;
  options.x2many_as_ids = true;
  auto converter = CellConverter::Create(Orders(), {"tag_ids"}, options);
  ASSERT_TRUE(converter);
  ASSERT_TRUE(f.names.Prefetch(f.client, *converter, json::parse(R"([{"id":1,"tag_ids":[3]}])"),
                               Context()));
  EXPECT_TRUE(f.http.requests().empty());
}

TEST(NameCacheTest, AnUnreadableComodelIsNamedInTheError) {
  CacheFixture f;
  auto converter = CellConverter::Create(Orders(), {"tag_ids"}, {});
  ASSERT_TRUE(converter);
  f.http.Enqueue(fakes::RpcError("odoo.exceptions.AccessError",
                                 "You are not allowed to access 'Tag' (crm.tag) records."));
  auto prefetched =
      f.names.Prefetch(f.client, *converter, json::parse(R"([{"id":1,"tag_ids":[3]}])"), Context());
  ASSERT_FALSE(prefetched);
  EXPECT_EQ(prefetched.error().message,
            "The Odoo user admin@acme.test may not read Odoo model crm.tag: ask the Odoo "
            "administrator for read access to it.");
}

}  // namespace
}  // namespace xlsync::odoo
