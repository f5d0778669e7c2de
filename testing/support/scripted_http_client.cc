#include "testing/support/scripted_http_client.h"

namespace xlsync::fakes {

void ScriptedHttpClient::Enqueue(http::Response response) {
  std::lock_guard lock(mutex_);
  replies_.emplace_back(std::move(response));
}

void ScriptedHttpClient::EnqueueError(core::Error error) {
  std::lock_guard lock(mutex_);
  replies_.emplace_back(std::move(error));
}

core::Result<http::Response> ScriptedHttpClient::Send(const http::Request& request) {
  std::lock_guard lock(mutex_);
  requests_.push_back(request);
  if (replies_.empty()) {
    return core::Internal("ScriptedHttpClient: no reply queued for " +
                          std::string(http::MethodName(request.method)) + " " + request.url);
  }
  auto reply = std::move(replies_.front());
  replies_.pop_front();
  return reply;
}

std::vector<http::Request> ScriptedHttpClient::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

size_t ScriptedHttpClient::pending() const {
  std::lock_guard lock(mutex_);
  return replies_.size();
}

}  // namespace xlsync::fakes
