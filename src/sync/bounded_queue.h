#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace xlsync::sync {

/// A blocking FIFO of at most `capacity` items, so the reader runs ahead of the writer by a
/// bounded amount and memory stays bounded. Close() wakes everyone: pushes fail, pops drain
/// what is left, then return nullopt. Thread-safe.
template <typename T>
class BoundedQueue {
 public:
  enum class PopStatus { kItem, kTimeout, kClosed };

  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}

  /// Blocks while full; false when the queue was closed (the item is dropped).
  bool Push(T item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  /// Waits up to `timeout` for an item; with a zero timeout it only looks (never blocks).
  PopStatus Pop(T& item, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    if (!not_empty_.wait_for(lock, timeout, [&] { return closed_ || !items_.empty(); })) {
      return PopStatus::kTimeout;
    }
    if (items_.empty()) return PopStatus::kClosed;
    item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return PopStatus::kItem;
  }

  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_full_.notify_all();
    not_empty_.notify_all();
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<T> items_;
  bool closed_ = false;
};

}  // namespace xlsync::sync
