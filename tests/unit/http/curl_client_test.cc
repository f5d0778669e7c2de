#include <gtest/gtest.h>
#include <httplib.h>

#include <thread>

#include "http/client.h"

namespace xlsync::http {
namespace {

/// A real local server: the curl client is tested over real sockets on 127.0.0.1.
class CurlClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.Patch("/echo", [](const httplib::Request& request, httplib::Response& response) {
      response.status = 201;
      response.set_header("X-Method", request.method);
      response.set_header("X-Seen-Header", request.get_header_value("X-Custom"));
      response.set_content(request.body, "application/json");
    });
    server_.Get("/missing", [](const httplib::Request&, httplib::Response& response) {
      response.status = 404;
      response.set_content("{\"error\":\"nope\"}", "application/json");
    });
    server_.Get("/slow", [](const httplib::Request&, httplib::Response& response) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1500));
      response.set_content("late", "text/plain");
    });
    server_.Post("/empty", [](const httplib::Request& request, httplib::Response& response) {
      response.status = 204;
      response.set_header("X-Length", request.get_header_value("Content-Length"));
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  void TearDown() override {
    server_.stop();
    thread_.join();
  }
  std::string Url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

TEST_F(CurlClientTest, SendsMethodHeadersAndBodyAndReadsTheWholeReply) {
  auto client = MakeCurlClient({});
  Request request{Method::kPatch, Url("/echo"), {{"X-Custom", "yes"}}, R"({"values":[[1]]})", {}};
  auto reply = client->Send(request);
  ASSERT_TRUE(reply) << reply.error().message;
  EXPECT_EQ(reply->status, 201);
  EXPECT_EQ(reply->body, R"({"values":[[1]]})");
  EXPECT_EQ(reply->headers.Get("x-method"), "PATCH");
  EXPECT_EQ(reply->headers.Get("X-Seen-Header"), "yes");
}

TEST_F(CurlClientTest, AnErrorStatusIsAReplyNotAnError) {
  auto client = MakeCurlClient({});
  auto reply = client->Send(Request{Method::kGet, Url("/missing"), {}, "", {}});
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 404);
  EXPECT_EQ(reply->body, "{\"error\":\"nope\"}");
}

TEST_F(CurlClientTest, AnEmptyPostSendsContentLengthZero) {
  auto client = MakeCurlClient({});
  auto reply = client->Send(Request{Method::kPost, Url("/empty"), {}, "", {}});
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 204);
  EXPECT_EQ(reply->headers.Get("X-Length"), "0");
}

TEST_F(CurlClientTest, ARequestPastItsTimeoutIsATimeoutError) {
  auto client = MakeCurlClient({});
  auto reply = client->Send(Request{Method::kGet, Url("/slow"), {}, "", std::chrono::milliseconds(200)});
  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.error().code, core::ErrorCode::kTimeout);
  EXPECT_EQ(reply.error().upstream, kTimedOut);
}

TEST_F(CurlClientTest, ARefusedConnectionProvesTheRequestNeverReachedTheServer) {
  auto client = MakeCurlClient({});
  const std::string url = Url("/echo");
  server_.stop();
  thread_.join();
  thread_ = std::thread([] {});
  auto reply = client->Send(Request{Method::kGet, url, {}, "", {}});
  ASSERT_FALSE(reply);
  EXPECT_EQ(reply.error().code, core::ErrorCode::kUnavailable);
  EXPECT_TRUE(NeverReachedServer(reply.error()));
  EXPECT_EQ(reply.error().message.rfind("Could not reach http://127.0.0.1:", 0), 0u)
      << reply.error().message;
}

}  // namespace
}  // namespace xlsync::http
