#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xlsync::http {

enum class Method { kGet, kPost, kPut, kPatch, kDelete };

std::string_view MethodName(Method method);

/// Header list in the order given; look-ups are case-insensitive (HTTP field names).
class Headers {
 public:
  Headers() = default;
  Headers(std::initializer_list<std::pair<std::string, std::string>> items) : items_(items) {}

  void Add(std::string name, std::string value) { items_.emplace_back(std::move(name), std::move(value)); }
  /// Replaces every field of that name with one.
  void Set(std::string name, std::string value);
  std::optional<std::string> Get(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

/// One HTTP request as the typed clients build it.
struct Request {
  Method method = Method::kGet;
  std::string url;
  Headers headers;
  std::string body;
  /// Whole-exchange limit for this request; zero means the client's default.
  std::chrono::milliseconds timeout{0};
};

/// One complete HTTP reply; a 4xx/5xx is a reply like any other.
struct Response {
  int status = 0;
  Headers headers;
  std::string body;
};

inline bool IsSuccess(const Response& response) {
  return response.status >= 200 && response.status < 300;
}

}  // namespace xlsync::http
