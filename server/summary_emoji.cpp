#include "summary_emoji.hpp"

#include <cstdint>

#include "text/emoji.hpp"
#include "text/emoji_hexcode.hpp"
#include "text/utf8.hpp"

namespace chatlens::server {
namespace {

constexpr size_t kMaxHexcodeLength = 96;  // the longest emoji (tag sequences) have 7 code points

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code points of a well-formed hexcode as UTF-8; nullopt for surrogates and values above U+10FFFF.
std::optional<std::string> hexcode_to_utf8(std::string_view hexcode) {
  std::string out;
  uint32_t cp = 0;
  for (size_t i = 0; i <= hexcode.size(); ++i) {
    if (i == hexcode.size() || hexcode[i] == '-') {
      if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
      append_utf8(out, static_cast<char32_t>(cp));
      cp = 0;
    } else {
      cp = cp * 16 + static_cast<uint32_t>(hex_digit(hexcode[i]));
    }
  }
  return out;
}

std::string without_fe0f(const std::string& hexcode) {
  std::string out;
  size_t start = 0;
  while (start <= hexcode.size()) {
    size_t end = hexcode.find('-', start);
    if (end == std::string::npos) end = hexcode.size();
    const std::string_view part(hexcode.data() + start, end - start);
    if (part != "FE0F") {
      if (!out.empty()) out += '-';
      out += part;
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

bool is_hexcode_syntax(std::string_view hexcode) {
  if (hexcode.empty() || hexcode.size() > kMaxHexcodeLength) return false;
  size_t digits = 0;
  for (char c : hexcode) {
    if (c == '-') {
      if (digits < 4) return false;
      digits = 0;
    } else if (hex_digit(c) >= 0) {
      if (++digits > 6) return false;
    } else {
      return false;
    }
  }
  return digits >= 4;
}

std::optional<std::string> canonical_emoji_hexcode(std::string_view hexcode) {
  if (!is_hexcode_syntax(hexcode)) return std::nullopt;
  // The canonical spelling, exactly.
  if (std::optional<EmojiId> id = emoji_from_hexcode(hexcode)) return emoji_hexcode(*id);
  // emojibase's `hexcode`: the canonical spelling without its U+FE0F.
  if (hexcode.find("FE0F") != std::string_view::npos) return std::nullopt;
  const std::optional<std::string> utf8 = hexcode_to_utf8(hexcode);
  if (!utf8) return std::nullopt;
  const std::optional<EmojiId> id = find_emoji(*utf8);
  if (!id) return std::nullopt;
  std::string canonical = emoji_hexcode(*id);
  if (without_fe0f(canonical) != hexcode) return std::nullopt;  // e.g. a skin-tone variant of it
  return canonical;
}

}  // namespace chatlens::server
