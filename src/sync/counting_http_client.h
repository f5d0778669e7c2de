#pragma once

#include <atomic>

#include "http/client.h"

namespace xlsync::sync {

/// Counts the requests one service receives, for run summaries; forwards everything.
class CountingHttpClient final : public http::Client {
 public:
  explicit CountingHttpClient(http::Client& inner) : inner_(inner) {}
  core::Result<http::Response> Send(const http::Request& request) override {
    ++requests_;
    return inner_.Send(request);
  }
  long long requests() const { return requests_.load(); }

 private:
  http::Client& inner_;
  std::atomic<long long> requests_{0};
};

}  // namespace xlsync::sync
