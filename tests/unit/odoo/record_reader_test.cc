#include "odoo/record_reader.h"

#include <gtest/gtest.h>

#include <cctype>

#include "odoo_replies.h"
#include "testing/support/recording_sleeper.h"
#include "testing/support/scripted_http_client.h"

namespace xlsync::odoo {
namespace {

using nlohmann::json;

json Records(std::initializer_list<int> ids) {
  json records = json::array();
  for (const int id : ids) records.push_back({{"id", id}, {"name", "R" + std::to_string(id)}});
  return records;
}

struct ReaderFixture {
  ReaderFixture() { fakes::QueueJsonRpcConnect(http); }
  /// kwargs of the n-th model call (after the two connect requests).
  json Kwargs(size_t call) const { return fakes::RpcArgs(http.requests()[2 + call])[6]; }
  json Args(size_t call) const { return fakes::RpcArgs(http.requests()[2 + call]); }

  fakes::ScriptedHttpClient http;
  fakes::RecordingSleeper sleeper;
  Client client{http, sleeper, fakes::JsonRpcSettings()};
};

ReadSpec Spec(std::string order, int page_size) {
  ReadSpec spec;
  spec.model = "res.partner";
  spec.domain = json::parse(R"([["is_company", "=", true]])");
  spec.fields = {"name"};
  spec.order = std::move(order);
  spec.page_size = page_size;
  return spec;
}

TEST(RecordReaderTest, PagesByKeysetOnIdUntilAShortPage) {
  ReaderFixture f;
  f.http.Enqueue(fakes::RpcResult(Records({1, 2})));
  f.http.Enqueue(fakes::RpcResult(Records({5})));
  RecordReader reader(f.client, Spec("id", 2));

  auto first = reader.NextPage();
  auto second = reader.NextPage();
  auto end = reader.NextPage();

  ASSERT_TRUE(first && *first && second && *second && end);
  EXPECT_EQ(**first, Records({1, 2}));
  EXPECT_EQ(**second, Records({5}));
  EXPECT_FALSE(end->has_value());
  EXPECT_EQ(f.http.requests().size(), 4u);  // no request after the short page
  EXPECT_EQ(f.Kwargs(0)["domain"], json::parse(R"([["is_company", "=", true]])"));
  EXPECT_EQ(f.Kwargs(0)["order"], "id asc");
  EXPECT_EQ(f.Kwargs(0)["limit"], 2);
  EXPECT_EQ(f.Kwargs(1)["domain"], json::parse(R"([["is_company", "=", true], ["id", ">", 2]])"));
  EXPECT_FALSE(f.Kwargs(1).contains("offset"));
  EXPECT_EQ(reader.records_read(), 3);
  EXPECT_EQ(reader.last_id(), 5);
}

TEST(RecordReaderTest, AFullLastPageEndsOnTheNextEmptyPage) {
  ReaderFixture f;
  f.http.Enqueue(fakes::RpcResult(Records({1, 2})));
  f.http.Enqueue(fakes::RpcResult(json::array()));
  RecordReader reader(f.client, Spec("id asc", 2));
  ASSERT_TRUE(*reader.NextPage());
  auto end = reader.NextPage();
  ASSERT_TRUE(end);
  EXPECT_FALSE(end->has_value());
  EXPECT_EQ(reader.records_read(), 2);
}

TEST(RecordReaderTest, ResumesAfterTheGivenId) {
  ReaderFixture f;
  f.http.Enqueue(fakes::RpcResult(Records({11})));
  ReadSpec spec = Spec("id", 100);
  spec.after_id = 10;
  RecordReader reader(f.client, spec);
  ASSERT_TRUE(reader.NextPage());
  EXPECT_EQ(f.Kwargs(0)["domain"], json::parse(R"([["is_company", "=", true], ["id", ">", 10]])"));
  EXPECT_EQ(reader.last_id(), 11);
}

TEST(RecordReaderTest, DescendingIdOrderPagesWithLessThan) {
  ReaderFixture f;
  f.http.Enqueue(fakes::RpcResult(Records({9, 7})));
  f.http.Enqueue(fakes::RpcResult(Records({3})));
  RecordReader reader(f.client, Spec(" ID  DESC ", 2));
  ASSERT_TRUE(reader.NextPage());
  ASSERT_TRUE(reader.NextPage());
  EXPECT_EQ(f.Kwargs(0)["order"], "id desc");
  EXPECT_EQ(f.Kwargs(0)["domain"], json::parse(R"([["is_company", "=", true]])"));
  EXPECT_EQ(f.Kwargs(1)["domain"], json::parse(R"([["is_company", "=", true], ["id", "<", 7]])"));
  EXPECT_EQ(reader.last_id(), 3);
}

TEST(RecordReaderTest, OtherOrdersSearchTheIdsOnceThenReadThemInPages) {
  ReaderFixture f;
  f.http.Enqueue(fakes::RpcResult({8, 3, 5, 9, 4}));
  f.http.Enqueue(fakes::RpcResult(Records({8, 3})));
  f.http.Enqueue(fakes::RpcResult(json::array()));  // 5 and 9 deleted meanwhile
  f.http.Enqueue(fakes::RpcResult(Records({4})));
  RecordReader reader(f.client, Spec("name asc", 2));

  auto first = reader.NextPage();
  auto second = reader.NextPage();
  auto end = reader.NextPage();

  ASSERT_TRUE(first && *first && second && *second && end);
  EXPECT_EQ(**first, Records({8, 3}));
  EXPECT_EQ(**second, Records({4}));
  EXPECT_FALSE(end->has_value());
  EXPECT_EQ(f.Args(0)[4], "search");
  EXPECT_EQ(f.Kwargs(0)["order"], "name asc");
  EXPECT_EQ(f.Args(1)[4], "read");
  EXPECT_EQ(f.Args(1)[5], json::parse("[[8, 3]]"));
  EXPECT_EQ(f.Args(2)[5], json::parse("[[5, 9]]"));
  EXPECT_EQ(f.Args(3)[5], json::parse("[[4]]"));
  EXPECT_EQ(f.http.requests().size(), 6u);
  EXPECT_EQ(reader.records_read(), 3);
  EXPECT_EQ(reader.last_id(), 4);
}

// Growing pages (ReadSpec::max_page_size): the next limit is page_bytes over the bytes per record
// of the answer before, within [page_size, max_page_size].
struct GrowthCase {
  const char* what;
  double budget_in_pages;  // page_bytes as a multiple of the first answer's size
  int max_page_size;
  int expected_limit;
};

class RecordReaderGrowthTest : public testing::TestWithParam<GrowthCase> {};

TEST_P(RecordReaderGrowthTest, SizesTheNextPageByTheBytesOfTheAnswerBefore) {
  const GrowthCase& c = GetParam();
  ReaderFixture f;
  const http::Response first = fakes::RpcResult(Records({1, 2}));
  f.http.Enqueue(first);
  f.http.Enqueue(fakes::RpcResult(Records({3})));
  ReadSpec spec = Spec("id", 2);
  spec.max_page_size = c.max_page_size;
  spec.page_bytes = static_cast<size_t>(c.budget_in_pages * static_cast<double>(first.body.size()));
  RecordReader reader(f.client, spec);

  ASSERT_TRUE(reader.NextPage());
  EXPECT_EQ(reader.page_size(), c.expected_limit);
  ASSERT_TRUE(reader.NextPage());
  EXPECT_EQ(f.Kwargs(1)["limit"], c.expected_limit);
  auto end = reader.NextPage();
  ASSERT_TRUE(end);
  EXPECT_FALSE(end->has_value());
  EXPECT_EQ(f.http.requests().size(), 4u);  // 1 record of the limit asked is a short page
}

INSTANTIATE_TEST_SUITE_P(
    Pages, RecordReaderGrowthTest,
    testing::Values(GrowthCase{"three answers' worth of budget", 3.0, 10, 6},
                    GrowthCase{"no further than max_page_size", 100.0, 5, 5},
                    GrowthCase{"never below page_size", 0.2, 10, 2},
                    GrowthCase{"fixed pages without max_page_size", 100.0, 0, 2}),
    [](const testing::TestParamInfo<GrowthCase>& param) {
      std::string name = param.param.what;
      for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
      return name;
    });

TEST(RecordReaderTest, GrowingPagesSliceTheIdsOfOtherOrdersToo) {
  ReaderFixture f;
  f.http.Enqueue(fakes::RpcResult({8, 3, 5, 9, 4, 7, 6}));
  const http::Response first = fakes::RpcResult(Records({8, 3}));
  f.http.Enqueue(first);
  f.http.Enqueue(fakes::RpcResult(Records({5, 9, 4, 7})));
  f.http.Enqueue(fakes::RpcResult(Records({6})));
  ReadSpec spec = Spec("name asc", 2);
  spec.max_page_size = 4;
  spec.page_bytes = first.body.size() * 10;
  RecordReader reader(f.client, spec);

  while (true) {
    auto page = reader.NextPage();
    ASSERT_TRUE(page);
    if (!page->has_value()) break;
  }

  EXPECT_EQ(f.Args(1)[5], json::parse("[[8, 3]]"));
  EXPECT_EQ(f.Args(2)[5], json::parse("[[5, 9, 4, 7]]"));
  EXPECT_EQ(f.Args(3)[5], json::parse("[[6]]"));
  EXPECT_EQ(reader.records_read(), 7);
}

TEST(RecordReaderTest, AnInvalidFilterFailsBeforeAnyRequest) {
  ReaderFixture f;
  ReadSpec spec = Spec("id", 10);
  spec.domain = json::parse(R"(["name", "=", "x"])");
  RecordReader reader(f.client, spec);
  auto page = reader.NextPage();
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, core::ErrorCode::kInvalidInput);
  EXPECT_TRUE(f.http.requests().empty());
}

TEST(RecordReaderTest, RejectsAPageSizeBelowOne) {
  ReaderFixture f;
  RecordReader reader(f.client, Spec("id", 0));
  auto page = reader.NextPage();
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().message, "The page size must be at least 1 record.");
}

TEST(RecordReaderTest, PassesOdooErrorsThrough) {
  ReaderFixture f;
  f.http.Enqueue(fakes::RpcError("odoo.exceptions.AccessError",
                                 "You are not allowed to access 'Contact' (res.partner) records."));
  RecordReader reader(f.client, Spec("id", 10));
  auto page = reader.NextPage();
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, core::ErrorCode::kPermissionDenied);
  EXPECT_EQ(reader.records_read(), 0);
}

}  // namespace
}  // namespace xlsync::odoo
