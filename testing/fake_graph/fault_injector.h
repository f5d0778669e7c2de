#pragma once

#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "testing/fake_graph/aad_error.h"
#include "testing/fake_graph/fault_spec.h"
#include "testing/fake_graph/graph_error.h"

namespace xlsync::fakes {

/// Armed faults, consumed by matching requests in the order they were added. Thread-safe.
class FaultInjector {
 public:
  /// Fails on an unsupported status, a non-positive count or a bad regex.
  core::Result<void> Add(FaultSpec spec);
  /// The fault this request meets (consuming one of its count), if any.
  std::optional<FaultSpec> Next(std::string_view method, std::string_view path);
  void Clear();
  std::size_t pending() const;

  /// Parses the JSON of POST /__fake__/faults (see README.md).
  static core::Result<FaultSpec> FromJson(const nlohmann::json& json);
  /// The Graph error a status fault answers with; Excel routes get the §6.9 nesting.
  static GraphError GraphErrorFor(const FaultSpec& spec, bool excel_route);
  /// The identity-platform error a status fault answers with on the token endpoint.
  static AadError AadErrorFor(const FaultSpec& spec);

 private:
  struct Armed {
    FaultSpec spec;
    std::optional<std::regex> regex;
    int skipped = 0;
    int fired = 0;
  };

  mutable std::mutex mutex_;
  std::vector<Armed> faults_;
};

}  // namespace xlsync::fakes
