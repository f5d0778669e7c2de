#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace xlsync::odoo {

/// The Odoo release a server runs: "17.0", "saas~17.4", "18.0-20250702", "19.0+e" all parse
/// to major.minor; `text` keeps what the server said.
struct ServerVersion {
  int major = 0;
  int minor = 0;
  std::string text;

  bool AtLeast(int want_major, int want_minor = 0) const {
    return major > want_major || (major == want_major && minor >= want_minor);
  }
};

/// Reads the first "<major>[.<minor>]" in `text`, skipping prefixes such as "saas~" and
/// ignoring suffixes such as "+e" or "-20250702".
core::Result<ServerVersion> ParseServerVersion(std::string_view text);

}  // namespace xlsync::odoo
