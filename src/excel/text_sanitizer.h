#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace xlsync::excel {

/// What SanitizeRuns changed while cleaning a text.
struct SanitizeOutcome {
  bool truncated = false;
  bool removed_control_characters = false;
};

namespace sanitizer_internal {

inline constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Control characters Excel rejects in cells: everything below U+0020 except tab, LF and CR.
inline bool IsRejectedControl(unsigned char c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

// Length of the well-formed UTF-8 sequence at `text[i]` (2..4), or 0 when it is ill-formed;
// `bad` then receives the length of the maximal ill-formed subpart to replace by one U+FFFD
// (Unicode §3.9, "U+FFFD substitution of maximal subparts").
inline size_t MultiByteLength(std::string_view text, size_t i, size_t& bad) {
  const auto at = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = at(i);
  size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;  // no UTF-16 surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;  // nothing past U+10FFFF
  } else {
    bad = 1;
    return 0;
  }
  for (size_t k = 1; k < length; ++k) {
    const bool in_text = i + k < text.size();
    const unsigned char c = in_text ? at(i + k) : 0;
    const unsigned char lo = k == 1 ? low : 0x80;
    const unsigned char hi = k == 1 ? high : 0xBF;
    if (!in_text || c < lo || c > hi) {
      bad = k;
      return 0;
    }
  }
  return length;
}

}  // namespace sanitizer_internal

/// Streams `text` cleaned for an Excel cell to `append(std::string_view)` as runs of bytes,
/// without allocating: rejected control characters dropped, ill-formed UTF-8 replaced by U+FFFD,
/// and the result cut at `max_units` UTF-16 code units (Excel's count) between characters.
template <typename Append>
SanitizeOutcome SanitizeRuns(std::string_view text, size_t max_units, Append&& append) {
  using namespace sanitizer_internal;
  SanitizeOutcome outcome;
  size_t units = 0;
  size_t run = 0;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x80) {  // the common case: printable ASCII
      if (units == max_units) break;
      ++units;
      ++i;
      continue;
    }
    if (c < 0x80) {
      if (IsRejectedControl(c)) {
        if (i > run) append(text.substr(run, i - run));
        outcome.removed_control_characters = true;
        run = ++i;
        continue;
      }
      if (units == max_units) break;
      ++units;
      ++i;
      continue;
    }
    size_t bad = 0;
    const size_t length = MultiByteLength(text, i, bad);
    const size_t width = length == 4 ? 2 : 1;  // 4-byte UTF-8 = a UTF-16 surrogate pair
    if (units + width > max_units) break;
    units += width;
    if (length != 0) {
      i += length;
      continue;
    }
    if (i > run) append(text.substr(run, i - run));
    append(kReplacement);
    i += bad;
    run = i;
  }
  if (i > run) append(text.substr(run, i - run));
  // The loop stops early only at a character that would pass the limit.
  outcome.truncated = i < n;
  return outcome;
}

}  // namespace xlsync::excel
