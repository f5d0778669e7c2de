#pragma once

#include <ostream>
#include <string>

namespace xlsync::core {

/// A credential (client secret, password, API key). It prints as "********" everywhere
/// (streams, fmt, logs); only Reveal() gives the value, at the one place it goes on the wire.
class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string value) : value_(std::move(value)) {}

  const std::string& Reveal() const { return value_; }
  bool empty() const { return value_.empty(); }
  bool operator==(const Secret& other) const = default;

 private:
  std::string value_;
};

inline std::ostream& operator<<(std::ostream& out, const Secret&) { return out << "********"; }

}  // namespace xlsync::core
