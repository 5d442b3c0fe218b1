#include "emoji_hexcode.hpp"

#include <cstdint>
#include <cstdio>

#include "text/emoji.hpp"

namespace chatlens::server {
namespace {

constexpr size_t kMaxHexcodeLength = 96;  // the longest emoji (tag sequences) have 7 code points

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The code points of a well-formed hexcode as UTF-8; nullopt for surrogates and values above U+10FFFF.
std::optional<std::string> hexcode_to_utf8(std::string_view hexcode) {
  std::string out;
  uint32_t cp = 0;
  for (size_t i = 0; i <= hexcode.size(); ++i) {
    if (i == hexcode.size() || hexcode[i] == '-') {
      if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
      append_utf8(out, cp);
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

std::string hexcode_of(std::string_view utf8) {
  std::string out;
  size_t i = 0;
  while (i < utf8.size()) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    uint32_t cp = b;
    size_t n = 1;
    if (b >= 0xF0) {
      cp = b & 0x07;
      n = 4;
    } else if (b >= 0xE0) {
      cp = b & 0x0F;
      n = 3;
    } else if (b >= 0xC0) {
      cp = b & 0x1F;
      n = 2;
    }
    for (size_t k = 1; k < n && i + k < utf8.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += n;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
    if (!out.empty()) out += '-';
    out += buf;
  }
  return out;
}

std::optional<std::string> canonical_emoji_hexcode(std::string_view hexcode) {
  if (!is_hexcode_syntax(hexcode)) return std::nullopt;
  const std::optional<std::string> utf8 = hexcode_to_utf8(hexcode);
  if (!utf8) return std::nullopt;
  const std::optional<EmojiMatch> match = match_emoji(*utf8);
  if (!match || match->id == kNoEmoji || match->tone != SkinTone::None || match->tone2 != SkinTone::None)
    return std::nullopt;
  if (static_cast<size_t>(match->id) >= emoji_count()) return std::nullopt;
  std::string canonical = hexcode_of(emoji_info(match->id).code);
  // Only the table's own spellings: fully qualified, or emojibase's hexcode without U+FE0F.
  if (hexcode == canonical || hexcode == without_fe0f(canonical)) return canonical;
  return std::nullopt;
}

}  // namespace chatlens::server
