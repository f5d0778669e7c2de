#pragma once

#include <string_view>

#include "core/result.h"

namespace xlsync::excel {

/// The longest sheet name Excel accepts, in characters (UTF-16 code units, as Excel counts).
inline constexpr size_t kMaxSheetNameCharacters = 31;

/// Checks Excel's sheet-name rules (msgraph.md §6.3): 1–31 characters, none of \ / ? * [ ] :,
/// not starting or ending with an apostrophe, not "History" (any case). Uniqueness within the
/// workbook is the caller's check. InvalidInput with a message naming the broken rule.
core::Result<void> ValidateSheetName(std::string_view name);

}  // namespace xlsync::excel
