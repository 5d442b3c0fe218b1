#include "text/emoji_hexcode.hpp"

#include <cstdio>

#include "text/utf8.hpp"

namespace chatlens {

std::string emoji_hexcode(EmojiId id) {
  const std::string_view code = emoji_info(id).code;
  std::string out;
  for (size_t i = 0; i < code.size();) {
    const char32_t cp = decode_utf8(code, i);
    char buf[12];
    std::snprintf(buf, sizeof buf, "%s%04X", out.empty() ? "" : "-", static_cast<unsigned>(cp));
    out += buf;
  }
  return out;
}

std::optional<EmojiId> emoji_from_hexcode(std::string_view hexcode) {
  if (hexcode.empty() || hexcode.size() > 128) return std::nullopt;
  std::string utf8;
  size_t i = 0;
  while (i < hexcode.size()) {
    size_t j = i;
    char32_t cp = 0;
    while (j < hexcode.size() && hexcode[j] != '-') {
      const char c = hexcode[j];
      int v = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (v < 0 || j - i >= 6) return std::nullopt;
      cp = cp * 16 + static_cast<char32_t>(v);
      ++j;
    }
    if (j - i < 4 || cp > 0x10FFFF) return std::nullopt;
    append_utf8(utf8, cp);
    i = j + 1;
    if (j < hexcode.size() && i == hexcode.size()) return std::nullopt;  // trailing '-'
  }
  const std::optional<EmojiId> id = find_emoji(utf8);
  // Exact round trip only: the canonical (fully-qualified, toneless) spelling.
  if (!id || emoji_hexcode(*id) != hexcode) return std::nullopt;
  return id;
}

}  // namespace chatlens
