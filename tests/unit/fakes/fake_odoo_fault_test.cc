// Scripted faults and the control routes of the fake Odoo (testing/fake_odoo/README.md).
#include "tests/unit/fakes/fake_odoo_fixture.h"

namespace xlsync::fakes {
namespace {

using nlohmann::json;

class FakeOdooFaultTest : public FakeOdooTest {
 protected:
  json SearchRead() { return ExecuteKw("res.partner", "search_read", json::array({json::array()}), {{"fields", {"name"}}, {"limit", 2}}); }
  std::string SearchReadBody() {
    return json({{"jsonrpc", "2.0"}, {"method", "call"}, {"id", 1},
                 {"params", {{"service", "object"}, {"method", "execute_kw"},
                             {"args", {"demo", 2, "admin", "res.partner", "search_read", json::array({json::array()}),
                                       {{"fields", {"name"}}, {"limit", 2}}}}}}})
        .dump();
  }
};

TEST_F(FakeOdooFaultTest, ThrottlingAnswers429WithRetryAfterThenRecovers) {
  Start();
  FaultRule rule;
  rule.transport = "jsonrpc";
  rule.model = "res.partner";
  rule.method = "search_read";
  rule.status = 429;
  rule.retry_after_seconds = 7;
  odoo_->InjectFault(rule);
  const http::Response throttled = Post("/jsonrpc", SearchReadBody());
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.headers.Get("Retry-After"), "7");
  EXPECT_NE(throttled.body.find("429 Too Many Requests"), std::string::npos);
  EXPECT_EQ(SearchRead()["result"].size(), 2u);
}

TEST_F(FakeOdooFaultTest, ProxyErrorsAnswerAnHtmlPage) {
  Start();
  FaultRule rule;
  rule.status = 502;
  odoo_->InjectFault(rule);
  const http::Response reply = Post("/jsonrpc", SearchReadBody());
  EXPECT_EQ(reply.status, 502);
  EXPECT_EQ(reply.headers.Get("Content-Type"), "text/html");
  EXPECT_NE(reply.body.find("<center><h1>502 Bad Gateway</h1></center>"), std::string::npos);
  EXPECT_FALSE(reply.headers.Get("Retry-After"));
}

TEST_F(FakeOdooFaultTest, ADroppedConnectionIsATransportErrorForCurl) {
  Start();
  FaultRule rule;
  rule.kind = OdooFaultKind::kDrop;
  odoo_->InjectFault(rule);
  auto reply = http_->Send({http::Method::kPost, odoo_->url() + "/jsonrpc", {{"Content-Type", "application/json"}},
                            SearchReadBody(), {}});
  ASSERT_FALSE(reply);
  EXPECT_FALSE(reply.error().upstream.empty());
  EXPECT_EQ(SearchRead()["result"].size(), 2u);
}

TEST_F(FakeOdooFaultTest, AnOdooErrorFaultComesBackInTheTransportsShape) {
  FakeOdooOptions options;
  options.version = 19;
  Start(options);
  FaultRule rule;
  rule.kind = OdooFaultKind::kOdooError;
  rule.count = 2;
  rule.error_name = "odoo.exceptions.AccessDenied";
  rule.error_message = "Access Denied";
  odoo_->InjectFault(rule);
  const json envelope = SearchRead();
  EXPECT_EQ(envelope["error"]["code"], 0);
  EXPECT_EQ(ErrorOf(envelope)["name"], "odoo.exceptions.AccessDenied");
  const http::Response json2 = Json2("res.partner", "search_count", {{"domain", json::array()}});
  EXPECT_EQ(json2.status, 403);
  EXPECT_EQ(json::parse(json2.body)["name"], "odoo.exceptions.AccessDenied");
  EXPECT_TRUE(SearchRead().contains("result"));
}

TEST_F(FakeOdooFaultTest, FaultsMatchTransportModelAndMethodAndCanSkipCalls) {
  Start();
  FaultRule rule;
  rule.model = "sale.order";
  rule.method = "search_read";
  rule.skip = 1;
  rule.status = 504;
  odoo_->InjectFault(rule);
  EXPECT_TRUE(SearchRead().contains("result"));  // another model
  EXPECT_TRUE(ExecuteKw("sale.order", "search_count", json::array({json::array()})).contains("result"));  // another method
  const std::string orders = json({{"jsonrpc", "2.0"}, {"method", "call"}, {"id", 1},
                                   {"params", {{"service", "object"}, {"method", "execute_kw"},
                                               {"args", {"demo", 2, "admin", "sale.order", "search_read",
                                                         json::array({json::array()}), {{"fields", {"name"}}}}}}}})
                                 .dump();
  EXPECT_EQ(Post("/jsonrpc", orders).status, 200);  // skipped
  EXPECT_EQ(Post("/jsonrpc", orders).status, 504);
  EXPECT_EQ(Post("/jsonrpc", orders).status, 200);  // used up
}

TEST_F(FakeOdooFaultTest, ControlRoutesScriptFaultsFromAnotherProcess) {
  Start();
  const http::Response added = Post("/__fake__/faults", R"([{"transport": "jsonrpc", "method": "search_read",
      "action": "odoo_error", "error_name": "odoo.exceptions.MissingError",
      "error_message": "Record does not exist or has been deleted."},
      {"transport": "json2", "action": "status", "status": 503, "retry_after": 1}])");
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(json::parse(added.body)["faults"].size(), 2u);
  EXPECT_EQ(ErrorOf(SearchRead())["name"], "odoo.exceptions.MissingError");
  EXPECT_EQ(Post("/__fake__/faults", R"({"action": "explode"})").status, 400);
  EXPECT_EQ(http_->Send({http::Method::kDelete, odoo_->url() + "/__fake__/faults", {}, "", {}})->status, 200);
  EXPECT_EQ(json::parse(Get("/__fake__/faults").body)["faults"], json::array());
}

