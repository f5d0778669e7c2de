#include "http/url.h"

#include <gtest/gtest.h>

namespace xlsync::http {
namespace {

TEST(UrlTest, PercentEncodesEverythingButUnreservedCharacters) {
  EXPECT_EQ(PercentEncode("a-b_c.d~e"), "a-b_c.d~e");
  EXPECT_EQ(PercentEncode("s3c~r+t/=x y"), "s3c~r%2Bt%2F%3Dx%20y");
  EXPECT_EQ(PercentEncode("{00000000-0001}"), "%7B00000000-0001%7D");
  EXPECT_EQ(PercentEncode("é"), "%C3%A9");
}

TEST(UrlTest, FormEncodesEveryValueAndDecodesBack) {
  const std::string body = FormEncode({{"client_secret", "a+b/c=d~e f"}, {"grant_type", "client_credentials"}});
  EXPECT_EQ(body, "client_secret=a%2Bb%2Fc%3Dd~e%20f&grant_type=client_credentials");
  EXPECT_EQ(PercentDecode("a%2Bb%2Fc%3Dd~e%20f"), "a+b/c=d~e f");
  EXPECT_EQ(PercentDecode("a+b%zz"), "a b%zz");
}

TEST(UrlTest, Base64UrlDropsPaddingAndUsesTheUrlAlphabet) {
  EXPECT_EQ(Base64Encode("any carnal pleas"), "YW55IGNhcm5hbCBwbGVhcw==");
  EXPECT_EQ(Base64Encode("ab"), "YWI=");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
}

TEST(UrlTest, ParsesSchemeHostPortAndPath) {
  auto parts = ParseUrl("HTTPS://Example.COM:8443/a/b?c=d");
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->scheme, "https");
  EXPECT_EQ(parts->host, "example.com");
  EXPECT_EQ(parts->port, 8443);
  EXPECT_EQ(parts->path, "/a/b?c=d");
  auto ipv6 = ParseUrl("http://[::1]:99");
  ASSERT_TRUE(ipv6);
  EXPECT_EQ(ipv6->host, "::1");
  EXPECT_EQ(ipv6->port, 99);
  EXPECT_FALSE(ParseUrl("example.com"));
  EXPECT_FALSE(ParseUrl("ftp://example.com"));
  EXPECT_FALSE(ParseUrl("http://host:99999"));
}

TEST(UrlTest, PlainHttpIsAcceptedOnlyForLoopback) {
  EXPECT_TRUE(ValidateServiceUrl("https://mycompany.odoo.com", "The Odoo URL"));
  EXPECT_TRUE(ValidateServiceUrl("http://127.0.0.1:8069", "The Odoo URL"));
  EXPECT_TRUE(ValidateServiceUrl("http://localhost:8069", "The Odoo URL"));
  auto refused = ValidateServiceUrl("http://mycompany.odoo.com", "The Odoo URL");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message,
            "The Odoo URL \"http://mycompany.odoo.com\" uses plain http://: use https:// (plain "
            "http is accepted only for 127.0.0.1 and localhost).");
  EXPECT_FALSE(ValidateServiceUrl("mycompany.odoo.com", "The Odoo URL"));
}

TEST(UrlTest, JoinsWithExactlyOneSlashAndReportsOrigins) {
  EXPECT_EQ(JoinUrl("https://g.example/", "/v1.0/users"), "https://g.example/v1.0/users");
  EXPECT_EQ(OriginOf("http://127.0.0.1:8069/jsonrpc"), "http://127.0.0.1:8069");
  EXPECT_TRUE(IsLoopbackHost("127.0.0.5"));
  EXPECT_FALSE(IsLoopbackHost("10.0.0.1"));
}

}  // namespace
}  // namespace xlsync::http
