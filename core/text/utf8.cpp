#include "text/utf8.hpp"

#include <bit>
#include <cstring>

namespace chatlens {

size_t count_code_points(std::string_view s) {
  // Eight bytes at a time: a continuation byte has bit 7 set and bit 6 clear.
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  const char* p = s.data();
  const size_t n = s.size();
  size_t continuation = 0, i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    continuation += static_cast<size_t>(std::popcount(w & kHigh & ~(w << 1)));
  }
  for (; i < n; ++i) continuation += (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80;
  return n - continuation;
}

char32_t decode_utf8(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return ++i, b0;
  int len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (len == 0 || b0 > 0xF4 || i + len > s.size()) return ++i, 0xFFFD;
  char32_t cp = b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return ++i, 0xFFFD;
    cp = (cp << 6) | (b & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return ++i, 0xFFFD;
  i += len;
  return cp;
}

bool is_valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const size_t at = i;
    if (decode_utf8(s, i) == 0xFFFD && !(s.substr(at, 3) == "\xEF\xBF\xBD")) return false;
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
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

bool has_direction_marks(std::string_view s) {
  // Every mark is encoded as a 3-byte sequence starting with E2, EF or D8 (ALM).
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b == 0xE2 || b == 0xEF || b == 0xD8) {
      size_t j = i;
      if (is_direction_mark(decode_utf8(s, j))) return true;
    }
  }
  return false;
}

std::string strip_direction_marks(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t at = i;
    const char32_t cp = decode_utf8(s, i);
    if (!is_direction_mark(cp)) out.append(s.substr(at, i - at));
  }
  return out;
}

std::string normalize_name(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    const size_t at = i;
    const char32_t cp = decode_utf8(s, i);
    if (is_direction_mark(cp)) continue;
    if (cp == ' ' || cp == 0x00A0 || cp == 0x202F || cp == 0x2007 || cp == '\t' || cp == '\r' || cp == '\n') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ', pending_space = false;
    out.append(s.substr(at, i - at));
  }
  return out;
}

std::string utf8_excerpt(std::string_view s, size_t max_bytes) {
  std::string out;
  size_t i = 0;
  while (i < s.size() && out.size() < max_bytes) {
    const size_t at = i;
    const char32_t cp = decode_utf8(s, i);
    if (cp == 0xFFFD && s.substr(at, 3) != "\xEF\xBF\xBD")
      out += "\xEF\xBF\xBD";
    else if (cp == '\r' || cp == '\n')
      break;
    else
      out.append(s.substr(at, i - at));
  }
  if (i < s.size() && s[i] != '\r' && s[i] != '\n') out += "\xE2\x80\xA6";
  return out;
}

}  // namespace chatlens
