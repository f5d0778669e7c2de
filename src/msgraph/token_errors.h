#pragma once

#include "core/error.h"
#include "core/result.h"
#include "http/message.h"

namespace xlsync::msgraph {

/// Maps a failed token-endpoint reply to one plain sentence keyed on `error` and
/// `error_codes[0]` (never on the description, msgraph.md §2.4); upstream is "AADSTS<code>".
/// The description is never copied: it may quote what was sent.
core::Error MapTokenError(const http::Response& response);

/// True when asking the token endpoint again may help: temporarily_unavailable, 429, 5xx, and
/// transport failures other than configuration ones (msgraph.md §2.4).
bool IsTransientTokenOutcome(const core::Result<http::Response>& outcome);

}  // namespace xlsync::msgraph