TEST_F(FakeOdooFaultTest, CallsAreLoggedWithTransportModelMethodAndRecords) {
  Start();
  odoo_->ClearCalls();
  SearchRead();
  ExecuteKw("res.partner", "search_count", json::array({json::array()}), json::object(), "wrong");
  const std::vector<CallRecord> calls = odoo_->Calls();
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].transport, "jsonrpc");
  EXPECT_EQ(calls[0].service, "object");
  EXPECT_EQ(calls[0].model, "res.partner");
  EXPECT_EQ(calls[0].method, "search_read");
  EXPECT_EQ(calls[0].records, 2);
  EXPECT_EQ(calls[0].error, "");
  EXPECT_EQ(calls[1].error, "odoo.exceptions.AccessDenied");
  const json logged = json::parse(Get("/__fake__/calls").body)["calls"];
  ASSERT_EQ(logged.size(), 2u);
  EXPECT_EQ(logged[0]["records"], 2);
}

TEST_F(FakeOdooFaultTest, LatencyAndResetRoutesAnswer) {
  Start();
  EXPECT_EQ(Post("/__fake__/latency", R"({"call_latency_ms": 0, "per_record_latency_us": 0})").status, 200);
  EXPECT_EQ(Post("/__fake__/latency", R"({"call_latency_ms": "slow"})").status, 400);
  odoo_->Write("res.partner", 1, {{"name", "Changed"}});
  EXPECT_EQ(Post("/__fake__/reset", "{}").status, 200);
  EXPECT_NE(odoo_->SearchRead("res.partner", {{"id", "=", 1}}, {"name"})[0]["name"], "Changed");
  EXPECT_TRUE(odoo_->Calls().empty());
}

TEST_F(FakeOdooFaultTest, StartRefusesAnUnknownVersionProfile) {
  FakeOdooOptions options;
  options.version = 15;
  FakeOdoo odoo(options);
  auto started = odoo.Start();
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().message, "The fake Odoo version must be 16, 17, 18 or 19.");
}

}  // namespace
}  // namespace xlsync::fakes
