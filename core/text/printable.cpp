#include "text/printable.hpp"

#include <cstdio>

#include "text/utf8.hpp"

namespace chatlens {
namespace {

constexpr bool is_bidi_control(char32_t c) {
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C;
}

void append_escape(std::string& out, const char* format, unsigned value) {
  char buf[12];
  std::snprintf(buf, sizeof buf, format, value);
  out += buf;
}

}  // namespace

std::string printable(std::string_view s, bool keep_newlines) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x7F) {  // the common case
      out += static_cast<char>(b);
      ++i;
      continue;
    }
    const size_t at = i;
    const char32_t cp = decode_utf8(s, i);
    if (cp == 0xFFFD && s.substr(at, 3) != "\xEF\xBF\xBD") {
      for (size_t k = at; k < i; ++k) append_escape(out, "\\x%02x", static_cast<unsigned char>(s[k]));
    } else if (cp == '\t' || (cp == '\n' && keep_newlines)) {
      out += static_cast<char>(cp);
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp < 0x20 || cp == 0x7F) {
      append_escape(out, "\\x%02x", static_cast<unsigned>(cp));
    } else if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp)) {
      append_escape(out, "\\u%04x", static_cast<unsigned>(cp));
    } else {
      out.append(s.substr(at, i - at));
    }
  }
  return out;
}

std::string replace_invalid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t at = i;
    const char32_t cp = decode_utf8(s, i);
    if (cp == 0xFFFD && s.substr(at, 3) != "\xEF\xBF\xBD")
      out += "\xEF\xBF\xBD";
    else
      out.append(s.substr(at, i - at));
  }
  return out;
}

}  // namespace chatlens
