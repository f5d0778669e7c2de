#pragma once

#include <cstdint>
#include <random>
#include <string>

namespace xlsync::fakes {

/// Deterministic ids for seeded objects (drives, items, worksheets), so that the demo prints the
/// same ids on every start. Secrets-like ids (tokens, sessions) use core::NewGuid() instead, so a
/// token from an earlier run is never accepted. Not thread-safe: callers hold the state lock.
class IdSource {
 public:
  explicit IdSource(std::uint64_t seed) : random_(seed) {}

  /// Lower-case RFC 4122 style GUID.
  std::string Guid();
  /// "b!" + 64 base64url characters, like OneDrive for Business drive ids (msgraph.md §5).
  std::string DriveId();
  /// "01" + 32 base32 characters, like driveItem ids.
  std::string ItemId();
  /// "{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}", upper case, like added worksheet ids.
  std::string WorksheetId();

 private:
  std::mt19937_64 random_;
};

}  // namespace xlsync::fakes
