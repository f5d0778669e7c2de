#pragma once

#include <type_traits>
#include <utility>
#include <variant>

#include "core/error.h"

namespace xlsync::core {

/// A value or an Error. Member names follow C++23 std::expected so that moving to it later is a
/// search-and-replace. [[nodiscard]]: a failure cannot be dropped silently.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT: implicit

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { Check(); return std::get<0>(state_); }
  const T& value() const& { Check(); return std::get<0>(state_); }
  T&& value() && { Check(); return std::get<0>(std::move(state_)); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  template <typename U>
  T value_or(U&& fallback) const& {
    return has_value() ? std::get<0>(state_) : static_cast<T>(std::forward<U>(fallback));
  }

  const Error& error() const& { XLSYNC_CHECK(!has_value()); return std::get<1>(state_); }
  Error& error() & { XLSYNC_CHECK(!has_value()); return std::get<1>(state_); }
  Error&& error() && { XLSYNC_CHECK(!has_value()); return std::get<1>(std::move(state_)); }

 private:
  void Check() const { XLSYNC_CHECK(has_value()); }
  std::variant<T, Error> state_;
};

/// Success with no value, or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit

  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  void value() const { XLSYNC_CHECK(ok_); }

  const Error& error() const& { XLSYNC_CHECK(!ok_); return error_; }
  Error& error() & { XLSYNC_CHECK(!ok_); return error_; }
  Error&& error() && { XLSYNC_CHECK(!ok_); return std::move(error_); }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace xlsync::core

/// Evaluates a Result<void>-returning expression and returns its error from the caller.
#define XLSYNC_RETURN_IF_ERROR(expr)                   \
  do {                                                 \
    auto xlsync_status_ = (expr);                      \
    if (!xlsync_status_) return std::move(xlsync_status_).error(); \
  } while (false)
