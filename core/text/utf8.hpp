#pragma once
// Small UTF-8 helpers used on the import path (no allocation unless noted).
#include <cstdint>
#include <string>
#include <string_view>

namespace chatlens {

bool is_valid_utf8(std::string_view s);

// Decodes one code point at s[i], advancing i; returns U+FFFD on malformed input.
char32_t decode_utf8(std::string_view s, size_t& i);
void append_utf8(std::string& out, char32_t cp);
// Code points in s: the bytes that are no continuation byte (10xxxxxx), whatever s holds.
size_t count_code_points(std::string_view s);

// Invisible formatting characters that exports sprinkle around: BOM, LRM, RLM,
// ALM, LRE..RLO, LRI..PDI, ZWNBSP. Not ZWJ (part of emoji sequences).
constexpr bool is_direction_mark(char32_t c) {
  return c == 0xFEFF || c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

// True when s contains a direction mark or BOM (fast pre-check before stripping).
bool has_direction_marks(std::string_view s);
// s without direction marks and BOMs.
std::string strip_direction_marks(std::string_view s);
// Names: marks removed, NBSP/NNBSP/figure space -> space, runs of spaces collapsed, trimmed.
std::string normalize_name(std::string_view s);

// The first `max_bytes` of s cut at a code point boundary, with "…" when cut;
// invalid bytes are replaced so the result is always valid UTF-8.
std::string utf8_excerpt(std::string_view s, size_t max_bytes);

}  // namespace chatlens
