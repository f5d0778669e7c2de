#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "http/client.h"
#include "testing/fake_odoo/fake_odoo.h"

namespace xlsync::fakes {

inline constexpr const char* kAdminKey = "0123456789abcdef0123456789abcdef01234567";
inline constexpr const char* kDemoKey = "fedcba9876543210fedcba9876543210fedcba98";

/// Starts a FakeOdoo on 127.0.0.1:0 and talks to it with the real curl client, the way
/// src/odoo will: JSON-RPC envelopes and JSON-2 requests.
class FakeOdooTest : public ::testing::Test {
 protected:
  void Start(FakeOdooOptions options = {}) {
    odoo_ = std::make_unique<FakeOdoo>(std::move(options));
    auto started = odoo_->Start();
    ASSERT_TRUE(started) << started.error().message;
    http_ = http::MakeCurlClient({});
  }

  http::Response Post(const std::string& path, const std::string& body,
                      http::Headers headers = {{"Content-Type", "application/json"}}) {
    auto reply = http_->Send({http::Method::kPost, odoo_->url() + path, std::move(headers), body, {}});
    EXPECT_TRUE(reply) << (reply ? "" : reply.error().message);
    return reply ? *reply : http::Response{};
  }

  http::Response Get(const std::string& path) {
    auto reply = http_->Send({http::Method::kGet, odoo_->url() + path, {}, "", {}});
    EXPECT_TRUE(reply) << (reply ? "" : reply.error().message);
    return reply ? *reply : http::Response{};
  }

  /// The whole JSON-RPC envelope `/jsonrpc` answers for service.method(args).
  nlohmann::json Rpc(const std::string& service, const std::string& method, const nlohmann::json& args,
                     const nlohmann::json& id = 7) {
    const nlohmann::json body = {{"jsonrpc", "2.0"}, {"method", "call"}, {"id", id},
                                 {"params", {{"service", service}, {"method", method}, {"args", args}}}};
    const http::Response reply = Post("/jsonrpc", body.dump());
    EXPECT_EQ(reply.status, 200) << reply.body;
    return nlohmann::json::parse(reply.body, nullptr, false);
  }

  /// object.execute_kw as admin (uid 2, password admin) unless told otherwise.
  nlohmann::json ExecuteKw(const std::string& model, const std::string& method, const nlohmann::json& args,
                           const nlohmann::json& kwargs = nlohmann::json::object(), const std::string& secret = "admin",
                           int64_t uid = 2) {
    return Rpc("object", "execute_kw", {odoo_->options().database, uid, secret, model, method, args, kwargs});
  }

  /// `result` of an execute_kw that must succeed.
  nlohmann::json Result(const std::string& model, const std::string& method, const nlohmann::json& args,
                        const nlohmann::json& kwargs = nlohmann::json::object()) {
    nlohmann::json envelope = ExecuteKw(model, method, args, kwargs);
    EXPECT_TRUE(envelope.contains("result")) << envelope.dump();
    return envelope.contains("result") ? envelope["result"] : nlohmann::json();
  }

  http::Response Json2(const std::string& model, const std::string& method, const nlohmann::json& body,
                       const std::string& key = kAdminKey) {
    return Post("/json/2/" + model + "/" + method, body.dump(),
                {{"Authorization", "bearer " + key}, {"Content-Type", "application/json"}});
  }

  // Declared before the client so the client (and its keep-alive connections) goes first.
  std::unique_ptr<FakeOdoo> odoo_;
  std::unique_ptr<http::Client> http_;
};

/// `error.data` of an envelope, for compact assertions.
inline nlohmann::json ErrorOf(const nlohmann::json& envelope) {
  return envelope.contains("error") ? envelope["error"]["data"] : nlohmann::json();
}

}  // namespace xlsync::fakes
